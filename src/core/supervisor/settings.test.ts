import * as z from '../shared/zod'
import { DEFAULT_CALENDAR } from '../tickets/calendar'
import { DEFAULT_SLA } from '../tickets/sla'
import { ServiceSettingsInput } from './contracts'
import { changedPaths, crossFieldErrors, isRealDate } from './settings'

const valid = { sla: DEFAULT_SLA, calendar: DEFAULT_CALENDAR }
const issues = (x: unknown) => {
  const r = z.safeParse(ServiceSettingsInput, x)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('SLA and calendar settings', () => {
  it('the product defaults are valid', () => {
    expect(issues(valid)).toEqual({})
    expect(crossFieldErrors(valid)).toEqual({})
  })

  it('minutes must be positive integers', () => {
    expect(issues({ ...valid, sla: { ...DEFAULT_SLA, complaint: { respond: 0 } } })).toEqual({ 'sla.complaint.respond': '分钟数须为正整数' })
    expect(issues({ ...valid, sla: { ...DEFAULT_SLA, question: { respond: 1.5 } } })).toEqual({ 'sla.question.respond': '分钟数须为正整数' })
  })

  it('warnPct must stay under 100', () => {
    expect(issues({ ...valid, sla: { ...DEFAULT_SLA, warnPct: 100 } })).toEqual({ 'sla.warnPct': '提醒比例须小于 100%' })
  })

  it('hours are HH:mm, holidays YYYY-MM-DD', () => {
    expect(issues({ ...valid, calendar: { ...DEFAULT_CALENDAR, open: '9:00' } })).toEqual({ 'calendar.open': '上班时间格式为 HH:mm' })
    expect(issues({ ...valid, calendar: { ...DEFAULT_CALENDAR, holidays: ['2026/10/01'] } })).toEqual({ 'calendar.holidays.0': '节假日格式为 YYYY-MM-DD' })
  })

  it('open before close, real dates, deadlines in order', () => {
    expect(crossFieldErrors({ ...valid, calendar: { ...DEFAULT_CALENDAR, open: '18:00', close: '09:00' } })).toEqual({
      'calendar.close': '下班时间须晚于上班时间',
    })
    expect(crossFieldErrors({ ...valid, calendar: { ...DEFAULT_CALENDAR, holidays: ['2026-02-30'] } })).toEqual({
      'calendar.holidays.0': '日期 2026-02-30 不存在',
    })
    expect(crossFieldErrors({ ...valid, sla: { ...DEFAULT_SLA, complaint: { respond: 120, resolve: 60 } } })).toEqual({
      'sla.complaint.resolve': '解决时限不能短于响应和上门时限',
    })
    expect(isRealDate('2028-02-29')).toBe(true)
  })

  it('changedPaths names the leaves that differ', () => {
    expect(changedPaths(valid, valid)).toEqual([])
    expect(changedPaths(valid, { ...valid, sla: { ...DEFAULT_SLA, complaint: { respond: 60, resolve: 1620 } } })).toEqual(['sla.complaint.respond'])
  })
})
