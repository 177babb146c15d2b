import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { BillDoc, PayOrderDoc } from '../../../src/core/bills/types'
import { payable } from '../../../src/core/bills/fees'
import { AppError } from '../../../src/core/shared/errors'
import { newId } from '../../lib/runtime/ids'
import { billsByIds } from '../../lib/bills/views'

/** WeChat Pay's prepay id lasts two hours: an order is handed back only well inside that. */
const PREPAY_MS = 110 * 60_000
/**
 * Money handed over at the desk and waiting for a colleague's review: paying again online would
 * only make a second payment to refund. (An order opened before the desk payment can still be
 * paid; that money is confirmed by WeChat Pay, so it is credited and the desk entry rejected.)
 */
const DESK_PENDING = '该账单已在物业前台登记缴费，正在复核，请勿重复缴费'
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x))

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
  if (bills.some((b) => b.pendingOfflineId)) throw new AppError('INVALID_STATE', DESK_PENDING)
  if (new Set(bills.map((b) => b.communityId)).size > 1) throw new AppError('INVALID_INPUT', '不同小区的账单请分开缴纳')
  const totalFee = bills.reduce((s, b) => s + payable(b, ctx.now), 0)
  if (totalFee <= 0) throw new AppError('INVALID_STATE', '所选账单无需缴费')

  const made = await ctx.store.transaction(async (tx) => {
    const current: BillDoc[] = []
    for (const id of ids) {
      const b = await tx.c.bills.get(id)
      if (!b || b.status !== 'unpaid') throw new AppError('INVALID_STATE', '部分账单已缴清，请刷新后重试')
      if (b.pendingOfflineId) throw new AppError('INVALID_STATE', DESK_PENDING)
      current.push(b)
    }
    const open = current[0].openOrderId
    if (open && current.every((b) => b.openOrderId === open)) {
      const o = await tx.c.payOrders.get(open)
      // A JSAPI order is the payer's own: another family member gets an order of their own.
      if (o && o.openid === ctx.openid && o.status === 'created' && o.totalFee === totalFee && sameSet(o.billIds, ids) && ctx.now - o.createdAt < PREPAY_MS)
        return o
    }
    // ≤ 32 characters, as WeChat Pay requires: WY + 21-character time-ordered id.
    const order: PayOrderDoc = {
      _id: `WY${newId(ctx.now)}`,
      openid: ctx.openid,
      communityId: bills[0].communityId,
      billIds: ids,
      totalFee,
      status: 'created',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    await tx.c.payOrders.set(order)
    // An order it replaces stays valid at WeChat Pay: if both get paid, the first credits the
    // bills and the second finds them paid and is marked for a refund (creditOrder), never credited twice.
    for (const b of current) await tx.c.bills.update(b._id, { openOrderId: order._id })
    return order
  })
  const items = [...new Set(bills.map((b: BillDoc) => b.itemName))].join('、')
  // The same order number with the same parameters: WeChat Pay answers with the same prepay.
  const { payment } = await ctx.payments.unifiedOrder({ outTradeNo: made._id, totalFee, body: `物业缴费-${items}`, openid: ctx.openid })
  return { outTradeNo: made._id, totalFee, payment }
}

export const orderStatus: Handler<typeof billsContract.orderStatus> = async (ctx, { outTradeNo }) => {
  const o = await ctx.store.c.payOrders.get(outTradeNo)
  if (!o || o.openid !== ctx.openid) throw new AppError('NOT_FOUND', '订单不存在')
  return { status: o.status, receiptNo: o.receiptNo }
}
