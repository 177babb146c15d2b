import { shanghaiDate, shanghaiDayStart, shanghaiWeekday } from '../shared/time'
/** When the service desk works: daily hours, the weekdays it opens (0 = Sunday) and holidays. */
export interface BusinessCalendar {
  open: string
  close: string
  weekdays: number[]
  /** YYYY-MM-DD, Shanghai dates. */
  holidays: string[]
}

/** Property service centres open every day; statutory holidays are listed per community. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  open: '09:00',
  close: '18:00',
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'],
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

// Fixed-offset Shanghai days (see shared/time.ts): this runs for every deadline of every ticket.
const DAY = 86400_000
export { shanghaiDate, shanghaiDayStart, shanghaiWeekday }

/** The working interval [start, end) of the Shanghai day containing `t`, or null for a day off. */
function workday(t: number, cal: BusinessCalendar): [number, number] | null {
  const d = shanghaiDayStart(t)
  if (!cal.weekdays.includes(shanghaiWeekday(t)) || cal.holidays.includes(shanghaiDate(t))) return null
  return [d + minutesOf(cal.open) * 60_000, d + minutesOf(cal.close) * 60_000]
}

const nextDay = (t: number) => shanghaiDayStart(t) + DAY

/** `start` plus `minutes` of working time. Starting outside hours counts from the next opening. */
export function addBusinessMinutes(start: number, minutes: number, cal: BusinessCalendar): number {
  let t = start
  let left = minutes * 60_000
  for (let guard = 0; guard < 400; guard++) {
    const w = workday(t, cal)
    if (w && t < w[1]) {
      const from = Math.max(t, w[0])
      if (from + left <= w[1]) return from + left
      left -= w[1] - from
    }
    t = nextDay(t)
  }
  throw new Error('business calendar has no working time in 400 days')
}

/** Working minutes between two instants (0 when b ≤ a). */
export function businessMinutesBetween(a: number, b: number, cal: BusinessCalendar): number {
  let total = 0
  let t = a
  for (let guard = 0; t < b && guard < 400; guard++) {
    const w = workday(t, cal)
    if (w) {
      const from = Math.max(t, w[0])
      const to = Math.min(b, w[1])
      if (to > from) total += to - from
    }
    t = nextDay(t)
  }
  return total / 60_000
}

/** 18:00 on the next working day after `t`: "by the next business day". */
export function endOfNextBusinessDay(t: number, cal: BusinessCalendar): number {
  let d = nextDay(t)
  for (let guard = 0; guard < 400; guard++) {
    const w = workday(d, cal)
    if (w) return w[1]
    d = nextDay(d)
  }
  throw new Error('business calendar has no working day in 400 days')
}

/** Is the desk staffed at `t`? (Emergencies are answered 24 h regardless.) */
export function isBusinessTime(t: number, cal: BusinessCalendar): boolean {
  const w = workday(t, cal)
  return w !== null && t >= w[0] && t < w[1]
}

const WEEKDAY_NAMES = '日一二三四五六'

/** The desk's days and hours as a resident reads them: 每天 09:00–18:00, 周一至周五 09:00–17:30. */
export function hoursWords(cal: BusinessCalendar): string {
  const days = [1, 2, 3, 4, 5, 6, 0].filter((d) => cal.weekdays.includes(d))
  const run = days.length > 1 && days.every((d, i) => i === 0 || d === (days[i - 1] + 1) % 7)
  const when =
    days.length === 7
      ? '每天'
      : run
        ? `周${WEEKDAY_NAMES[days[0]]}至周${WEEKDAY_NAMES[days[days.length - 1]]}`
        : `周${days.map((d) => WEEKDAY_NAMES[d]).join('、')}`
  return `${when} ${cal.open}–${cal.close}`
}
