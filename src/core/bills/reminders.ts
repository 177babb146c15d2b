import { calendarDay } from '../shared/calendar-day'
import { shanghaiDate, shanghaiHour } from '../shared/time'
import { nextSendTime, QUIET, type QuietHours } from '../shared/quiet-hours'

/**
 * 催缴 that respects people: a prompt a few days before the due date, on it, then at +7, +15
 * and +30 days; never for a paid bill; at most one prompt per person per 3 days (whatever the
 * number of bills or houses); no push between 22:00 and 07:00. Each community may change these
 * (billSettings/<communityId>, edited by the 客服主任). Pure: `now` is an argument.
 */
export interface ReminderPolicy {
  daysBefore: number
  onDue: boolean
  overdueDays: number[]
  minGapDays: number
  /** Shanghai hour the scheduler sends the day's policy prompts. */
  hour: number
  /** Pushes wait out this window (the in-app message does not); 22:00–07:00 unless the community chose otherwise. */
  quiet?: QuietHours
}

export const DEFAULT_POLICY: ReminderPolicy = { daysBefore: 3, onDue: true, overdueDays: [7, 15, 30], minGapDays: 3, hour: 10, quiet: QUIET }

export const DAY_MS = 24 * 3600 * 1000

export type Stage = { kind: 'before'; days: number } | { kind: 'due' } | { kind: 'overdue'; days: number }

export const today = (now: number) => shanghaiDate(now)
export const addDays = (date: string, n: number) => calendarDay(date).add(n, 'day').format('YYYY-MM-DD')

/** The due dates whose unpaid bills get a prompt today, and why: what the daily job queries. */
export function dueDatesToday(now: number, policy: ReminderPolicy = DEFAULT_POLICY): { dueDate: string; stage: Stage }[] {
  const t = today(now)
  const out: { dueDate: string; stage: Stage }[] = []
  if (policy.daysBefore > 0) out.push({ dueDate: addDays(t, policy.daysBefore), stage: { kind: 'before', days: policy.daysBefore } })
  if (policy.onDue) out.push({ dueDate: t, stage: { kind: 'due' } })
  for (const d of policy.overdueDays) out.push({ dueDate: addDays(t, -d), stage: { kind: 'overdue', days: d } })
  return out
}

/** The stage a bill is at today, or null when today is not one of its prompt days. */
export function stageOf(dueDate: string, now: number, policy: ReminderPolicy = DEFAULT_POLICY): Stage | null {
  return dueDatesToday(now, policy).find((d) => d.dueDate === dueDate)?.stage ?? null
}

export type PromptDecision = { send: true; notBefore: number } | { send: false; reason: 'paid' | 'recent' }

/**
 * One person, one moment: prompt only if something is still unpaid and the last prompt was at
 * least `minGapDays` ago; the push waits for the end of quiet hours (the in-app message does not).
 */
export function decidePrompt(input: { now: number; unpaidTotal: number; lastPromptAt?: number }, policy: ReminderPolicy = DEFAULT_POLICY): PromptDecision {
  if (input.unpaidTotal <= 0) return { send: false, reason: 'paid' }
  if (input.lastPromptAt !== undefined && input.now - input.lastPromptAt < policy.minGapDays * DAY_MS) return { send: false, reason: 'recent' }
  return { send: true, notBefore: nextSendTime(input.now, policy.quiet ?? QUIET) }
}

/** The daily run is due from `hour` on, once per Shanghai calendar day. */
export function dailyRunDue(now: number, lastRunDate: string | undefined, policy: ReminderPolicy = DEFAULT_POLICY): boolean {
  return shanghaiHour(now) >= policy.hour && lastRunDate !== today(now)
}

export function stageText(stage: Stage): string {
  if (stage.kind === 'before') return `${stage.days} 天后到期`
  if (stage.kind === 'due') return '今天到期'
  return `已逾期 ${stage.days} 天`
}
