import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { BillDoc, PayOrderDoc } from '../../../src/core/bills/types'
import { payable } from '../../../src/core/bills/fees'
import { AppError } from '../../../src/core/shared/errors'
import { newId } from '../../lib/runtime/ids'
import { billsByIds } from '../views'

/**
 * A WeChat Pay order for bills of the caller's own houses. The order keeps the bill ids and the
 * total; the payment callback credits exactly these bills for exactly this amount, or nothing.
 */
export const createOrder: Handler<typeof billsContract.createOrder> = async (ctx, { billIds }) => {
  const ids = [...new Set(billIds)]
  const bills = await billsByIds(ctx, ids)
  const mine = new Set(ctx.houses.map((b) => b.houseId))
  // Someone else's bill and a bill that does not exist look the same: nothing to learn by probing.
  if (bills.length !== ids.length || bills.some((b) => !mine.has(b.houseId))) throw new AppError('NOT_FOUND', '账单不存在')
  if (bills.some((b) => b.status !== 'unpaid')) throw new AppError('INVALID_STATE', '部分账单已缴清，请刷新后重试')
  if (new Set(bills.map((b) => b.communityId)).size > 1) throw new AppError('INVALID_INPUT', '不同小区的账单请分开缴纳')
  const totalFee = bills.reduce((s, b) => s + payable(b, ctx.now), 0)
  if (totalFee <= 0) throw new AppError('INVALID_STATE', '所选账单无需缴费')

  // ≤ 32 characters, as WeChat Pay requires: WY + 21-character time-ordered id.
  const outTradeNo = `WY${newId(ctx.now)}`
  const order: PayOrderDoc = {
    _id: outTradeNo,
    openid: ctx.openid,
    communityId: bills[0].communityId,
    billIds: ids,
    totalFee,
    status: 'created',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  await ctx.store.collection<PayOrderDoc>('payOrders').set(order)
  const items = [...new Set(bills.map((b: BillDoc) => b.itemName))].join('、')
  const { payment } = await ctx.payments.unifiedOrder({ outTradeNo, totalFee, body: `物业缴费-${items}`, openid: ctx.openid })
  return { outTradeNo, totalFee, payment }
}

export const orderStatus: Handler<typeof billsContract.orderStatus> = async (ctx, { outTradeNo }) => {
  const o = await ctx.store.collection<PayOrderDoc>('payOrders').get(outTradeNo)
  if (!o || o.openid !== ctx.openid) throw new AppError('NOT_FOUND', '订单不存在')
  return { status: o.status, receiptNo: o.receiptNo }
}
