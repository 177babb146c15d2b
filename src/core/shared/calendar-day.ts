import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Calendar arithmetic on YYYY-MM(-DD) strings (a month on, the last day of a month) needs no
 * time zone at all: dayjs in UTC. Kept apart from time.ts so the main package, which only
 * formats times, does not carry dayjs.
 */
export const calendarDay = (date: string) => dayjs.utc(date)

export { dayjs }
