import { schedulerContract } from '../../src/core/scheduler/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { releaseLease, takeLease } from '../lib/runtime/lease'
import { newId } from '../lib/runtime/ids'
import { anyDue, claimDue, JOB_NAMES, replan, SCHEDULE_ID, SWEEP_MS } from '../lib/runtime/schedule'
import { JOBS } from './jobs'

/** Longer than the function's 60 s timeout: a tick killed mid-run stops blocking after this. */
export const TICK_LEASE_MS = 90_000

/**
 * scheduler: the timer-triggered function. A tick reads the schedule and stops when no job is due
 * (most minutes of a quiet day: one read). Otherwise it takes the scheduler lease, because timer
 * runs overlap on CloudBase (a tick longer than its minute, a retry), runs the due jobs and plans
 * each one's next run from what it reports. One job failing does not stop the others.
 */
export const scheduler = defineFunction('scheduler', schedulerContract, {
  async tick(ctx) {
    if (!anyDue(await ctx.store.c.schedule.get(SCHEDULE_ID), ctx.now)) return { jobs: {} }
    const holder = newId(ctx.now)
    if (!(await takeLease(ctx.store, 'scheduler', holder, ctx.now, TICK_LEASE_MS))) return { jobs: { lease: { busy: 1 } } }
    const jobs: Record<string, Record<string, number>> = {}
    const next: Record<string, number> = {}
    try {
      for (const name of await claimDue(ctx.store, JOB_NAMES, ctx.now, TICK_LEASE_MS)) {
        try {
          const { nextAt, ...tally } = await JOBS[name](ctx)
          jobs[name] = tally as Record<string, number>
          next[name] = Math.min(nextAt ?? Infinity, ctx.now + SWEEP_MS)
        } catch (e) {
          console.error(`[scheduler] ${name}`, e instanceof Error ? e.message : e)
          jobs[name] = { error: 1 }
          // A failing job is retried next minute, not a sweep later.
          next[name] = ctx.now + 60_000
        }
      }
      // Unplanned, each job that ran is due again when the lease lapses.
      await replan(ctx.store, next, ctx.now + TICK_LEASE_MS, ctx.now).catch((e) => console.error('[scheduler] replan', e instanceof Error ? e.message : e))
    } finally {
      // Best effort: a lease that cannot be given back lapses by itself.
      await releaseLease(ctx.store, 'scheduler', holder).catch((e) => console.error('[scheduler] lease', e instanceof Error ? e.message : e))
    }
    return { jobs }
  },
})

export const main = wechatMain(scheduler, { timerAction: 'tick' })
