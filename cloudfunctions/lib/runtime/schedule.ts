import type { Store, Tx } from '../ports/store'

/**
 * schedule/jobs: when each background job next has work. The timer fires every minute, and a tick
 * that finds nothing due reads this one document and stops, so an idle community costs one read a
 * minute instead of a query per job. A job that is not told about new work still runs every
 * SWEEP_MS, so a wake lost to a bug delays work by at most that long and never drops it.
 */
export interface ScheduleDoc {
  _id: string
  /** Job name → epoch ms. A job missing here has never run and is due. */
  at: Record<string, number>
  updatedAt: number
}

/** The scheduler's jobs, in the order a tick runs them (cloudfunctions/scheduler/jobs.ts). */
export const JOB_NAMES = [
  'tickets',
  'surveys',
  'complaints',
  'callbacks',
  'payOrders',
  'billReminders',
  'notices',
  'patrol',
  'outbox',
  'noticeStatus',
  'rollups',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export const SCHEDULE_ID = 'jobs'
export const SWEEP_MS = 15 * 60_000

/** The jobs due at `now` by this plan (all of them without one). */
export const anyDue = (plan: ScheduleDoc | null, now: number) => JOB_NAMES.some((n) => (plan?.at[n] ?? 0) <= now)

/** The plan as a transaction has read and written it: one read however many wakes it makes (a notice to 5,000 people). */
const seenIn = new WeakMap<Tx, ScheduleDoc | null>()

/**
 * Tell the scheduler `job` has work at `at`, inside the transaction that made the work, so the
 * two land together. Writes only when that is earlier than the job's planned run, which while
 * the job is busy (planned for now) is never.
 */
export async function wake(tx: Tx, job: JobName, at: number): Promise<void> {
  const plan = seenIn.has(tx) ? seenIn.get(tx)! : await tx.c.schedule.get(SCHEDULE_ID)
  seenIn.set(tx, plan)
  if (!plan || (plan.at[job] ?? 0) <= at) return
  const next = { ...plan, at: { ...plan.at, [job]: at } }
  await tx.c.schedule.set(next)
  seenIn.set(tx, next)
}

/**
 * Before a tick runs its due jobs: each is planned `holdMs` ahead (when a tick that died mid-run
 * stops holding the lease), so a wake from work made while it runs lands as an earlier time and
 * is kept when the tick replans, and a dead tick's jobs come due again by themselves.
 */
export async function claimDue(store: Store, names: readonly JobName[], now: number, holdMs: number): Promise<JobName[]> {
  return store.transaction(async (tx) => {
    const plan = await tx.c.schedule.get(SCHEDULE_ID)
    const due = names.filter((n) => (plan?.at[n] ?? 0) <= now)
    if (due.length) await tx.c.schedule.set({ _id: SCHEDULE_ID, at: { ...plan?.at, ...Object.fromEntries(due.map((n) => [n, now + holdMs])) }, updatedAt: now })
    return due
  })
}

/**
 * After a tick: each job that ran is planned for when it said it next has work, or earlier if a
 * wake moved it off the time `claimDue` gave it meanwhile.
 */
export async function replan(store: Store, next: Record<string, number>, claimedAt: number, now: number): Promise<void> {
  await store.transaction(async (tx) => {
    const plan = await tx.c.schedule.get(SCHEDULE_ID)
    const at = { ...plan?.at }
    for (const [job, t] of Object.entries(next)) at[job] = at[job] === undefined || at[job] === claimedAt ? t : Math.min(at[job], t)
    await tx.c.schedule.set({ _id: SCHEDULE_ID, at, updatedAt: now })
  })
}

/**
 * For a job that read up to `batch` rows ordered by due time, with no upper bound: the rows due
 * now, and when it next has work (the first row not yet due; now when a full page was all due).
 */
export function splitDue<T>(rows: T[], dueAt: (r: T) => number, now: number, batch: number): { due: T[]; nextAt?: number } {
  const due = rows.filter((r) => dueAt(r) <= now)
  const later = rows.find((r) => dueAt(r) > now)
  return { due, nextAt: later ? dueAt(later) : rows.length >= batch ? now : undefined }
}

/** For a job that read up to `batch` due rows: run again next minute when the page was full. */
export const moreIfFull = (rows: unknown[], batch: number, now: number) => (rows.length >= batch ? now : undefined)
