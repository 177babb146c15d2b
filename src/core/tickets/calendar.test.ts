import {
  addBusinessMinutes,
  businessMinutesBetween,
  endOfNextBusinessDay,
  hoursWords,
  isBusinessTime,
  DEFAULT_CALENDAR,
  shanghaiDate,
  shanghaiDayStart,
  shanghaiWeekday,
  type BusinessCalendar,
} from './calendar'
import timezone from 'dayjs/plugin/timezone'
import { dayjs } from '../shared/calendar-day'
import { addMonths, atShanghai, formatTime, monthStart, nextShanghaiHour, shanghaiMonth } from '../shared/time'

// The IANA zone, through dayjs's own timezone plugin: what the fixed offset must agree with.
dayjs.extend(timezone)
const TZ = 'Asia/Shanghai'

// Shanghai wall clock → UTC ms (Shanghai is UTC+8 all year).
const sh = (m: number, d: number, h: number, min = 0) => Date.UTC(2026, m - 1, d, h - 8, min)
const weekdaysOnly: BusinessCalendar = { ...DEFAULT_CALENDAR, weekdays: [1, 2, 3, 4, 5], holidays: ['2026-11-26'] }

describe('Shanghai day arithmetic', () => {
  it('agrees with dayjs tz across years, midnights and month ends', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 11, 31); t += 7 * 3600_000 + 13 * 60_000) {
      const d = dayjs(t).tz(TZ)
      expect(shanghaiDayStart(t)).toBe(d.startOf('day').valueOf())
      expect(shanghaiWeekday(t)).toBe(d.day())
      expect(shanghaiDate(t)).toBe(d.format('YYYY-MM-DD'))
      for (const pattern of ['YYYY-MM-DD HH:mm:ss', 'M月D日 HH:mm', 'YYYYMMDD', 'MM-DD HH:mm', 'M/D']) expect(formatTime(t, pattern)).toBe(d.format(pattern))
      expect(monthStart(addMonths(shanghaiMonth(t), 1))).toBe(d.startOf('month').add(1, 'month').valueOf())
      const wall = d.format('YYYY-MM-DD HH:mm:ss')
      expect(atShanghai(wall)).toBe(dayjs.tz(wall, TZ).valueOf())
      expect(atShanghai(d.format('YYYY-MM-DD'))).toBe(d.startOf('day').valueOf())
      const seven = d.hour() < 7 ? d.hour(7) : d.add(1, 'day').hour(7)
      expect(nextShanghaiHour(t, 7)).toBe(seven.minute(0).second(0).millisecond(0).valueOf())
    }
  })
})

describe('business calendar', () => {
  it('adds minutes inside the day', () => {
    expect(addBusinessMinutes(sh(11, 24, 10), 30, DEFAULT_CALENDAR)).toBe(sh(11, 24, 10, 30))
  })

  it('carries over the night: 17:45 + 30 min is 09:15 the next day', () => {
    expect(addBusinessMinutes(sh(11, 24, 17, 45), 30, DEFAULT_CALENDAR)).toBe(sh(11, 25, 9, 15))
  })

  it('starts counting at opening time for a report made at night', () => {
    expect(addBusinessMinutes(sh(11, 24, 23, 0), 30, DEFAULT_CALENDAR)).toBe(sh(11, 25, 9, 30))
  })

  it('skips weekends and holidays when the calendar says so', () => {
    // Wed 2026-11-25 17:30 + 60 min: Thu 26th is a holiday → Fri 27th 09:30
    expect(addBusinessMinutes(sh(11, 25, 17, 30), 60, weekdaysOnly)).toBe(sh(11, 27, 9, 30))
    // Fri 27th 17:00 + 120 min → Mon 30th 10:00
    expect(addBusinessMinutes(sh(11, 27, 17, 0), 120, weekdaysOnly)).toBe(sh(11, 30, 10, 0))
  })

  it('measures working minutes between two instants', () => {
    expect(businessMinutesBetween(sh(11, 24, 17, 0), sh(11, 25, 10, 0), DEFAULT_CALENDAR)).toBe(120)
    expect(businessMinutesBetween(sh(11, 25, 10, 0), sh(11, 24, 17, 0), DEFAULT_CALENDAR)).toBe(0)
  })

  it('knows the end of the next business day', () => {
    expect(endOfNextBusinessDay(sh(11, 24, 15), DEFAULT_CALENDAR)).toBe(sh(11, 25, 18))
    expect(endOfNextBusinessDay(sh(11, 25, 15), weekdaysOnly)).toBe(sh(11, 27, 18))
  })
})

describe('Shanghai hour and calendar days', () => {
  it('agree with dayjs tz', async () => {
    const { shanghaiHour } = await import('../shared/time')
    const { calendarDay } = await import('../shared/calendar-day')
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 2, 1); t += 3600_000 + 17 * 60_000) expect(shanghaiHour(t)).toBe(dayjs(t).tz(TZ).hour())
    expect(calendarDay('2026-01-31').add(1, 'month').format('YYYY-MM-DD')).toBe('2026-02-28')
    expect(calendarDay('2026-12-31').add(1, 'day').format('YYYY-MM-DD')).toBe('2027-01-01')
  })
})

describe('the desk is open', () => {
  it('from opening up to but not including closing, on its days, not on holidays', () => {
    expect([sh(11, 24, 8, 59), sh(11, 24, 9), sh(11, 24, 17, 59), sh(11, 24, 18)].map((t) => isBusinessTime(t, weekdaysOnly))).toEqual([
      false,
      true,
      true,
      false,
    ])
    // 2026-11-26 is a holiday of this calendar, 2026-11-28 a Saturday.
    expect([sh(11, 26, 10), sh(11, 28, 10)].map((t) => isBusinessTime(t, weekdaysOnly))).toEqual([false, false])
  })

  it('says its days and hours as a resident reads them', () => {
    expect(hoursWords(DEFAULT_CALENDAR)).toBe('每天 09:00–18:00')
    expect(hoursWords(weekdaysOnly)).toBe('周一至周五 09:00–18:00')
    expect(hoursWords({ ...DEFAULT_CALENDAR, weekdays: [6, 0] })).toBe('周六至周日 09:00–18:00')
    expect(hoursWords({ ...DEFAULT_CALENDAR, weekdays: [1, 3, 5] })).toBe('周一、三、五 09:00–18:00')
  })
})
