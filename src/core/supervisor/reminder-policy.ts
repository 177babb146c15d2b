import type { ReminderPolicy } from '../bills/reminders'
import type { FieldErrors } from '../shared/errors'
import { QUIET, quietHour, type QuietHours } from '../shared/quiet-hours'

/** The 催缴 policy as the 客服主任 edits it: every field present (the quiet window too). */
export type FullReminderPolicy = Required<ReminderPolicy>

export const quietLength = (q: QuietHours) => (q.end - q.start + 24) % 24

/**
 * Rules between fields. Overdue offsets are prompt days counted from the due date, so they must
 * be distinct and in order (a list like +30, +7 reads as a mistake, and is one). The quiet window
 * leaves most of the day for pushes, and the daily run does not start inside it.
 */
export function reminderPolicyErrors(p: FullReminderPolicy): FieldErrors {
  const out: FieldErrors = {}
  p.overdueDays.forEach((d, i) => {
    if (p.overdueDays.indexOf(d) < i) out[`overdueDays.${i}`] = `逾期 ${d} 天重复了`
    else if (i > 0 && d < p.overdueDays[i - 1]) out[`overdueDays.${i}`] = '逾期天数须从小到大排列'
  })
  if (p.daysBefore === 0 && !p.onDue && !p.overdueDays.length) out.onDue = '至少保留一个提醒时点（提前、到期当天或逾期）'
  if (p.quiet.start === p.quiet.end) out['quiet.end'] = '免打扰的开始和结束不能相同'
  else if (quietLength(p.quiet) > 12) out['quiet.end'] = '免打扰时段最长 12 小时'
  else if (quietHour(p.hour, p.quiet)) out.hour = '每日提醒时间不能在免打扰时段内'
  return out
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`

const TEXT: { [K in keyof FullReminderPolicy]: [label: string, show: (v: FullReminderPolicy[K]) => string] } = {
  daysBefore: ['提前提醒', (v) => (v ? `${v} 天` : '不提前')],
  onDue: ['到期当天', (v) => (v ? '提醒' : '不提醒')],
  overdueDays: ['逾期提醒', (v) => (v.length ? v.map((d) => `+${d}`).join('、') + ' 天' : '无')],
  minGapDays: ['两次提醒至少间隔', (v) => `${v} 天`],
  hour: ['每日提醒时间', hh],
  quiet: ['免打扰', (v) => `${hh(v.start)}–${hh(v.end)}`],
}

/** 催缴提醒：逾期提醒 +7、+15、+30 天 → +5、+10 天；免打扰 22:00–07:00 → 21:00–08:00 */
export function reminderPolicySummary(before: FullReminderPolicy, after: FullReminderPolicy): string {
  const parts = (Object.keys(TEXT) as (keyof FullReminderPolicy)[]).flatMap((k) => {
    const [label, show] = TEXT[k] as [string, (v: unknown) => string]
    const a = show(before[k])
    const b = show(after[k])
    return a === b ? [] : [`${label} ${a} → ${b}`]
  })
  return `催缴提醒：${parts.join('；')}`
}

/** A stored partial policy over the default, with the default quiet window when none was chosen. */
export const fullPolicy = (p: ReminderPolicy): FullReminderPolicy => ({ ...p, quiet: p.quiet ?? QUIET })
