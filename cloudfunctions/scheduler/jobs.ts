import type { Deps } from '../lib/runtime/deps'
import type { JobName } from '../lib/runtime/schedule'
import { deliverOutbox } from '../lib/outbox/deliver'
import { billReminders, payOrders } from '../lib/bills/jobs'
import { escalate } from '../lib/tickets/escalate'
import { sendNotices, settleDeliveries } from '../lib/notices/send'
import { callbackChecks, finishComplaints, sendSurveys } from '../lib/surveys/jobs'
import { refreshRollups } from '../lib/supervisor/rollups'
import { alertOverdueRounds } from '../lib/patrol/overdue'

/**
 * Background work, run by the one timer a function may have (every minute). A job that should
 * run less often (a daily 10:00 reminder) decides that itself from the clock, idempotently.
 * Each returns a tally of what it did, for the log and the tests, and may say when it next has
 * work (`nextAt`, epoch ms): the tick then sleeps it until then instead of a whole sweep.
 */
export type Job = (deps: Deps) => Promise<{ nextAt?: number; [count: string]: number | undefined }>

export const JOBS: Record<JobName, Job> = {
  // Escalate first: its notifications then go out in the same tick.
  tickets: (deps) => escalate(deps),
  // 回访: surveys for work that closed (after escalate, which auto-closes), then the 72 h callback checks.
  surveys: (deps) => sendSurveys(deps),
  complaints: (deps) => finishComplaints(deps),
  callbacks: (deps) => callbackChecks(deps),
  // Bills: missed or abandoned payments, then the daily 10:00 prompts (before outbox, so they go out this tick).
  payOrders: (deps) => payOrders(deps),
  billReminders: (deps) => billReminders(deps),
  // Notices: scheduled publishes and the next chunks of large audiences, before outbox so pushes go this tick.
  notices: (deps) => sendNotices(deps),
  // 巡查: a round past its due time is told to its owner, once.
  patrol: (deps) => alertOverdueRounds(deps),
  outbox: (deps) => deliverOutbox(deps),
  // Then what the outbox did with each notice push, onto the recipient's delivery record.
  noticeStatus: (deps) => settleDeliveries(deps),
  // Last: the 客服主任's month figures, refolded ahead of going stale so the dashboard only reads.
  rollups: (deps) => refreshRollups(deps),
}
