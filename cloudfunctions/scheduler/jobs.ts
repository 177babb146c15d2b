import type { Deps } from '../lib/runtime/deps'
import { deliverOutbox } from '../lib/outbox/deliver'
import { billReminders, payOrders } from '../bills/jobs'
import { escalate } from '../tickets/jobs/escalate'

/**
 * Background work, run by the one timer a function may have (every minute). A job that should
 * run less often (a daily 10:00 reminder) decides that itself from the clock, idempotently.
 * Each returns a tally of what it did, for the log and the tests.
 */
export type Job = (deps: Deps) => Promise<Record<string, number>>

export const JOBS: Record<string, Job> = {
  // Escalate first: its notifications then go out in the same tick.
  tickets: (deps) => escalate(deps),
  // Bills: missed or abandoned payments, then the daily 10:00 prompts (before outbox, so they go out this tick).
  payOrders: (deps) => payOrders(deps),
  billReminders: (deps) => billReminders(deps),
  outbox: (deps) => deliverOutbox(deps),
}
