import { schedulerContract } from '../../src/core/scheduler/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { JOBS } from './jobs'

/** scheduler: the timer-triggered function. One job failing does not stop the others. */
export const scheduler = defineFunction('scheduler', schedulerContract, {
  async tick(ctx) {
    const jobs: Record<string, Record<string, number>> = {}
    for (const [name, job] of Object.entries(JOBS)) {
      try {
        jobs[name] = await job(ctx)
      } catch (e) {
        console.error(`[scheduler] ${name}`, e instanceof Error ? e.message : e)
        jobs[name] = { error: 1 }
      }
    }
    return { jobs }
  },
})

export const main = wechatMain(scheduler, { timerAction: 'tick' })
