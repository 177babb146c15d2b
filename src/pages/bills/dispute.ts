import { go } from '../../services/nav'

/**
 * 对账单有疑问: a question ticket linked to the bill, asked on a small page in the billing
 * subpackage (the main package has no room). A bill already asked about opens that ticket.
 */
export function openBillDispute(bill: { id: string; houseId: string; itemName: string; periodLabel: string; amount: number; disputeTicketId?: string }) {
  if (bill.disputeTicketId) return go('ticket', { id: bill.disputeTicketId })
  return go('dispute', { billId: bill.id, houseId: bill.houseId, about: `${bill.itemName}（${bill.periodLabel}）`, amount: bill.amount })
}
