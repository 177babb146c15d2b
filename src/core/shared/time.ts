import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Every community of this product is in mainland China; business rules read the wall clock there. */
export const TZ = 'Asia/Shanghai'

export const SERVICE_HOURS = { open: '09:00', close: '18:00' } as const

/** A timestamp (ms) as Shanghai wall-clock text, e.g. 2026-11-24 14:30. */
export function formatTime(ms: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(ms).tz(TZ).format(pattern)
}

export { dayjs }
