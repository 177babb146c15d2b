import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Every community of this product is in mainland China; business rules read the wall clock there. */
export const TZ = 'Asia/Shanghai'

export const SERVICE_HOURS = { open: '09:00', close: '18:00' } as const

/**
 * Shanghai wall time as a fixed UTC+8 offset, for hot paths: China has kept UTC+8 without
 * daylight saving since 1991, and dayjs's Intl-based tz() costs up to a millisecond a call —
 * too much for every deadline of every ticket or every bill of a 20,000-house run.
 * calendar.test.ts checks these against dayjs tz.
 */
const OFFSET = 8 * 3600_000
const DAY = 86400_000
export const shanghaiDayStart = (t: number) => Math.floor((t + OFFSET) / DAY) * DAY - OFFSET
/** 0 = Sunday; 1970-01-01 was a Thursday. */
export const shanghaiWeekday = (t: number) => (Math.floor((t + OFFSET) / DAY) + 4) % 7
/** YYYY-MM-DD */
export const shanghaiDate = (t: number) => new Date(t + OFFSET).toISOString().slice(0, 10)
export const shanghaiHour = (t: number) => new Date(t + OFFSET).getUTCHours()
/** YYYY-MM */
export const shanghaiMonth = (t: number) => shanghaiDate(t).slice(0, 7)
/** The instant a Shanghai calendar month (YYYY-MM) begins. */
export function monthStart(month: string): number {
  const [y, m] = month.split('-').map(Number)
  return Date.UTC(y, m - 1, 1) - OFFSET
}
/** YYYY-MM plus k months (k may be negative). */
export function addMonths(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 + k, 1)).toISOString().slice(0, 7)
}

/** Calendar arithmetic on YYYY-MM(-DD) strings needs no time zone at all: do it in UTC. */
export const calendarDay = (date: string) => dayjs.utc(date)

/** A timestamp (ms) as Shanghai wall-clock text, e.g. 2026-11-24 14:30. */
export function formatTime(ms: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(ms).tz(TZ).format(pattern)
}

export { dayjs }
