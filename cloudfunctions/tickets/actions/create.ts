import { AppError } from '../../../src/core/shared/errors'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import type { Handler } from '../../lib/runtime/handler'
import { actorFor } from '../../lib/tickets/actor'
import { openTicket } from '../../lib/tickets/open'
import { assertLinkable } from '../../lib/notices/link'

/** Residents report for a house they are bound to; that binding also tells us who they are. */
export const create: Handler<typeof ticketsContract.create> = async (ctx, input) => {
  const binding = ctx.houses.find((b) => b.houseId === input.houseId)
  if (!binding) throw new AppError('FORBIDDEN', '只能为您已绑定的房屋报事')
  const house = await ctx.store.c.houses.get(input.houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  if (input.outageId) await assertLinkable(ctx.store, input.outageId, house, ctx.now)
  return openTicket(ctx, {
    input,
    house,
    reporter: { openid: ctx.openid, name: binding.name, phone: binding.phone },
    source: 'app',
    actor: actorFor(ctx, null),
  })
}
