import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { bindingView, housesById } from '../../lib/account/views'

export const myHouses: Handler<typeof accountContract.myHouses> = async (ctx) => {
  const rows = await ctx.store.c.bindings.find({ where: { openid: ctx.openid }, orderBy: [['createdAt', 'desc']], limit: 50 })
  const houses = await housesById(
    ctx,
    rows.map((b) => b.houseId),
  )
  return rows.map((b) => bindingView(b, houses.get(b.houseId) ?? null))
}
