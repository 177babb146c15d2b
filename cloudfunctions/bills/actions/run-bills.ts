import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import { billId, type BillDoc, type BillRunDoc, type FeeItemDoc, type MeterReadingDoc, type ParkingSpaceDoc } from '../../../src/core/bills/types'
import { billsInPeriod, dueDate, meterFee, parkingFee, periodLabel, propertyFee } from '../../../src/core/bills/fees'
import { houseLabel, type House } from '../../../src/core/community/types'
import { AppError } from '../../../src/core/shared/errors'
import type { Ctx } from '../../lib/runtime/context'

/** Bills written per transaction: small enough for CloudBase's transaction limits. */
const TX_BATCH = 100

async function findIn<T extends { _id: string }>(ctx: Ctx, collection: string, field: string, ids: string[], where: Record<string, string> = {}) {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 100) {
    out.push(...(await ctx.store.collection<T>(collection).find({ where: { ...where, [field]: { $in: ids.slice(i, i + 100) } }, limit: 1000 })))
  }
  return out
}

/** Every bill one house owes for this period: 物业费 (at its house type's price), a 停车费 per space, 水/电 from readings, one-offs. */
function billsFor(h: House, items: FeeItemDoc[], period: string, spaces: ParkingSpaceDoc[], readings: MeterReadingDoc[], now: number): BillDoc[] {
  const out: BillDoc[] = []
  const base = { communityId: h.communityId, houseId: h._id, building: h.building, houseLabel: houseLabel(h), period, status: 'unpaid' as const, createdAt: now, updatedAt: now }
  for (const item of items) {
    const common = { ...base, periodLabel: periodLabel(period, item.cycle), itemId: item._id, itemName: item.name, kind: item.kind, dueDate: dueDate(period, item.dueDay), ...(item.lateFee ? { lateFee: item.lateFee } : {}) }
    const push = (targetId: string, fee: { amount: number; basis: string }, target?: string) => {
      if (fee.amount > 0) out.push({ _id: billId(h.communityId, period, item._id, targetId), ...common, ...(target ? { target } : {}), ...fee, original: fee.amount })
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

/**
 * One chunk of a bill run: the next `chunk` houses after the run's cursor. Bill ids are
 * <community>_<period>_<item>_<house or space>, and each is read before it is written inside
 * the transaction, so a second run, a retried chunk or two staff at once never duplicate or
 * overwrite a bill (a paid one least of all).
 */
export const runBills: Handler<typeof billsContract.runBills> = async (ctx, { period, chunk }) => {
  const communityId = ctx.user!.staff!.communityId
  const items = (await ctx.store.collection<FeeItemDoc>('feeItems').find({ where: { communityId, active: true }, limit: 100 })).filter((i) => billsInPeriod(i, period))
  if (!items.length) throw new AppError('INVALID_STATE', `${period} 没有需要出账的收费项目`)

  const runs = ctx.store.collection<BillRunDoc>('billRuns')
  const runId = `${communityId}_${period}`
  const prev = await runs.get(runId)
  // A finished run may be run again (e.g. after late meter readings): it starts over and skips what exists.
  const cursor = prev && !prev.done ? prev.cursor : ''
  const houses = await ctx.store
    .collection<House>('houses')
    .find({ where: { communityId, ...(cursor ? { _id: { $gt: cursor } } : {}) }, orderBy: [['_id', 'asc']], limit: chunk })
  const ids = houses.map((h) => h._id)
  const needs = (k: string) => items.some((i) => i.kind === k)
  const spaces = needs('parking') ? await findIn<ParkingSpaceDoc>(ctx, 'parkingSpaces', 'houseId', ids) : []
  const readings = needs('water') || needs('electricity') ? await findIn<MeterReadingDoc>(ctx, 'meterReadings', 'houseId', ids, { communityId, period }) : []

  const bills = houses.flatMap((h) =>
    billsFor(h, items, period, spaces.filter((s) => s.houseId === h._id), readings.filter((r) => r.houseId === h._id), ctx.now),
  )
  let created = 0
  let skipped = 0
  for (let i = 0; i < bills.length; i += TX_BATCH) {
    const batch = bills.slice(i, i + TX_BATCH)
    const r = await ctx.store.transaction(async (tx) => {
      let c = 0
      for (const b of batch) {
        if (await tx.collection<BillDoc>('bills').get(b._id)) continue
        await tx.collection<BillDoc>('bills').set(b)
        c++
      }
      return c
    })
    created += r
    skipped += batch.length - r
  }
  const done = houses.length < chunk
  const fresh = !prev || prev.done
  await runs.set({
    _id: runId,
    communityId,
    period,
    cursor: houses.length ? houses[houses.length - 1]._id : cursor,
    done,
    created: (fresh ? 0 : prev.created) + created,
    skipped: (fresh ? 0 : prev.skipped) + skipped,
    startedBy: fresh ? ctx.openid : prev.startedBy,
    startedAt: fresh ? ctx.now : prev.startedAt,
    updatedAt: ctx.now,
  })
  return { period, created, skipped, done }
}
