import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { ReceiptDoc } from '../../../src/core/bills/types'
import { AppError } from '../../../src/core/shared/errors'
import { billView, communityName, receiptView } from '../../lib/bills/views'
import { houseLabel } from '../../../src/core/community/types'
import { scopeOf } from '../../../src/core/access/scope'
import { inScope } from '../../lib/runtime/scope'

/** Only approved bindings count: a pending claim shows no bills. */
const houseIds = (ctx: Parameters<Handler<typeof billsContract.myBills>>[0]) => [...new Set(ctx.houses.map((b) => b.houseId))]

export const myBills: Handler<typeof billsContract.myBills> = async (ctx) => {
  const ids = houseIds(ctx)
  if (!ids.length) return { unpaidTotal: 0, houses: [] }
  const [bills, houses] = await Promise.all([
    ctx.store.c.bills.find({ where: { houseId: { $in: ids }, status: 'unpaid' }, orderBy: [['dueDate', 'asc']], limit: 200 }),
    ctx.store.c.houses.find({ where: { _id: { $in: ids } }, limit: ids.length }),
  ])
  const labels = new Map(houses.map((h) => [h._id, houseLabel(h)]))
  const views = bills.map((b) => billView(b, ctx.now))
  const byHouse = ids.map((houseId) => {
    const list = views.filter((v) => v.houseId === houseId)
    return { houseId, label: labels.get(houseId) ?? houseId, unpaidTotal: list.reduce((s, v) => s + v.payable, 0), bills: list }
  })
  return { unpaidTotal: byHouse.reduce((s, h) => s + h.unpaidTotal, 0), houses: byHouse }
}

export const history: Handler<typeof billsContract.history> = async (ctx, { offset, limit }) => {
  const ids = houseIds(ctx)
  if (!ids.length) return { items: [], total: 0 }
  const where = { houseId: { $in: ids }, status: { $in: ['paid', 'waived'] } }
  const bills = ctx.store.c.bills
  const [items, total] = await Promise.all([bills.find({ where, orderBy: [['updatedAt', 'desc']], offset, limit }), bills.count(where)])
  return { items: items.map((b) => billView(b, ctx.now)), total }
}

/** Front-office staff whose scope holds every house the receipt is for. */
async function staffMaySee(ctx: Ctx, r: ReceiptDoc) {
  if (!scopeOf(ctx.user?.staff)) return false
  const houses = await ctx.store.c.houses.find({ where: { _id: { $in: r.houseIds } }, limit: r.houseIds.length })
  return houses.length > 0 && houses.every((h) => inScope(ctx, h))
}

/** The payer, a resident of a house on it, or staff whose scope holds it may read a receipt. */
export const receipt: Handler<typeof billsContract.receipt> = async (ctx, { receiptNo }) => {
  const r = await ctx.store.c.receipts.get(receiptNo)
  const mine = r && (r.openid === ctx.openid || r.houseIds.some((h) => ctx.houses.some((b) => b.houseId === h)))
  if (!r || !(mine || (await staffMaySee(ctx, r)))) throw new AppError('NOT_FOUND', '没有找到这张收据')
  return receiptView(r, await communityName(ctx, r.communityId))
}
