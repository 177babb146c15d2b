import type { AuditDoc, AuditKind } from '../../src/core/supervisor/types'
import type { Tx } from '../lib/ports/store'
import type { Ctx } from '../lib/runtime/context'
import { newId } from '../lib/runtime/ids'
import { officeScope } from '../lib/runtime/scope'

/** The caller's community: every team and settings change is made in, and audited under, it. */
export function communityOf(ctx: Ctx): string {
  return officeScope(ctx).communityId
}

/**
 * The audit record of a change, written with `tx` — the transaction that makes the change — so
 * a change without its record (or a record of a change that never happened) cannot exist.
 */
export async function recordChange(tx: Tx, ctx: Ctx, communityId: string, change: { kind: AuditKind; summary: string; before: unknown; after: unknown }) {
  const doc: AuditDoc = {
    _id: newId(ctx.now),
    communityId,
    kind: change.kind,
    actor: ctx.openid,
    actorName: ctx.user?.staff?.name ?? '',
    at: ctx.now,
    summary: change.summary,
    // The trail stores JSON; `undefined` (nothing before a create, nothing after a delete) becomes null.
    before: change.before ?? null,
    after: change.after ?? null,
  }
  await tx.collection<AuditDoc>('audit').set(doc)
}
