import { nextShanghaiHour, shanghaiHour } from './time'

/** Whole Shanghai hours [start, end); a window with start > end spans midnight. */
export interface QuietHours {
  start: number
  end: number
}

/** Pushes that can wait are not sent between 22:00 and 07:00 Shanghai time (a community may choose its own window). */
export const QUIET: QuietHours = { start: 22, end: 7 }

/** Whether the Shanghai hour `h` (0–23) falls in the window. */
export const quietHour = (h: number, q: QuietHours = QUIET) => (q.start > q.end ? h >= q.start || h < q.end : h >= q.start && h < q.end)

export const isQuiet = (now: number, q: QuietHours = QUIET): boolean => quietHour(shanghaiHour(now), q)

/** The earliest moment a non-urgent push may go out: now, or the next end of the quiet window. */
export function nextSendTime(now: number, q: QuietHours = QUIET): number {
  if (!isQuiet(now, q)) return now
  return nextShanghaiHour(now, q.end)
}
