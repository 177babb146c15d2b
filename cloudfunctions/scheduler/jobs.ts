import type { Deps } from '../lib/runtime/deps'
import { deliverOutbox } from '../lib/outbox/deliver'

/**
 * Background work, run by the one timer a function may have (every minute). A job that should
 * run less often (a daily 10:00 reminder) decides that itself from the clock, idempotently.
 * Each returns a tally of what it did, for the log and the tests.
 */
export type Job = (deps: Deps) => Promise<Record<string, number>>

export const JOBS: Record<string, Job> = {
  outbox: (deps) => deliverOutbox(deps),
}
