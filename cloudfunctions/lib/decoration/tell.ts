import type { DecorationDoc } from '../../../src/core/decoration/types'
import { pageUrl } from '../../../src/core/shared/pages'
import type { Ctx } from '../runtime/context'
import type { Tx } from '../ports/store'
import { notify } from '../outbox/notify'

/** Who hears of each step: the applicant and the house's other owners. Read before the transaction. */
export async function ownersOf(ctx: Pick<Ctx, 'store'>, d: DecorationDoc) {
  const bound = await ctx.store.c.bindings.find({ where: { houseId: d.houseId, status: 'approved' }, limit: 50 })
  return [...new Set([d.applicant.openid, ...bound.filter((b) => b.role === 'owner').map((b) => b.openid)])]
}

export async function tellOwners(tx: Tx, ctx: Pick<Ctx, 'now'>, openids: readonly string[], d: DecorationDoc, title: string, body: string) {
  for (const openid of openids) await notify(tx, ctx.now, { openid, title, body, page: pageUrl('decoration', { houseId: d.houseId }) })
}
