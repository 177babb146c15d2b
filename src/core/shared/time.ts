/**
 * Every community of this product is in mainland China; business rules read the wall clock
 * there, as a fixed UTC+8 offset: China has kept UTC+8 without daylight saving since 1991.
 * Not dayjs's timezone plugin: its Intl lookups cost up to a millisecond a call (every deadline
 * of every ticket, every bill of a 20,000-house run); and no dayjs at all here, because the
 * main package formats times and has no room for it (calendar-day.ts does date arithmetic).
 * calendar.test.ts checks these against the IANA zone.
 */
const OFFSET = 8 * 3600_000
const HOUR = 3600_000
const DAY = 86400_000

/** Shanghai wall-clock text ("2026-11-24 09:00", "2026-11-01") as the moment (ms) it names. */
export function atShanghai(wall: string): number {
  const [y, mo, d, h = 0, mi = 0, s = 0] = wall.split(/[-\s:]/).map(Number)
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET
}
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
/** YYYY-MM as people say it: 12月, or with the year 2026年12月. */
export const monthName = (month: string, withYear = false) => `${withYear ? `${month.slice(0, 4)}年` : ''}${Number(month.slice(5))}月`
/** YYYY-MM plus k months (k may be negative). */
export function addMonths(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 + k, 1)).toISOString().slice(0, 7)
}

/** The Shanghai hour `hour` (0–23) of the day `t` falls in, or of the next day when that has passed. */
export function nextShanghaiHour(t: number, hour: number): number {
  const at = shanghaiDayStart(t) + hour * HOUR
  return at > t ? at : at + DAY
}

const TOKENS = /YYYY|MM|M|DD|D|HH|mm|ss/g
const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * A timestamp (ms) as Shanghai wall-clock text, e.g. 2026-11-24 14:30. Patterns use dayjs's
 * tokens YYYY, MM/M, DD/D, HH, mm and ss (M月D日 HH:mm, YYYYMMDD …); other text stays as it is.
 */
export function formatTime(ms: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  const d = new Date(ms + OFFSET)
  const value: Record<string, number> = {
    YYYY: d.getUTCFullYear(),
    M: d.getUTCMonth() + 1,
    D: d.getUTCDate(),
    H: d.getUTCHours(),
    m: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  }
  return pattern.replace(TOKENS, (t) => (t === 'YYYY' ? String(value.YYYY) : t.length === 2 ? pad2(value[t[0]]) : String(value[t])))
}
