import { atShanghai, shanghaiDate, shanghaiDayStart, shanghaiWeekday } from '../shared/time'

const DAY = 86400_000

/** How often a round is walked: every day, or once a week; done by `dueBy` (HH:mm) on its day. */
export interface Schedule {
  every: 'daily' | 'weekly'
  /** Weekly rounds: the day it is due, 1 = Monday … 7 = Sunday. */
  weekday?: number
  dueBy: string
}

/** One period of a schedule: the day, or the week from Monday, that `now` falls in. */
export interface Period {
  /** YYYY-MM-DD of its first day: a round's id is its route and this key. */
  key: string
  start: number
  /** When the round should be done by. */
  dueAt: number
  /** When the period is over and an unfinished round counts as missed. */
  end: number
}

export function periodOf(s: Schedule, now: number): Period {
  const today = shanghaiDayStart(now)
  const start = s.every === 'daily' ? today : today - ((shanghaiWeekday(now) + 6) % 7) * DAY
  const dueDay = s.every === 'daily' ? start : start + ((s.weekday ?? 7) - 1) * DAY
  return { key: shanghaiDate(start), start, dueAt: atShanghai(`${shanghaiDate(dueDay)} ${s.dueBy}`), end: start + (s.every === 'daily' ? DAY : 7 * DAY) }
}

export type RoundState = 'todo' | 'running' | 'done' | 'late' | 'overdue'

export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  todo: '待巡查',
  running: '巡查中',
  done: '已完成',
  late: '逾期完成',
  overdue: '已逾期',
}

/** Where this period's round stands: a round not finished by its due time is overdue, started or not, and late once finished. */
export function roundState(p: Pick<Period, 'dueAt'>, round: { finishedAt?: number } | null, now: number): RoundState {
  if (round?.finishedAt !== undefined) return round.finishedAt > p.dueAt ? 'late' : 'done'
  if (now > p.dueAt) return 'overdue'
  return round ? 'running' : 'todo'
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

/** 每天 10:00 前 / 每周三 17:00 前 */
export const scheduleLabel = (s: Schedule) => (s.every === 'daily' ? `每天 ${s.dueBy} 前` : `每周${WEEKDAYS[(s.weekday ?? 7) - 1]} ${s.dueBy} 前`)
