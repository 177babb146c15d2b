import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { BillDoc, OfflinePaymentDoc, ReceiptDoc } from '../../../src/core/bills/types'
import { payable } from '../../../src/core/bills/fees'
import { yuan } from '../../../src/core/shared/money'
import { needsReview } from '../../../src/core/bills/offline-review'
import { AppError } from '../../../src/core/shared/errors'
import { assertInScope } from '../../lib/runtime/scope'
import { newId } from '../../lib/runtime/ids'
import { notify } from '../../lib/outbox/notify'
import { creditBills } from '../../lib/bills/credit'
import { reviewAboveOf } from '../../lib/bills/policy'
import { billView, communityName, receiptView } from '../../lib/bills/views'
import { offlineEntryView } from '../../lib/bills/money-views'
import { auditChange } from '../../lib/runtime/audit'
import { PAY_METHOD_LABELS } from '../../../src/core/bills/types'
import { pageUrl } from '../../../src/core/shared/pages'

/**
 * Cash or a bank transfer taken at the front desk: the same crediting as WeChat Pay, with a
 * receipt — or, above the community's review threshold, a pending entry that holds the bills
 * until a colleague confirms it (offline-review.ts). Either way audited in the same transaction.
 */
export const recordOffline: Handler<typeof billsContract.recordOffline> = async (ctx, { billIds, method, note }) => {
  const ids = [...new Set(billIds)]
  const out = await ctx.store.transaction(async (tx): Promise<{ receipt: ReceiptDoc } | { pending: OfflinePaymentDoc; bills: BillDoc[] }> => {
    const bills: BillDoc[] = []
    for (const id of ids) {
      const b = await tx.c.bills.get(id)
      if (!b) throw new AppError('NOT_FOUND', '账单不存在')
      assertInScope(ctx, b)
      if (b.status !== 'unpaid') throw new AppError('INVALID_STATE', `${b.itemName}（${b.periodLabel}）已不是待缴状态，请刷新`)
      if (b.pendingOfflineId) throw new AppError('INVALID_STATE', `${b.itemName}（${b.periodLabel}）已登记线下收款，正在等待复核`)
      bills.push(b)
    }
    if (new Set(bills.map((b) => b.houseId)).size > 1) throw new AppError('INVALID_INPUT', '一次只能为一户登记收款')
    const amount = bills.reduce((s, b) => s + payable(b, ctx.now), 0)
    const head = bills[0]
    const before = bills.map((b) => ({ id: b._id, item: b.itemName, period: b.periodLabel, status: b.status, amount: b.amount }))
    const what = `${head.houseLabel} ${PAY_METHOD_LABELS[method]}收款 ¥${yuan(amount)}（${bills.length} 笔）`
    const above = await reviewAboveOf(tx, head.communityId)
    if (needsReview(method, amount, above)) {
      const entry: OfflinePaymentDoc = {
        _id: newId(ctx.now),
        communityId: head.communityId,
        houseId: head.houseId,
        building: head.building,
        houseLabel: head.houseLabel,
        billIds: bills.map((b) => b._id),
        method,
        amount,
        ...(note ? { note } : {}),
        recordedBy: ctx.openid,
        recordedByName: ctx.user?.staff?.name ?? '',
        status: 'pending',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }
      await tx.c.offlinePayments.set(entry)
      for (const b of bills) await tx.c.bills.update(b._id, { pendingOfflineId: entry._id, updatedAt: ctx.now })
      await auditChange(tx, ctx, head.communityId, {
        kind: 'offlinePayment',
        summary: `${what}，超过复核金额 ¥${yuan(above)}，待第二人确认`,
        before,
        after: { entryId: entry._id, method, amount, note: note || null, status: 'pending' },
      })
      return { pending: entry, bills }
    }
    const r = await creditBills(tx, ctx.now, ctx.now, { bills, method, amount, recordedBy: ctx.openid, note: note || undefined })
    // Money taken by hand is the change a 客服主任 most needs to be able to trace.
    await auditChange(tx, ctx, head.communityId, {
      kind: 'offlinePayment',
      summary: `${what}，收据 ${r._id}`,
      before,
      after: { receiptNo: r._id, method, amount, note: note || null },
    })
    return { receipt: r }
  })
  if ('pending' in out) return { pending: true as const, entry: offlineEntryView(ctx, out.pending, out.bills) }
  return receiptView(out.receipt, await communityName(ctx, out.receipt.communityId))
}

/**
 * Waive (amount 0) or change an unpaid bill. The old and new amounts, who and why are appended
 * to the bill's audit trail, and the residents of the house are told.
 */
export const adjust: Handler<typeof billsContract.adjust> = async (ctx, { billId, amount, reason }) => {
  const bill = await ctx.store.transaction(async (tx) => {
    const b = await tx.c.bills.get(billId)
    if (!b) throw new AppError('NOT_FOUND', '账单不存在')
    assertInScope(ctx, b)
    if (b.status !== 'unpaid') throw new AppError('INVALID_STATE', '只能调整待缴账单')
    // The pending desk payment was counted against this amount: decide it first.
    if (b.pendingOfflineId) throw new AppError('INVALID_STATE', '该账单有待复核的线下收款，请先确认或驳回')
    if (amount === b.amount) throw new AppError('INVALID_INPUT', '金额没有变化', { amount: '金额没有变化' })
    const entry = { by: ctx.openid, byName: ctx.user?.staff?.name ?? '', at: ctx.now, from: b.amount, to: amount, reason }
    const next: BillDoc = {
      ...b,
      amount,
      status: amount === 0 ? 'waived' : 'unpaid',
      adjustments: [...(b.adjustments ?? []), entry],
      updatedAt: ctx.now,
    }
    await tx.c.bills.set(next)
    await auditChange(tx, ctx, b.communityId, {
      kind: 'billAdjust',
      summary: `${b.houseLabel} ${b.itemName}（${b.periodLabel}）${amount === 0 ? '减免' : '调整'} ¥${yuan(b.amount)} → ¥${yuan(amount)}：${reason}`,
      before: { id: b._id, amount: b.amount, status: b.status },
      after: { id: b._id, amount, status: next.status, reason },
    })
    return next
  })
  // Tell the residents (in-app only: an adjustment is not urgent enough to spend a subscription).
  const bindings = await ctx.store.c.bindings.find({ where: { houseId: bill.houseId, status: 'approved' }, limit: 20 })
  if (bindings.length) {
    await ctx.store.transaction(async (tx) => {
      for (const b of bindings) {
        await notify(tx, ctx.now, {
          openid: b.openid,
          title: amount === 0 ? '账单已减免' : '账单金额已调整',
          body: `${bill.houseLabel} ${bill.itemName}（${bill.periodLabel}）${amount === 0 ? '已减免' : `调整为 ¥${yuan(amount)}`}。原因：${reason}`,
          page: pageUrl('bills'),
        })
      }
    })
  }
  return billView(bill, ctx.now, { staff: true })
}
