import type { Store } from '../../../cloudfunctions/lib/ports/store'
import { billsFor } from '../../../src/core/bills/billing'
import { billId, type BillDoc, type PayMethod, type ReceiptDoc } from '../../../src/core/bills/types'
import { monthStart, shanghaiDate, shanghaiDayStart, shanghaiHour } from '../../../src/core/shared/time'
import type { SeedDoc } from '../batch'
import { MIN, HOUR, DAY, between, int, weighted, hashOf } from './basics'
import type { World } from './plan'

/** 物业费 bills of the past months, most paid, with receipts: a collection rate that differs by month and building. */

/**
 * 物业费 for the six months before this one: most paid (WeChat, cash at the desk, transfer),
 * the rest still owed by the same few households month after month, so the collection rate
 * runs from ~96% six months back to ~86% last month, differently per building.
 */
export async function billHistory(w: World, store: Store, months: string[], docs: SeedDoc[]) {
  const { r } = w
  const items = await store.c.feeItems.find({ where: { communityId: w.communityId, kind: 'property' }, limit: 10 })
  const property = items.find((i) => i.active) ?? items[0]
  if (!property) return 0
  const existing = new Map<string, BillDoc>()
  for (let offset = 0; ; offset += 1000) {
    const page = await store.c.bills.find({ where: { communityId: w.communityId, period: { $in: months } }, orderBy: [['_id', 'asc']], offset, limit: 1000 })
    for (const b of page) existing.set(b._id, b)
    if (page.length < 1000) break
  }
  const reliability = new Map(w.houses.map((h) => [h._id, r()]))
  const lean = new Map([...w.byBuilding.keys()].map((b) => [b, between(r, -0.025, 0.02)]))
  const paid: BillDoc[] = []
  let count = 0
  months.forEach((period, k) => {
    const ago = months.length - k
    const base = [0.88, 0.91, 0.925, 0.94, 0.95, 0.96][Math.min(ago, 6) - 1]
    const createdAt = monthStart(period) + 10 * HOUR
    for (const [building, houses] of w.byBuilding) {
      const target = Math.min(0.97, Math.max(0.85, base + lean.get(building)! + between(r, -0.01, 0.01)))
      const fresh = houses.filter((h) => !existing.has(billId(w.communityId, period, property._id, h._id)))
      const owing = houses.filter((h) => existing.get(billId(w.communityId, period, property._id, h._id))?.status === 'unpaid').length
      const unpaid = Math.max(0, Math.round(houses.length * (1 - target)) - owing)
      // The least reliable payers owe, with a little noise so it is not the same list every month.
      const order = fresh.map((h) => ({ id: h._id, key: reliability.get(h._id)! + r() * 0.15 })).sort((a, b) => a.key - b.key)
      const owes = new Set(order.slice(0, unpaid).map((x) => x.id))
      fresh.forEach((h, i) => {
        const at = createdAt + i * 20
        const [bill] = billsFor(h, [property], period, [], [], at)
        count++
        if (owes.has(h._id)) docs.push({ collection: 'bills', doc: bill })
        else {
          const prompt = reliability.get(h._id)! > 0.35
          const days = prompt ? between(r, 0.2, 25) : between(r, 15, 75)
          const method = weighted(r, [
            ['wechat', 75],
            ['cash', 12],
            ['transfer', 13],
          ] as const) as PayMethod
          let paidAt = at + Math.floor(days * DAY)
          const hour = shanghaiHour(paidAt)
          if (method !== 'wechat' && (hour < 9 || hour >= 17)) paidAt = shanghaiDayStart(paidAt) + int(r, 9, 16) * HOUR + int(r, 0, 59) * MIN
          if (paidAt >= w.limit - HOUR) paidAt = at + Math.floor(r() * (w.limit - HOUR - at))
          paid.push({ ...bill, status: 'paid', paidAt, paidVia: method, paidAmount: bill.amount, updatedAt: paidAt })
        }
      })
    }
  })
  // Receipt numbers in order of the day, after any the counters already handed out.
  paid.sort((a, b) => a.paidAt! - b.paidAt! || a._id.localeCompare(b._id))
  const counters = new Map<string, number>()
  for (const b of paid) {
    const day = shanghaiDate(b.paidAt!).replace(/-/g, '')
    const cid = `receipt_${day}`
    if (!counters.has(cid)) counters.set(cid, (await store.c.counters.get(cid))?.n ?? 0)
    const n = counters.get(cid)! + 1
    counters.set(cid, n)
    const receiptNo = `SJ${day}-${String(n).padStart(5, '0')}`
    const openid = `hist-${b.houseId}`
    const receipt: ReceiptDoc = {
      _id: receiptNo,
      communityId: w.communityId,
      houseIds: [b.houseId],
      ...(b.paidVia === 'wechat'
        ? { openid, transactionId: `42000${day}${String(hashOf(b._id) % 1e9).padStart(9, '0')}${String(n).padStart(6, '0')}` }
        : { recordedBy: w.agent.openid, note: b.paidVia === 'cash' ? '前台现金缴费' : '银行转账到账' }),
      method: b.paidVia!,
      amount: b.amount,
      lines: [{ billId: b._id, label: b.houseLabel, itemName: b.itemName, periodLabel: b.periodLabel, amount: b.amount }],
      createdAt: b.paidAt!,
    }
    const bill: BillDoc = { ...b, receiptNo }
    docs.push({ collection: 'bills', doc: bill }, { collection: 'receipts', doc: receipt })
  }
  for (const [cid, n] of counters) docs.push({ collection: 'counters', doc: { _id: cid, n } as { _id: string } })
  return count
}
