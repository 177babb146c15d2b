import Taro from '@tarojs/taro'

/**
 * 对账单有疑问: a question ticket linked to the bill, asked on a small page in the billing
 * subpackage (the main package has no room). A bill already asked about opens that ticket.
 */
export function openBillDispute(bill: { id: string; houseId: string; itemName: string; periodLabel: string; amount: number; disputeTicketId?: string }) {
  if (bill.disputeTicketId) return Taro.navigateTo({ url: `/tickets/detail/index?id=${bill.disputeTicketId}` })
  const q = `billId=${encodeURIComponent(bill.id)}&houseId=${encodeURIComponent(bill.houseId)}&about=${encodeURIComponent(`${bill.itemName}（${bill.periodLabel}）`)}&amount=${bill.amount}`
  return Taro.navigateTo({ url: `/billing/dispute/index?${q}` })
}
