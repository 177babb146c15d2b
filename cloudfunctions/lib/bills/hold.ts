import type { BillDoc, PayOrderDoc } from '../../../src/core/bills/types'
import { heldMessage, heldReason } from '../../../src/core/bills/refunds'
import type { Tx } from '../ports/store'
import { notify } from '../outbox/notify'
import { pageUrl } from '../../../src/core/shared/pages'

/**
 * A payment WeChat Pay confirmed that cannot be credited: the order is held for a refund with
 * what staff need (what was paid, where, why — its buildings decide whose scope lists it), and
 * the payer is told in-app in the same transaction, so a held payment nobody was told of cannot
 * exist. Never credited: the money goes back through `bills.refund`.
 */
export async function holdPayment(
  tx: Tx,
  now: number,
  order: PayOrderDoc,
  paid: { totalFee: number; transactionId?: string },
  status: 'mismatch' | 'conflict',
  note: string,
): Promise<PayOrderDoc> {
  const bills: (BillDoc | null)[] = []
  for (const id of order.billIds) bills.push(await tx.c.bills.get(id))
  const found = bills.filter((b): b is BillDoc => b !== null)
  const reason = heldReason(status !== 'mismatch', bills)
  const houseLabel = [...new Set(found.map((b) => b.houseLabel))].join('、')
  const held: PayOrderDoc = {
    ...order,
    status,
    note,
    ...(paid.transactionId ? { transactionId: paid.transactionId } : {}),
    paidFee: paid.totalFee,
    heldReason: reason,
    heldAt: now,
    houseIds: [...new Set(found.map((b) => b.houseId))],
    houseLabel,
    buildings: [...new Set(found.map((b) => b.building))],
    updatedAt: now,
  }
  await tx.c.payOrders.set(held)
  // In-app only: the payer needs no action, and a subscription is better kept for the refund's receipt-like news.
  await notify(tx, now, { openid: order.openid, ...heldMessage(reason, paid.totalFee, houseLabel || '您的房屋'), page: pageUrl('bills') })
  return held
}
