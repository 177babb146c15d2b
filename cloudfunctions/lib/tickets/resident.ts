import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Ctx } from '../runtime/context'

/**
 * A resident's part in a ticket lasts as long as their binding: they live in its house now (the
 * reporter always did when filing), or they follow it and still live in its community. A tenant
 * who moved out, or a member the owner removed, no longer reads the family's repairs.
 */
export function residentOf(ctx: Ctx, t: Pick<TicketDoc, 'houseId' | 'followers' | 'communityId'>): boolean {
  if (t.houseId && ctx.houses.some((h) => h.houseId === t.houseId)) return true
  return t.followers.includes(ctx.openid) && ctx.houses.some((h) => h.communityId === t.communityId)
}

/** The reporter or a follower, while still a resident of the ticket (rating, 催单). */
export const ownsTicket = (ctx: Ctx, t: Pick<TicketDoc, 'houseId' | 'followers' | 'communityId' | 'reporterOpenid'>) =>
  (ctx.openid === t.reporterOpenid || t.followers.includes(ctx.openid)) && residentOf(ctx, t)
