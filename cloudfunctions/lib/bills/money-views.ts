import { yuan } from '../../../src/core/shared/money'
import { HELD_REASON_LABELS, HELD_STATUS_LABELS, refundRefusal, type HeldStatus } from '../../../src/core/bills/refunds'
import type { BillDoc, OfflinePaymentDoc, PayOrderDoc } from '../../../src/core/bills/types'
import { coversAll, scopeOf } from '../../../src/core/access/scope'
import { maskPhone } from '../../../src/core/shared/phone'
import type { Ctx } from '../runtime/context'
import { hasRole } from '../runtime/context'
import { billsByIds } from './views'

/** A held payment is inside the caller's scope only if every building it was paid for is (a 管理员's zone). */
export const orderInScope = (ctx: Ctx, o: PayOrderDoc) => coversAll(scopeOf(ctx.user?.staff), o.communityId, o.buildings ?? [])

/** Orders held before these fields existed: fill house, label and buildings from their bills. */
export async function withPlace(ctx: Ctx, o: PayOrderDoc): Promise<PayOrderDoc> {
  if (o.buildings && o.houseLabel !== undefined) return o
  const bills = await billsByIds(ctx, o.billIds)
  return {
    ...o,
    houseIds: [...new Set(bills.map((b) => b.houseId))],
    houseLabel: [...new Set(bills.map((b) => b.houseLabel))].join('、'),
    buildings: [...new Set(bills.map((b) => b.building))],
  }
}

/** The payer as their own binding of the house names them; the phone masked, always (it is a list). */
async function payerOf(ctx: Ctx, o: PayOrderDoc) {
  for (const houseId of o.houseIds ?? []) {
    const [b] = await ctx.store.c.bindings.find({ where: { houseId, openid: o.openid }, limit: 1 })
    if (b) return { name: b.name, phone: maskPhone(b.phone) }
  }
  return undefined
}

export async function heldView(ctx: Ctx, o: PayOrderDoc) {
  const fee = o.paidFee ?? o.totalFee
  const status = o.status as HeldStatus
  const r = o.refund
  return {
    orderId: o._id,
    houseLabel: o.houseLabel ?? '',
    amount: fee,
    amountYuan: yuan(fee),
    payer: await payerOf(ctx, o),
    reason: o.heldReason ?? (o.status === 'mismatch' ? 'amount' : 'duplicate'),
    reasonText: HELD_REASON_LABELS[o.heldReason ?? (o.status === 'mismatch' ? 'amount' : 'duplicate')],
    heldAt: o.heldAt ?? o.updatedAt,
    status,
    statusText: HELD_STATUS_LABELS[status],
    refund: r
      ? { reason: r.reason, byName: r.byName, at: r.at, attempts: r.attempts, refundId: r.refundId, refundedAt: r.refundedAt, error: r.error }
      : undefined,
    canRefund: hasRole(ctx, 'supervisor') && refundRefusal(o, ctx.now) === null,
  }
}

export function offlineEntryView(ctx: Ctx, e: OfflinePaymentDoc, bills: BillDoc[]) {
  return {
    id: e._id,
    houseId: e.houseId,
    houseLabel: e.houseLabel,
    method: e.method,
    amount: e.amount,
    lines: bills.map((b) => ({ itemName: b.target ? `${b.itemName} · ${b.target}` : b.itemName, periodLabel: b.periodLabel })),
    note: e.note,
    recordedByName: e.recordedByName,
    createdAt: e.createdAt,
    status: e.status,
    decidedByName: e.decidedByName,
    decidedAt: e.decidedAt,
    rejectReason: e.rejectReason,
    receiptNo: e.receiptNo,
    mine: e.recordedBy === ctx.openid,
    settledElsewhere: e.status === 'pending' && bills.some((b) => b.status !== 'unpaid'),
  }
}
