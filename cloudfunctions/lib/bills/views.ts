import { daysOverdue, payable } from '../../../src/core/bills/fees'
import type { BillDoc, FeeItemDoc, ReceiptDoc } from '../../../src/core/bills/types'
import type { Ctx } from '../runtime/context'

/** A bill as the app shows it; the audit trail only for staff. */
export function billView(b: BillDoc, now: number, opts: { staff?: boolean } = {}) {
  return {
    id: b._id,
    houseId: b.houseId,
    houseLabel: b.houseLabel,
    itemName: b.itemName,
    kind: b.kind,
    target: b.target,
    period: b.period,
    periodLabel: b.periodLabel,
    basis: b.basis,
    amount: b.amount,
    payable: b.status === 'unpaid' ? payable(b, now) : (b.paidAmount ?? b.amount),
    dueDate: b.dueDate,
    overdueDays: daysOverdue(b.dueDate, now),
    status: b.status,
    paidAt: b.paidAt,
    paidVia: b.paidVia,
    paidAmount: b.paidAmount,
    receiptNo: b.receiptNo,
    disputeTicketId: b.disputeTicketId,
    adjustments: opts.staff ? b.adjustments?.map(({ byName, at, from, to, reason }) => ({ byName, at, from, to, reason })) : undefined,
    offlinePending: opts.staff && b.pendingOfflineId ? true : undefined,
  }
}

export function receiptView(r: ReceiptDoc, communityName: string) {
  return {
    receiptNo: r._id,
    communityName,
    method: r.method,
    amount: r.amount,
    lines: r.lines,
    transactionId: r.transactionId,
    note: r.note,
    createdAt: r.createdAt,
  }
}

export function feeItemView(f: FeeItemDoc) {
  return {
    id: f._id,
    kind: f.kind,
    name: f.name,
    unitPrice: f.unitPrice,
    priceByType: f.priceByType as Record<string, number> | undefined,
    cycle: f.cycle,
    dueDay: f.dueDay,
    onlyPeriod: f.onlyPeriod,
    lateFee: f.lateFee,
    active: f.active,
  }
}

export async function communityName(ctx: Pick<Ctx, 'store'>, id: string) {
  return (await ctx.store.c.communities.get(id))?.name ?? ''
}

/** Bills by id, $in in slices of 100 (CloudBase's practical limit for one `in`). */
export async function billsByIds(ctx: Pick<Ctx, 'store'>, ids: string[]): Promise<BillDoc[]> {
  const out: BillDoc[] = []
  for (let i = 0; i < ids.length; i += 100) {
    const slice = ids.slice(i, i + 100)
    out.push(...(await ctx.store.c.bills.find({ where: { _id: { $in: slice } }, limit: slice.length })))
  }
  return out
}
