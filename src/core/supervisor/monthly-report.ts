import { toCsv } from '../shared/csv'
import { DEPARTMENT_LABELS, type Department } from '../shared/roles'
import { CATEGORIES, CATEGORY_LABELS, TICKET_TYPES, TYPE_LABELS, type Category, type TicketType } from '../tickets/types'
import { addCounters, emptyCounters, type Cell, type Counters, type MonthRollup, type Place } from './monthly'
import { yuan } from '../shared/money'
import { mean, percentText, share } from '../shared/ratio'

export const REPORT_DIMENSIONS = ['building', 'department', 'handler'] as const
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number]
export const REPORT_DIMENSION_LABELS: Record<ReportDimension, string> = { building: '楼栋', department: '部门', handler: '处理人' }

/** What management asks for each month, for one group. Shares are 0–1; null: nothing to divide by. */
export interface FigureLine {
  key: string
  label: string
  tickets: number
  complaints: number
  emergencies: number
  respondOnTime: number | null
  resolveOnTime: number | null
  /** 一次解决率: closed without a reopen, of all closed. */
  firstTimeFix: number | null
  /** Average business minutes to first response and to resolution. */
  avgResponseMinutes: number | null
  avgResolutionMinutes: number | null
  surveyed: number
  answered: number
  averageScore: number | null
  satisfiedShare: number | null
  callbackCoverage: number | null
  /** Fen paid of fen due; null where bills do not belong (a department, a handler). */
  collectionRate: number | null
  billed: number
  collected: number
}

export function lineOf(key: string, label: string, c: Counters): FigureLine {
  return {
    key,
    label,
    tickets: c.tickets,
    complaints: c.complaints,
    emergencies: c.emergencies,
    respondOnTime: share(c.respondOnTime, c.respondDue),
    resolveOnTime: share(c.resolveOnTime, c.resolveDue),
    firstTimeFix: share(c.firstTime, c.closed),
    avgResponseMinutes: mean(c.responseMinutes, c.responded),
    avgResolutionMinutes: mean(c.resolutionMinutes, c.resolved),
    surveyed: c.surveyed,
    answered: c.answered,
    averageScore: mean(c.scoreSum, c.answered, 2),
    satisfiedShare: share(c.satisfied, c.answered),
    callbackCoverage: share(c.reached, c.callbacks),
    collectionRate: share(c.collected, c.billed),
    billed: c.billed,
    collected: c.collected,
  }
}

/** A 管理员 sees the cells of their buildings; the 客服主任 (zone null) all of them. */
export const scopeCells = (cells: Cell[], zone: string[] | null) => (zone ? cells.filter((c) => zone.includes(c.building)) : cells)

export const totalOf = (cells: Cell[]) => cells.reduce((acc, cell) => addCounters(acc, cell.c), emptyCounters())

function groupKey(cell: Cell, by: ReportDimension): [string, string] {
  if (by === 'building') return [cell.building, `${cell.building}栋`]
  if (by === 'department')
    return [cell.department || 'none', cell.department ? (DEPARTMENT_LABELS[cell.department as Department] ?? cell.department) : '客服办结']
  return [cell.handler || 'none', cell.handler ? cell.handlerName || '（未具名）' : '客服办结']
}

export function groupBy(cells: Cell[], by: ReportDimension): FigureLine[] {
  const groups = new Map<string, { label: string; c: Counters }>()
  for (const cell of cells) {
    const [key, label] = groupKey(cell, by)
    const g = groups.get(key) ?? { label, c: emptyCounters() }
    addCounters(g.c, cell.c)
    groups.set(key, g)
  }
  const lines = [...groups.entries()].map(([key, g]) => lineOf(key, g.label, g.c))
  // Bills belong to buildings: beside a department or a handler a collection rate would mislead.
  const out = by === 'building' ? lines : lines.filter((l) => l.tickets || l.surveyed).map((l) => ({ ...l, collectionRate: null, billed: 0, collected: 0 }))
  const num = (k: string) => (/^\d+$/.test(k) ? Number(k) : Number.MAX_SAFE_INTEGER)
  return out.sort((a, b) => (by === 'building' ? num(a.key) - num(b.key) : b.tickets - a.tickets) || a.key.localeCompare(b.key))
}

export interface TopProblems {
  categories: { category: Category; label: string; count: number }[]
  places: Place[]
  types: { type: TicketType; label: string; count: number }[]
}

export function topProblems(r: MonthRollup, zone: string[] | null, n = 5): TopProblems {
  const total = totalOf(scopeCells(r.cells, zone))
  return {
    types: TICKET_TYPES.map((type) => ({ type, label: TYPE_LABELS[type], count: total.types[type] ?? 0 })),
    categories: CATEGORIES.map((category) => ({ category, label: CATEGORY_LABELS[category], count: total.categories[category] ?? 0 }))
      .filter((x) => x.count > 0)
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
      .slice(0, n),
    places: (zone ? r.places.filter((p) => zone.includes(p.building)) : r.places).slice(0, n),
  }
}

export const score = (x: number | null) => (x === null ? '—' : x.toFixed(2))

/** Business minutes as a person reads them: 45 分钟, 3.5 小时 (of working time). */
export function duration(min: number | null): string {
  if (min === null) return '—'
  if (min < 60) return `${Math.round(min)} 分钟`
  return `${Math.round(min / 6) / 10} 小时`
}

export const REPORT_COLUMNS: [string, (l: FigureLine) => string][] = [
  ['工单数', (l) => String(l.tickets)],
  ['投诉', (l) => String(l.complaints)],
  ['紧急', (l) => String(l.emergencies)],
  ['响应及时率', (l) => percentText(l.respondOnTime)],
  ['解决及时率', (l) => percentText(l.resolveOnTime)],
  ['一次解决率', (l) => percentText(l.firstTimeFix)],
  ['平均响应', (l) => duration(l.avgResponseMinutes)],
  ['平均解决', (l) => duration(l.avgResolutionMinutes)],
  ['评价数', (l) => String(l.answered)],
  ['满意度均分', (l) => score(l.averageScore)],
  ['满意率(4–5星)', (l) => percentText(l.satisfiedShare)],
  ['回访覆盖率', (l) => percentText(l.callbackCoverage)],
  ['收缴率', (l) => percentText(l.collectionRate)],
  ['应收(元)', (l) => (l.collectionRate === null ? '' : yuan(l.billed))],
  ['实收(元)', (l) => (l.collectionRate === null ? '' : yuan(l.collected))],
]

/** 月报 as CSV: a section per dimension, then the top problems. A BOM so Excel reads it as UTF-8. */
export function reportCsv(title: string, total: FigureLine, sections: { title: string; lines: FigureLine[] }[], top: TopProblems): string {
  const rows: string[][] = [[title], [], ['分组', '名称', ...REPORT_COLUMNS.map(([h]) => h)], ['合计', total.label, ...REPORT_COLUMNS.map(([, f]) => f(total))]]
  for (const s of sections) for (const l of s.lines) rows.push([s.title, l.label, ...REPORT_COLUMNS.map(([, f]) => f(l))])
  rows.push([], ['高发类别', '次数'], ...top.categories.map((c) => [c.label, String(c.count)]))
  rows.push([], ['重复报事位置', '次数'], ...top.places.map((p) => [p.place, String(p.count)]))
  return toCsv(rows)
}
