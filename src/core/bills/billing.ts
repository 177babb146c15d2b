import { billId, type BillDoc, type FeeItemDoc, type MeterReadingDoc, type ParkingSpaceDoc } from './types'
import { dueDate, meterFee, parkingFee, periodLabel, propertyFee } from './fees'
import { houseLabel, type House } from '../community/types'

/**
 * What a bill run writes for one house, and the one place a BillDoc is made: the bill run and the
 * demo seeds both build their bills here, so a seeded bill is exactly what a run would issue.
 */
export /** Every bill one house owes for this period: 物业费 (at its house type's price), a 停车费 per space, 水/电 from readings, one-offs. */
function billsFor(h: House, items: FeeItemDoc[], period: string, spaces: ParkingSpaceDoc[], readings: MeterReadingDoc[], now: number): BillDoc[] {
  const out: BillDoc[] = []
  const base = {
    communityId: h.communityId,
    houseId: h._id,
    building: h.building,
    houseLabel: houseLabel(h),
    period,
    status: 'unpaid' as const,
    createdAt: now,
    updatedAt: now,
  }
  for (const item of items) {
    const common = {
      ...base,
      periodLabel: periodLabel(period, item.cycle),
      itemId: item._id,
      itemName: item.name,
      kind: item.kind,
      dueDate: dueDate(period, item.dueDay),
      ...(item.lateFee ? { lateFee: item.lateFee } : {}),
    }
    const push = (targetId: string, fee: { amount: number; basis: string }, target?: string) => {
      if (fee.amount > 0)
        out.push({ _id: billId(h.communityId, period, item._id, targetId), ...common, ...(target ? { target } : {}), ...fee, original: fee.amount })
    }
    if (item.kind === 'property') push(h._id, propertyFee(h.area, item, h.type))
    else if (item.kind === 'parking') for (const s of spaces) push(s._id, parkingFee(s.no, item), s.no)
    else if (item.kind === 'oneoff') push(h._id, { amount: item.unitPrice, basis: item.name })
    else {
      const r = readings.find((x) => x.kind === item.kind)
      if (r) push(h._id, meterFee(r.previous, r.current, item))
    }
  }
  return out
}
