import { isDeposit, type BillDoc } from '../../../src/core/bills/types'
import { monthDates, monthRange, rollupMonth, type MonthRollup } from '../../../src/core/supervisor/monthly'
import type { SurveyDoc } from '../../../src/core/surveys/types'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Doc, Filter, Query, Store } from '../ports/store'
import { rulesFor } from '../tickets/policy'
import { splitDue, wake } from '../runtime/schedule'

/** rollups/<communityId>_<YYYY-MM>: a month's figures folded into counters, and when they were folded. */
export interface RollupDoc extends MonthRollup {
  _id: string
  communityId: string
  computedAt: number
  /** Still moving (not yet settled): the scheduler keeps it fresh while someone watches. */
  live: boolean
  /** Last time a view read it (kept to the hour: at most one write an hour per month viewed). */
  viewedAt: number
}

const MINUTE = 60_000
/** How stale a live month may be: the dashboard says when it was computed. */
export const LIVE_TTL = 10 * MINUTE
/**
 * A month's cohorts keep moving after it ends (late resolutions, ratings 48 h after closing,
 * callbacks at 72 h, bills paid late): it is final once folded this long after its end.
 */
export const SETTLE_MS = 35 * 24 * 60 * MINUTE

export function isFresh(r: Pick<RollupDoc, 'month' | 'computedAt'>, now: number): boolean {
  const [, end] = monthRange(r.month)
  return r.computedAt >= end + SETTLE_MS || r.computedAt >= now - LIVE_TTL
}

const PAGE = 1000

async function all<T extends Doc>(store: Store, name: string, q: Query): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const page = await store.collection<T>(name).find({ ...q, offset: out.length, limit: PAGE })
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

/** Fold one community-month from three indexed ranges: never a walk over all tickets. */
export async function computeRollup(store: Store, communityId: string, month: string, now: number): Promise<RollupDoc> {
  const [start, end] = monthRange(month)
  const [first, last] = monthDates(month)
  const billsOf = (status: string) =>
    all<BillDoc>(store, 'bills', { where: { communityId, status, dueDate: { $gte: first, $lte: last } } as Filter, orderBy: [['dueDate', 'asc']] })
  const [rules, tickets, surveys, unpaid, paid] = await Promise.all([
    rulesFor(store, communityId),
    all<TicketDoc>(store, 'tickets', { where: { communityId, createdAt: { $gte: start, $lt: end } }, orderBy: [['createdAt', 'asc']] }),
    all<SurveyDoc>(store, 'surveys', { where: { communityId, month }, orderBy: [['sentAt', 'asc']] }),
    billsOf('unpaid'),
    billsOf('paid'),
  ])
  const r = rollupMonth({ month, tickets, surveys, bills: [...unpaid, ...paid].filter((b) => !isDeposit(b)), calendar: rules.calendar, now })
  return { _id: `${communityId}_${month}`, communityId, computedAt: now, live: now < end + SETTLE_MS, viewedAt: now, ...r }
}

/** A month's rollup: the stored one while fresh, else folded again and stored (a cache: last writer wins). */
export async function monthRollup(store: Store, communityId: string, month: string, now: number): Promise<RollupDoc> {
  const coll = store.c.rollups
  const kept = await coll.get(`${communityId}_${month}`)
  if (kept && isFresh(kept, now)) {
    if (kept.live && now - kept.viewedAt > 60 * MINUTE) await watch(store, { ...kept, viewedAt: now })
    return kept
  }
  const next = await computeRollup(store, communityId, month, now)
  if (next.live) await watch(store, next)
  else await coll.set(next)
  return next
}

/** A live month someone is looking at: stored, and the scheduler told when to refold it. */
async function watch(store: Store, r: RollupDoc) {
  await store.transaction(async (tx) => {
    await tx.c.rollups.set(r)
    await wake(tx, 'rollups', refoldAt(r))
  })
}

/** Refold a live month this long before a view would find it stale, so views only ever read. */
export const REFRESH_AHEAD = 5 * MINUTE
/** Only months someone looked at lately are kept warm: idle communities cost no reads. */
export const WATCH_MS = 2 * 60 * MINUTE
/** Folds per scheduler tick (~60 ms each at 1,700 tickets a month): the tick stays well inside its time limit. */
export const FOLDS_PER_TICK = 8

/**
 * The scheduler refolds live months that were viewed in the last two hours shortly before they
 * go stale, a few per tick, oldest first: a 客服主任 opening the dashboard then reads stored
 * rollups instead of folding on the tap. One indexed query a tick when there is nothing to do.
 */
export async function refreshRollups(deps: { store: Store; clock: { now(): number } }): Promise<{ folded: number; nextAt?: number }> {
  const now = deps.clock.now()
  const coll = deps.store.c.rollups
  const page = await coll.find({ where: { live: true, viewedAt: { $gte: now - WATCH_MS } }, orderBy: [['computedAt', 'asc']], limit: FOLDS_PER_TICK })
  const { due, nextAt } = splitDue(page, refoldAt, now, FOLDS_PER_TICK)
  for (const r of due) await coll.set({ ...(await computeRollup(deps.store, r.communityId, r.month, now)), viewedAt: r.viewedAt })
  // What was just folded is due again a refresh later.
  return { folded: due.length, nextAt: due.length ? Math.min(nextAt ?? Infinity, now + LIVE_TTL - REFRESH_AHEAD) : nextAt }
}

const refoldAt = (r: RollupDoc) => r.computedAt + LIVE_TTL - REFRESH_AHEAD
