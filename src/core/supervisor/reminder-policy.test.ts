import { DEFAULT_POLICY } from '../bills/reminders'
import * as z from '../shared/zod'
import { fullPolicy, reminderPolicyErrors, reminderPolicySummary } from './reminder-policy'
import { ReminderPolicyInput } from './team-contracts'

const base = fullPolicy(DEFAULT_POLICY)
const issues = (x: unknown) => {
  const r = z.safeParse(ReminderPolicyInput, x)
  return r.success ? reminderPolicyErrors(r.data) : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('催缴 reminder policy settings', () => {
  it('the product default is valid', () => {
    expect(issues(base)).toEqual({})
  })

  it('overdue offsets: positive whole days, ascending, distinct', () => {
    expect(issues({ ...base, overdueDays: [-7] })).toEqual({ 'overdueDays.0': '逾期天数须为 1–365 的正整数' })
    expect(issues({ ...base, overdueDays: [7, 30, 15] })).toEqual({ 'overdueDays.2': '逾期天数须从小到大排列' })
    expect(issues({ ...base, overdueDays: [7, 15, 7] })).toEqual({ 'overdueDays.2': '逾期 7 天重复了' })
    expect(issues({ ...base, overdueDays: Array.from({ length: 11 }, (_, i) => i + 1) })).toEqual({ overdueDays: '逾期提醒最多 10 次' })
  })

  it('quiet hours: not empty, at most 12 h, and not over the daily hour', () => {
    expect(issues({ ...base, quiet: { start: 12, end: 14 } })).toEqual({})
    expect(issues({ ...base, quiet: { start: 7, end: 7 } })).toEqual({ 'quiet.end': '免打扰的开始和结束不能相同' })
    expect(issues({ ...base, quiet: { start: 20, end: 9 } })).toEqual({ 'quiet.end': '免打扰时段最长 12 小时' })
    expect(issues({ ...base, quiet: { start: 9, end: 11 } })).toEqual({ hour: '每日提醒时间不能在免打扰时段内' })
  })

  it('summarizes only what changed', () => {
    expect(reminderPolicySummary(base, { ...base, minGapDays: 5, onDue: false })).toBe('催缴提醒：到期当天 提醒 → 不提醒；两次提醒至少间隔 3 天 → 5 天')
  })
})
