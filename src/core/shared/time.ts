import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Every community of this product is in mainland China; business rules read the wall clock
 * there, as a fixed UTC+8 offset: China has kept UTC+8 without daylight saving since 1991.
 * Not dayjs's timezone plugin: its Intl lookups cost up to a millisecond a call (every deadline
 * of every ticket, every bill of a 20,000-house run) and its bytes the main package.
 * calendar.test.ts checks these against the IANA zone.
 */
const OFFSET = 8 * 3600_000

/** A moment (now by default) as Shanghai wall time, for formatting and calendar steps. */
export const shanghai = (t?: number) => dayjs(t).utcOffset(8 * 60)
/** Shanghai wall-clock text ("2026-11-24 09:00", "2026-11-01") as the moment it names. */
export const atShanghai = (wall: string) =>
  dayjs
    .utc(wall)
    .subtract(8, 'hour')
    .utcOffset(8 * 60)
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
  return shanghai(ms).format(pattern)
}

export { dayjs }
