import Taro from '@tarojs/taro'

/**
 * 对账单有疑问 → a ticket linked to the bill (issue 3, tickets). HOOK: until the tickets
 * function accepts a bill link (CreateTicket.billId) and the report page reads `billId` from its
 * query, this opens the report page with the bill prefilled as a question, and falls back to
 * calling the service desk when that page is not there.
 */
export async function openBillDispute(bill: { id: string; houseId: string; itemName: string; periodLabel: string }, servicePhone = '0571-88886666') {
  const q = `type=question&houseId=${encodeURIComponent(bill.houseId)}&billId=${encodeURIComponent(bill.id)}&about=${encodeURIComponent(`${bill.itemName} ${bill.periodLabel}`)}`
  try {
    await Taro.navigateTo({ url: `/pages/report/index?${q}` })
  } catch {
    const { confirm } = await Taro.showModal({ title: '对账单有疑问', content: `请致电物业服务中心 ${servicePhone}，我们会为您核对 ${bill.itemName}（${bill.periodLabel}）。`, confirmText: '拨打电话' })
    if (confirm) Taro.makePhoneCall({ phoneNumber: servicePhone })
  }
}
