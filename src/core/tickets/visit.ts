import { atShanghai, formatTime, shanghaiDate, shanghaiDayStart, shanghaiWeekday } from '../shared/time'

/** A visit as residents and handlers say it: a day and a part of it. The 报事 form and 接单 offer the same three. */
export const VISIT_SLOTS = {
  am: { label: '上午', from: '09:00', to: '12:00' },
  pm: { label: '下午', from: '13:00', to: '18:00' },
  eve: { label: '晚上', from: '18:00', to: '20:00' },
} as const
export type VisitSlot = keyof typeof VISIT_SLOTS

export interface Window {
  start: number
  end: number
}

/** The window of a day's slot. */
export const slotWindow = (day: string, slot: VisitSlot): Window => ({
  start: atShanghai(`${day} ${VISIT_SLOTS[slot].from}`),
  end: atShanghai(`${day} ${VISIT_SLOTS[slot].to}`),
})

const DAY = 86_400_000
const hm = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(11, 16)

/** 今天 09:00–12:00, 明天 13:00–18:00, 12月9日 18:00–20:00. */
export function windowText(w: Window, now: number): string {
  const day = shanghaiDate(w.start)
  const name = day === shanghaiDate(now) ? '今天' : day === shanghaiDate(now + DAY) ? '明天' : `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`
  return `${name} ${hm(w.start)}–${hm(w.end)}`
}

/** What an agreed visit may be: ahead of now, within a fortnight, a few hours long. */
export function visitProblem(w: Window, now: number): string | null {
  if (!(w.end > w.start) || w.end - w.start > 6 * 3600_000) return '请选择一个上门时段'
  if (w.end <= now) return '请选择今后的上门时间'
  if (w.start > now + 14 * DAY) return '上门时间请约在两周以内'
  return null
}

const WEEK = '日一二三四五六'
/** The week a visit can be picked in, from today: 今天, 明天, 周三 … with the date beside. */
export function visitDays(now: number, n = 7): { key: string; label: string; sub: string }[] {
  // Noon of each day: a day is 24 hours in Shanghai all year, so noon never slips a date.
  const noon = shanghaiDayStart(now) + 12 * 3600_000
  return Array.from({ length: n }, (_, i) => {
    const d = noon + i * DAY
    return { key: formatTime(d, 'YYYY-MM-DD'), label: i === 0 ? '今天' : i === 1 ? '明天' : `周${WEEK[shanghaiWeekday(d)]}`, sub: formatTime(d, 'M/D') }
  })
}
