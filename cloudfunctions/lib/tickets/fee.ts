import { addDays } from '../../../src/core/bills/reminders'
import { billId, REPAIR_ITEM, type BillDoc } from '../../../src/core/bills/types'
import { yuan } from '../../../src/core/shared/money'
import { shanghaiDate, shanghaiMonth } from '../../../src/core/shared/time'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Tx } from '../ports/store'

/** One bill per ticket, whenever it was completed: a second 完工 (after a reopen) changes it while unpaid. */
export const feeBillId = (t: Pick<TicketDoc, 'communityId' | '_id' | 'createdAt'>) => billId(t.communityId, shanghaiMonth(t.createdAt), REPAIR_ITEM, t._id)

/**
 * The cost of an in-home repair as a bill of the house, due in a week, written with the 完工 that
 * recorded it. A paid bill is never changed: the money is in.
 */
export async function billRepairFee(tx: Tx, t: TicketDoc, now: number) {
  if (!t.cost || !t.houseId || !t.feeBillId) return
  const cur = await tx.c.bills.get(t.feeBillId)
  if (cur && cur.status !== 'unpaid') return
  const basis = t.cost.items.map((i) => `${i.name} ¥${yuan(i.amount)}`).join('、')
  const bill: BillDoc = {
    _id: t.feeBillId,
    communityId: t.communityId,
    houseId: t.houseId,
    building: t.building,
    houseLabel: t.place,
    period: shanghaiMonth(t.createdAt),
    periodLabel: `工单 ${t.no}`,
    itemId: REPAIR_ITEM,
    itemName: '维修费',
    kind: 'oneoff',
    basis,
    amount: t.cost.total,
    original: t.cost.total,
    dueDate: addDays(shanghaiDate(now), 7),
    status: 'unpaid',
    ticketId: t._id,
    createdAt: cur?.createdAt ?? now,
    updatedAt: now,
  }
  await tx.c.bills.set(bill)
}
