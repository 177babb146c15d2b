import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { BillDoc, FeeItemDoc, MeterReadingDoc, ParkingSpaceDoc } from '../../../src/core/bills/types'
import type { House } from '../../../src/core/community/types'
import { billsInPeriod } from '../../../src/core/bills/fees'
import { billsFor } from '../../../src/core/bills/billing'
import { AppError } from '../../../src/core/shared/errors'
import { scan } from '../../lib/runtime/scan'
import type { Ctx } from '../../lib/runtime/context'
import { periodInWindow, PERIOD_WINDOW_MESSAGE } from '../../../src/core/bills/fees'

/** Bills written per transaction: small enough for CloudBase's transaction limits. */
const TX_BATCH = 100
/** Houses per page of a preview: one page of reads per 500 households. */
const PREVIEW_PAGE = 500

async function findIn<T extends { _id: string }>(ctx: Ctx, collection: string, field: string, ids: string[], where: Record<string, string> = {}) {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 100) {
    out.push(...(await ctx.store.collection<T>(collection).find({ where: { ...where, [field]: { $in: ids.slice(i, i + 100) } }, limit: 1000 })))
  }
  return out
}

/** The community's active fee items that bill in this period: what a run (or its preview) writes. */
async function dueItems(ctx: Ctx, period: string) {
  if (!periodInWindow(period, ctx.now)) throw new AppError('INVALID_INPUT', PERIOD_WINDOW_MESSAGE, { period: PERIOD_WINDOW_MESSAGE })
  const communityId = ctx.user!.staff!.communityId
  const items = (await ctx.store.c.feeItems.find({ where: { communityId, active: true }, limit: 100 })).filter((i) => billsInPeriod(i, period))
  if (!items.length) throw new AppError('INVALID_STATE', `${period} 没有需要出账的收费项目`)
  return { communityId, items }
}

/** The bills a page of houses owes for the period, with their parking spaces and meter readings. */
async function billsOf(ctx: Ctx, communityId: string, items: FeeItemDoc[], period: string, houses: House[]) {
  const ids = houses.map((h) => h._id)
  const needs = (k: string) => items.some((i) => i.kind === k)
  const spaces = needs('parking') ? await findIn<ParkingSpaceDoc>(ctx, 'parkingSpaces', 'houseId', ids) : []
  const readings = needs('water') || needs('electricity') ? await findIn<MeterReadingDoc>(ctx, 'meterReadings', 'houseId', ids, { communityId, period }) : []
  return houses.flatMap((h) =>
    billsFor(
      h,
      items,
      period,
      spaces.filter((s) => s.houseId === h._id),
      readings.filter((r) => r.houseId === h._id),
      ctx.now,
    ),
  )
}

/**
 * Before 出账: what the run would write now — every house, every item, less the bills that
 * already exist — so the 客服主任 reads "creates N bills" before anything is written.
 */
export const previewBills: Handler<typeof billsContract.previewBills> = async (ctx, { period }) => {
  const { communityId, items } = await dueItems(ctx, period)
  const perItem = new Map(items.map((i) => [i._id, { itemId: i._id, name: i.name, bills: 0, amount: 0 }]))
  let existing = 0
  const { seen: houses } = await scan(
    ctx.store.c.houses,
    { communityId },
    async (page) => {
      const bills = await billsOf(ctx, communityId, items, period, page)
      const made = new Set(
        (
          await findIn<BillDoc>(
            ctx,
            'bills',
            '_id',
            bills.map((b) => b._id),
          )
        ).map((b) => b._id),
      )
      for (const b of bills) {
        if (made.has(b._id)) existing++
        else {
          const line = perItem.get(b.itemId)!
          line.bills++
          line.amount += b.amount
        }
      }
    },
    { page: PREVIEW_PAGE },
  )
  const lines = [...perItem.values()].filter((l) => l.bills > 0)
  return { period, houses, items: lines, bills: lines.reduce((n, l) => n + l.bills, 0), amount: lines.reduce((n, l) => n + l.amount, 0), existing }
}

/**
 * One chunk of a bill run: the next `chunk` houses after the run's cursor. Bill ids are
 * <community>_<period>_<item>_<house or space>, and each is read before it is written inside
 * the transaction, so a second run, a retried chunk or two staff at once never duplicate or
 * overwrite a bill (a paid one least of all).
 */
export const runBills: Handler<typeof billsContract.runBills> = async (ctx, { period, chunk }) => {
  const { communityId, items } = await dueItems(ctx, period)
  const runs = ctx.store.c.billRuns
  const runId = `${communityId}_${period}`
  const prev = await runs.get(runId)
  // A finished run may be run again (e.g. after late meter readings): it starts over and skips what exists.
  const cursor = prev && !prev.done ? prev.cursor : ''
  const houses = await ctx.store.c.houses.find({ where: { communityId, ...(cursor ? { _id: { $gt: cursor } } : {}) }, orderBy: [['_id', 'asc']], limit: chunk })
  const bills = await billsOf(ctx, communityId, items, period, houses)
  let created = 0
  let skipped = 0
  for (let i = 0; i < bills.length; i += TX_BATCH) {
    const batch = bills.slice(i, i + TX_BATCH)
    const r = await ctx.store.transaction(async (tx) => {
      let c = 0
      for (const b of batch) {
        if (await tx.c.bills.get(b._id)) continue
        await tx.c.bills.set(b)
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
