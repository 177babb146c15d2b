import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { BillDoc, FeeItemDoc, ParkingSpaceDoc, ReceiptDoc } from '../../src/core/bills/types'
import { billsFor } from '../../src/core/bills/billing'
import { houseId } from '../../src/core/community/types'

/**
 * The demo community's fees: 物业费 ¥2.50/m²·月 (商铺 ¥4.00: 6栋's ground floor), 停车费 ¥150/月, 水 ¥5.00/吨,
 * 电 ¥0.62/度, all due at month end; parking spaces for some houses; and a few months of
 * arrears on houses no demo account lives in, so 欠费 and 账龄 have something to show. The
 * current period (2026-11) is left for the bill run.
 */
export const DEMO_FEE_ITEMS = (communityId: string, now: number): FeeItemDoc[] => [
  {
    _id: `${communityId}-property`,
    communityId,
    kind: 'property',
    name: '物业费',
    unitPrice: 250,
    priceByType: { residential: 250, commercial: 400 },
    cycle: 'monthly',
    dueDay: 0,
    active: true,
    createdAt: now,
    updatedAt: now,
  },
  {
    _id: `${communityId}-parking`,
    communityId,
    kind: 'parking',
    name: '停车费',
    unitPrice: 15000,
    cycle: 'monthly',
    dueDay: 0,
    active: true,
    createdAt: now + 1,
    updatedAt: now,
  },
  {
    _id: `${communityId}-water`,
    communityId,
    kind: 'water',
    name: '水费',
    unitPrice: 500,
    cycle: 'monthly',
    dueDay: 0,
    active: true,
    createdAt: now + 2,
    updatedAt: now,
  },
  {
    _id: `${communityId}-electricity`,
    communityId,
    kind: 'electricity',
    name: '电费',
    unitPrice: 62,
    cycle: 'monthly',
    dueDay: 0,
    active: true,
    createdAt: now + 3,
    updatedAt: now,
  },
]

const ARREARS_MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']

export async function seedBillsDemo(store: Store, communityId: string, now: number, skipHouses: string[]) {
  const items = DEMO_FEE_ITEMS(communityId, now)
  for (const f of items) await store.c.feeItems.set(f)
  const houses = (await store.c.houses.find({ where: { communityId }, orderBy: [['_id', 'asc']], limit: 1000 })).filter((h) => !skipHouses.includes(h._id))
  const docs: { c: string; d: { _id: string } }[] = []
  // 李秀英 (1栋1单元401) and 王磊 rent a space; so does every ninth household.
  const withSpace = [houseId(communityId, '1', '1', '401'), houseId(communityId, '2', '1', '502'), ...houses.filter((_, i) => i % 9 === 4).map((h) => h._id)]
  withSpace.forEach((hid, i) => {
    const space: ParkingSpaceDoc = {
      _id: `${communityId}-P${String(i + 1).padStart(3, '0')}`,
      communityId,
      houseId: hid,
      no: `B1-${String(i + 1).padStart(3, '0')}`,
    }
    docs.push({ c: 'parkingSpaces', d: space })
  })

  const property = items[0]
  houses.forEach((h, i) => {
    if (i % 7 !== 3) return
    // Between one and five months behind: a spread over the aging bands.
    const months = ARREARS_MONTHS.slice(-(1 + (i % 5)))
    for (const period of months) {
      for (const bill of billsFor(h, [property], period, [], [], now)) docs.push({ c: 'bills', d: bill })
    }
  })
  await store.transaction(async (tx) => {
    for (const { c, d } of docs) await tx.collection(c).set(d)
  })

  // 张建国 paid October's 物业费 in WeChat: his history and a receipt to open.
  const zhang = await store.c.houses.get(houseId(communityId, '1', '1', '301'))
  if (zhang) {
    const paidAt = Date.UTC(2026, 9, 20, 3, 12)
    const receiptNo = 'SJ20261020-00001'
    const [issued] = billsFor(zhang, [property], '2026-10', [], [], paidAt)
    const bill: BillDoc = { ...issued, status: 'paid', paidAt, paidVia: 'wechat', paidAmount: issued.amount, receiptNo }
    const receipt: ReceiptDoc = {
      _id: receiptNo,
      communityId,
      houseIds: [zhang._id],
      openid: 'dev-resident-zhang',
      method: 'wechat',
      amount: bill.amount,
      lines: [{ billId: bill._id, label: bill.houseLabel, itemName: bill.itemName, periodLabel: bill.periodLabel, amount: bill.amount }],
      transactionId: '4200002026102012345678',
      createdAt: paidAt,
    }
    await store.c.bills.set(bill)
    await store.c.receipts.set(receipt)
    await store.c.counters.set({ _id: 'receipt_20261020', n: 1 })
  }
}
