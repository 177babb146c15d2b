import { dayjs, shanghaiHour, TZ } from './time'

/** Pushes that can wait are not sent between 22:00 and 07:00 Shanghai time. */
export const QUIET = { start: 22, end: 7 } as const

export function isQuiet(now: number): boolean {
  const h = shanghaiHour(now)
  return h >= QUIET.start || h < QUIET.end
}

/** The earliest moment a non-urgent push may go out: now, or 07:00 after the quiet night. */
export function nextSendTime(now: number): number {
  if (!isQuiet(now)) return now
  const local = dayjs(now).tz(TZ)
  const morning = local.hour() >= QUIET.start ? local.add(1, 'day') : local
  return morning.hour(QUIET.end).minute(0).second(0).millisecond(0).valueOf()
}
