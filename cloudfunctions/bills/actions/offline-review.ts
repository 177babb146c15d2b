import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { BillDoc, OfflinePaymentDoc } from '../../../src/core/bills/types'
import { OFFLINE_STATUS_LABELS, PAY_METHOD_LABELS } from '../../../src/core/bills/types'
import { payable } from '../../../src/core/bills/fees'
import { yuan } from '../../../src/core/shared/money'
import { AppError } from '../../../src/core/shared/errors'
import type { Tx } from '../../lib/ports/store'
import type { Ctx } from '../../lib/runtime/context'
import { assertInScope, scopeWhere } from '../../lib/runtime/scope'
import { auditChange } from '../../lib/runtime/audit'
import { creditBills } from '../../lib/bills/credit'
import { offlineEntryView } from '../../lib/bills/money-views'
import { billsByIds, communityName, receiptView } from '../../lib/bills/views'

/**
 * The second person for a desk payment above the review threshold (四眼原则): a colleague in scope
 * confirms it — only then are the bills credited and the receipt issued — or rejects it with a
 * reason. Whoever recorded it can do neither.
 */

export const pendingOffline: Handler<typeof billsContract.pendingOffline> = async (ctx, { houseId }) => {
  const entries = await ctx.store.c.offlinePayments.find({
    where: { ...scopeWhere(ctx), status: 'pending', ...(houseId ? { houseId } : {}) },
    orderBy: [['createdAt', 'asc']],
    limit: 100,
  })
  const bills = await billsByIds(ctx, [...new Set(entries.flatMap((e) => e.billIds))])
  return {
    items: entries.map((e) =>
      offlineEntryView(
        ctx,
        e,
        bills.filter((b) => e.billIds.includes(b._id)),
      ),
    ),
  }
}

/** The entry, checked for the one deciding it: in scope, not their own, still pending. */
async function decidable(tx: Tx, ctx: Ctx, entryId: string, verb: string) {
  const e = await tx.c.offlinePayments.get(entryId)
  if (!e) throw new AppError('NOT_FOUND', '收款记录不存在')
  assertInScope(ctx, e)
  if (e.recordedBy === ctx.openid) throw new AppError('FORBIDDEN', `不能${verb}自己登记的收款，请由其他同事处理`)
  if (e.status !== 'pending') throw new AppError('INVALID_STATE', `这笔收款已${OFFLINE_STATUS_LABELS[e.status]}，请刷新`)
  const bills: BillDoc[] = []
  for (const id of e.billIds) {
    const b = await tx.c.bills.get(id)
    if (b) bills.push(b)
  }
  return { e, bills }
}

const decided = (ctx: Ctx) => ({ decidedBy: ctx.openid, decidedByName: ctx.user?.staff?.name ?? '', decidedAt: ctx.now, updatedAt: ctx.now })

export const confirmOffline: Handler<typeof billsContract.confirmOffline> = async (ctx, { entryId }) => {
  const done = await ctx.store.transaction(async (tx) => {
    const { e, bills } = await decidable(tx, ctx, entryId, '复核')
    if (bills.length !== e.billIds.length || bills.some((b) => b.status !== 'unpaid' || b.pendingOfflineId !== e._id)) {
      throw new AppError('INVALID_STATE', '账单已通过其他方式缴清，请驳回这笔收款并将款项退还住户')
    }
    // The amount the desk took, as it was when taken (late fees grow by the day).
    if (bills.reduce((s, b) => s + payable(b, e.createdAt), 0) !== e.amount) throw new AppError('INVALID_STATE', '账单金额已变化，请驳回后重新登记')
    const receipt = await creditBills(tx, ctx.now, e.createdAt, {
      bills,
      method: e.method,
      amount: e.amount,
      recordedBy: e.recordedBy,
      confirmedBy: ctx.openid,
      note: e.note,
    })
    const entry: OfflinePaymentDoc = { ...e, ...decided(ctx), status: 'confirmed', receiptNo: receipt._id }
    await tx.c.offlinePayments.set(entry)
    await auditChange(tx, ctx, e.communityId, {
      kind: 'offlinePayment',
      summary: `${e.houseLabel} ${PAY_METHOD_LABELS[e.method]}收款 ¥${yuan(e.amount)}（${bills.length} 笔）复核确认，登记人 ${e.recordedByName}，收据 ${receipt._id}`,
      before: { entryId: e._id, status: 'pending', recordedBy: e.recordedBy },
      after: { entryId: e._id, status: 'confirmed', receiptNo: receipt._id },
    })
    return { entry, receipt, bills }
  })
  return { entry: offlineEntryView(ctx, done.entry, done.bills), receipt: receiptView(done.receipt, await communityName(ctx, done.receipt.communityId)) }
}

export const rejectOffline: Handler<typeof billsContract.rejectOffline> = async (ctx, { entryId, reason }) => {
  const done = await ctx.store.transaction(async (tx) => {
    const { e, bills } = await decidable(tx, ctx, entryId, '驳回')
    // Free the bills this entry held (a bill WeChat Pay credited meanwhile holds nothing any more).
    for (const b of bills) {
      if (b.pendingOfflineId !== e._id) continue
      const { pendingOfflineId: _claim, ...rest } = b
      await tx.c.bills.set({ ...rest, updatedAt: ctx.now })
    }
    const entry: OfflinePaymentDoc = { ...e, ...decided(ctx), status: 'rejected', rejectReason: reason }
    await tx.c.offlinePayments.set(entry)
    await auditChange(tx, ctx, e.communityId, {
      kind: 'offlinePayment',
      summary: `${e.houseLabel} ${PAY_METHOD_LABELS[e.method]}收款 ¥${yuan(e.amount)} 复核驳回，登记人 ${e.recordedByName}：${reason}`,
      before: { entryId: e._id, status: 'pending', recordedBy: e.recordedBy },
      after: { entryId: e._id, status: 'rejected', reason },
    })
    return { entry, bills: bills.map((b) => (b.pendingOfflineId === e._id ? { ...b, pendingOfflineId: undefined } : b)) }
  })
  return offlineEntryView(ctx, done.entry, done.bills)
}
