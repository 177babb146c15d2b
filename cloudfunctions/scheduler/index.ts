import { schedulerContract } from '../../src/core/scheduler/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { releaseLease, takeLease } from '../lib/runtime/lease'
import { newId } from '../lib/runtime/ids'
import { JOBS } from './jobs'

/** Longer than the function's 60 s timeout: a tick killed mid-run stops blocking after this. */
export const TICK_LEASE_MS = 90_000

/**
 * scheduler: the timer-triggered function. Timer runs overlap on CloudBase (a tick longer than
 * its minute, a retry), so a tick first takes the scheduler lease and a second one finds it busy.
 * One job failing does not stop the others.
 */
export const scheduler = defineFunction('scheduler', schedulerContract, {
  async tick(ctx) {
    const holder = newId(ctx.now)
    if (!(await takeLease(ctx.store, 'scheduler', holder, ctx.now, TICK_LEASE_MS))) return { jobs: { lease: { busy: 1 } } }
    const jobs: Record<string, Record<string, number>> = {}
    try {
      for (const [name, job] of Object.entries(JOBS)) {
        try {
          jobs[name] = await job(ctx)
        } catch (e) {
          console.error(`[scheduler] ${name}`, e instanceof Error ? e.message : e)
          jobs[name] = { error: 1 }
        }
      }
    } finally {
      // Best effort: a lease that cannot be given back lapses by itself.
      await releaseLease(ctx.store, 'scheduler', holder).catch((e) => console.error('[scheduler] lease', e instanceof Error ? e.message : e))
    }
    return { jobs }
  },
})

export const main = wechatMain(scheduler, { timerAction: 'tick' })
