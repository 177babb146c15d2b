import type { BillDoc, PayMethod, ReceiptDoc } from '../../../src/core/bills/types'
import { payable } from '../../../src/core/bills/fees'
import { yuan } from '../../../src/core/shared/money'
import { formatTime } from '../../../src/core/shared/time'
import type { Tx } from '../ports/store'
import type { Deps } from '../runtime/deps'
import { notify } from '../outbox/notify'
import { holdPayment } from './hold'
import { nextSeq } from '../runtime/ids'
import { pageUrl } from '../../../src/core/shared/pages'

/**
 * Crediting money to bills: one code path for WeChat Pay callbacks, the scheduler's order
 * check, and offline payments at the front desk. Always inside a transaction on the bills'
 * ids, so two notices for the same money cannot both credit it.
 */

/** counters/receipt_<YYYYMMDD> → SJ20261124-00001: readable, unique, in order of the day. */
export async function nextReceiptNo(tx: Tx, now: number): Promise<string> {
  const day = formatTime(now, 'YYYYMMDD')
  const n = await nextSeq(tx, `receipt_${day}`)
  return `SJ${day}-${String(n).padStart(5, '0')}`
}

export interface CreditInput {
  bills: BillDoc[]
  method: PayMethod
  /** Fen received for all of them, late fees included. */
  amount: number
  openid?: string
  recordedBy?: string
  confirmedBy?: string
  orderId?: string
  transactionId?: string
  note?: string
}

/** Mark bills paid and write the receipt. The caller has checked they are unpaid and the amount matches. */
export async function creditBills(tx: Tx, now: number, at: number, c: CreditInput): Promise<ReceiptDoc> {
  const receiptNo = await nextReceiptNo(tx, now)
  const lines = c.bills.map((b) => ({
    billId: b._id,
    label: b.target ? `${b.houseLabel} 车位${b.target}` : b.houseLabel,
    itemName: b.itemName,
    periodLabel: b.periodLabel,
    amount: payable(b, at),
  }))
  for (const { pendingOfflineId: _claim, ...b } of c.bills) {
    const line = lines.find((l) => l.billId === b._id)!
    // A paid bill has no desk payment waiting on it any more (the entry itself says settledElsewhere).
    await tx.c.bills.set({
      ...b,
      status: 'paid',
      paidAt: now,
      paidVia: c.method,
      paidAmount: line.amount,
      receiptNo,
      ...(c.orderId ? { orderId: c.orderId } : {}),
      updatedAt: now,
    })
  }
  const receipt: ReceiptDoc = {
    _id: receiptNo,
    communityId: c.bills[0].communityId,
    houseIds: [...new Set(c.bills.map((b) => b.houseId))],
    ...(c.openid ? { openid: c.openid } : {}),
    ...(c.recordedBy ? { recordedBy: c.recordedBy } : {}),
    ...(c.confirmedBy ? { confirmedBy: c.confirmedBy } : {}),
    method: c.method,
    amount: c.amount,
    lines,
    ...(c.transactionId ? { transactionId: c.transactionId } : {}),
    ...(c.note ? { note: c.note } : {}),
    createdAt: now,
  }
  await tx.c.receipts.set(receipt)
  return receipt
}

export type CreditOutcome = 'credited' | 'already' | 'unknown_order' | 'mismatch' | 'conflict'

/**
 * A payment WeChat (or the simulated pay page) confirmed for an order: credit its bills once.
 * Idempotent: a second notice finds the order paid and does nothing. A notice whose amount is
 * not the order's, or whose bills are no longer unpaid or no longer add up to it (paid twice,
 * waived, changed), credits nothing: the payment is held for a refund and the payer told (hold.ts).
 * A WeChat payment arriving while a desk payment for the same bills waits for review is real,
 * confirmed money: it is credited, and the desk entry can then only be rejected.
 */
export async function creditOrder(deps: Deps, outTradeNo: string, paid: { totalFee: number; transactionId?: string }): Promise<CreditOutcome> {
  const now = deps.clock.now()
  const outcome = await deps.store.transaction(async (tx) => {
    const orders = tx.c.payOrders
    const order = await orders.get(outTradeNo)
    if (!order) return { outcome: 'unknown_order' as const }
    if (order.status === 'paid') return { outcome: 'already' as const }
    // Held, being refunded or refunded: decided once, never credited (a repeat notice must not un-refund it).
    if (order.status !== 'created' && order.status !== 'closed') return { outcome: order.status === 'mismatch' ? ('mismatch' as const) : ('conflict' as const) }
    const mark = async (status: 'mismatch' | 'conflict', note: string) => {
      await holdPayment(tx, now, order, paid, status, note)
      return { outcome: status }
    }
    if (paid.totalFee !== order.totalFee) return mark('mismatch', `通知金额 ${paid.totalFee} 与订单金额 ${order.totalFee} 不符`)
    const bills: BillDoc[] = []
    for (const id of order.billIds) {
      const b = await tx.c.bills.get(id)
      if (!b || b.status !== 'unpaid') return mark('conflict', `账单 ${id} 已不是待缴状态`)
      bills.push(b)
    }
    // The amounts as they were when the order was made (late fees grow by the day).
    const sum = bills.reduce((s, b) => s + payable(b, order.createdAt), 0)
    if (sum !== order.totalFee) return mark('conflict', `账单合计 ${sum} 与订单金额 ${order.totalFee} 不符`)
    const receipt = await creditBills(tx, now, order.createdAt, {
      bills,
      method: 'wechat',
      amount: order.totalFee,
      openid: order.openid,
      orderId: order._id,
      transactionId: paid.transactionId,
    })
    await orders.set({ ...order, status: 'paid', transactionId: paid.transactionId, receiptNo: receipt._id, updatedAt: now })
    await notify(tx, now, {
      openid: order.openid,
      title: '缴费成功',
      body: `您已成功缴纳 ${bills.map((b) => b.itemName).join('、')} 共 ¥${yuan(order.totalFee)}，收据编号 ${receipt._id}。`,
      page: pageUrl('receipt', { no: receipt._id }),
      push: {
        templateKey: 'paymentReceipt',
        data: {
          amount: `${yuan(order.totalFee)}元`,
          items: [...new Set(bills.map((b) => b.itemName))].join('、'),
          receiptNo: receipt._id,
          time: formatTime(now),
        },
      },
    })
    return { outcome: 'credited' as const }
  })
  if (outcome.outcome === 'mismatch' || outcome.outcome === 'conflict' || outcome.outcome === 'unknown_order') {
    // Nothing personal: the order number and the amounts are enough for staff to look it up.
    console.error(`[pay] ${outTradeNo} ${outcome.outcome}: notice ${paid.totalFee} fen, nothing credited`)
  }
  return outcome.outcome
}
