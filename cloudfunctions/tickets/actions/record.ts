import { AppError } from '../../../src/core/shared/errors'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { assertInScope } from '../../lib/runtime/scope'
import type { Handler } from '../../lib/runtime/handler'
import { actorFor } from '../../lib/tickets/actor'
import { openTicket } from '../../lib/tickets/open'

/**
 * Staff record a call, a visit or a patrol finding. When the caller is a bound resident of that
 * house (same phone), the ticket is theirs in the app too; otherwise it is kept offline.
 */
export const record: Handler<typeof ticketsContract.record> = async (ctx, input) => {
  const house = await ctx.store.c.houses.get(input.houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  assertInScope(ctx, { communityId: house.communityId, building: input.scope === 'public' ? (input.building ?? house.building) : house.building })
  const bound = await ctx.store.c.bindings.find({ where: { houseId: house._id, status: 'approved' }, limit: 20 })
  const match = bound.find((b) => b.phone === input.reporterPhone)
  const { source, reporterName, reporterPhone, ...ticket } = input
  const openid = match?.openid ?? `offline:${reporterPhone}`
  return openTicket(ctx, { input: ticket, house, reporter: { openid, name: reporterName, phone: reporterPhone }, source, actor: actorFor(ctx, 'dispatch') })
}
