import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import type { AuditDoc } from '../../../src/core/supervisor/types'
import type { Filter } from '../../lib/ports/store'
import type { Handler } from '../../lib/runtime/handler'
import { officeScope } from '../../lib/runtime/scope'

/** Newest first, by (communityId, kind|actor|actorName, at): a search never scans the trail. */
export const audit: Handler<typeof supervisorContract.audit> = async (ctx, input) => {
  const { communityId } = officeScope(ctx)
  const coll = ctx.store.c.audit
  const base: Filter = { communityId, ...(input.kind ? { kind: input.kind } : {}) }
  // An actor is typed as a name (刘芳) or pasted as an openid: try both readings, each indexed.
  const readings: Filter[] = input.actor ? [{ actorName: input.actor }, { actor: input.actor }] : [{}]
  const found = new Map<string, AuditDoc>()
  const want = input.offset + input.limit + 1
  for (const r of readings) {
    for (const a of await coll.find({ where: { ...base, ...r }, orderBy: [['at', 'desc']], limit: Math.min(want, 1000) })) found.set(a._id, a)
  }
  const rows = [...found.values()].sort((a, b) => b.at - a.at || (a._id < b._id ? 1 : -1))
  const page = rows.slice(input.offset, input.offset + input.limit)
  return {
    items: page.map((a) => ({
      id: a._id,
      kind: a.kind,
      actor: a.actor,
      actorName: a.actorName,
      at: a.at,
      summary: a.summary,
      before: a.before,
      after: a.after,
    })),
    more: rows.length > input.offset + input.limit,
  }
}
