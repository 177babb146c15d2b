import { shanghaiDate, shanghaiDayStart } from '../shared/time'

/**
 * A moment as staff pick it on 发布公告: a date from the date picker ('YYYY-MM-DD', '' when none
 * was picked) and a time from the time picker or typed ('HH:mm'). Shanghai wall time.
 */
export interface PickedTime {
  date: string
  time: string
}

export const NO_TIME: PickedTime = { date: '', time: '' }

const DAY = 86400_000
const OFFSET = 8 * 3600_000

/** 'HH:mm' (or 'H:mm', a full-width colon too) → minutes after midnight; undefined if not a time of day. */
export function clockMinutes(text: string): number | undefined {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? h * 60 + min : undefined
}

/** 'YYYY-MM-DD' as the start of that day in Shanghai; undefined if not a date. */
function dayStart(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return undefined
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return shanghaiDate(t - OFFSET) === date ? t - OFFSET : undefined
}

/**
 * The moment a picked date and time mean. A time with no date is the next such time: today's,
 * or tomorrow's once today's has passed (16:00 typed at 17:00 means tomorrow afternoon). A date
 * with no time is undefined: half a moment is not one.
 */
export function resolvePicked(p: PickedTime, now: number): number | undefined {
  const minutes = clockMinutes(p.time)
  if (minutes === undefined) return undefined
  if (p.date) {
    const start = dayStart(p.date)
    return start === undefined ? undefined : start + minutes * 60_000
  }
  const today = shanghaiDayStart(now) + minutes * 60_000
  return today > now ? today : today + DAY
}

/** A moment back as the pickers show it. */
export function toPicked(t: number): PickedTime {
  const d = new Date(t + OFFSET)
  return { date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) }
}

/** 今天 / 明天 / 后天 / 11月28日 / 2027年1月3日: the day of a moment, as staff read it back. */
export function describeDay(t: number, now: number): string {
  const days = Math.round((shanghaiDayStart(t) - shanghaiDayStart(now)) / DAY)
  if (days === 0) return '今天'
  if (days === 1) return '明天'
  if (days === 2) return '后天'
  const [y, m, d] = toPicked(t).date.split('-').map(Number)
  return shanghaiDate(now).slice(0, 4) === String(y) ? `${m}月${d}日` : `${y}年${m}月${d}日`
}

/** 今天 16:00 / 明天 08:00 / 11月28日 16:00: a moment in words. */
export const describeAt = (t: number, now: number) => `${describeDay(t, now)} ${toPicked(t).time}`
