import type { FieldErrors } from '../shared/errors'
import type { BusinessCalendar } from '../tickets/calendar'
import type { SlaPolicy } from '../tickets/sla'

/** The rules a 客服主任 edits in 设置: the SLA minutes and the business calendar. */
export interface ServiceSettings {
  sla: SlaPolicy
  calendar: BusinessCalendar
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** A date the calendar can look up: YYYY-MM-DD that exists (no 2026-02-30). */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * Rules that span fields, which a field schema cannot see. Each message sits under the field a
 * form shows it beside. The calendar must leave working time, or no business deadline ever falls.
 */
export function crossFieldErrors(s: ServiceSettings): FieldErrors {
  const out: FieldErrors = {}
  if (minutesOf(s.calendar.open) >= minutesOf(s.calendar.close)) out['calendar.close'] = '下班时间须晚于上班时间'
  s.calendar.holidays.forEach((h, i) => {
    if (!isRealDate(h)) out[`calendar.holidays.${i}`] = `日期 ${h} 不存在`
  })
  if (new Set(s.calendar.holidays).size !== s.calendar.holidays.length) out['calendar.holidays'] ??= '节假日有重复'
  if (s.sla.emergency.arrive === 'window') out['sla.emergency.arrive'] = '紧急工单的上门时限须为分钟数'
  for (const k of ['emergency', 'repair', 'complaint'] as const) {
    const r = s.sla[k]
    const arrive = typeof r.arrive === 'number' ? r.arrive : undefined
    if (arrive !== undefined && arrive < r.respond) out[`sla.${k}.arrive`] = '上门时限不能短于响应时限'
    if (r.resolve !== undefined && r.resolve < Math.max(r.respond, arrive ?? 0)) out[`sla.${k}.resolve`] = '解决时限不能短于响应和上门时限'
  }
  return out
}

/** What changed, for the audit record's one-line summary: dotted paths of the leaves that differ. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
  if (!isObj(before) || !isObj(after)) return [prefix || '_']
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k))
}
