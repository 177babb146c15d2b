import { DEPARTMENT_LABELS, type Department } from '../shared/roles'
import { CATEGORY_LABELS, TYPE_LABELS } from '../tickets/types'
import type { SurveyDoc } from './types'
import { isSatisfied } from './rules'
import { mean, share } from '../shared/ratio'

export const FIGURE_DIMENSIONS = ['type', 'category', 'department', 'handler', 'building', 'month'] as const
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number]
export const DIMENSION_LABELS: Record<FigureDimension, string> = {
  type: '类型',
  category: '类别',
  department: '部门',
  handler: '处理人',
  building: '楼栋',
  month: '月份',
}

export type FigureRow = Pick<
  SurveyDoc,
  'ticketId' | 'round' | 'type' | 'category' | 'department' | 'handler' | 'handlerName' | 'building' | 'month' | 'answer' | 'callbackId' | 'callbackReached'
>

export interface Figures {
  key: string
  label: string
  /** Finished jobs surveyed (a ticket once, however many rounds or merged duplicates). */
  surveyed: number
  answered: number
  /** Shares are 0–1, null when there is nothing to divide by. */
  responseRate: number | null
  averageScore: number | null
  satisfiedShare: number | null
  resolvedShare: number | null
  /** Of the jobs given a callback task, the share where the call reached the resident. */
  callbackCoverage: number | null
  callbacks: number
}

function keyOf(r: FigureRow, by: FigureDimension): [string, string] {
  switch (by) {
    case 'type':
      return [r.type, TYPE_LABELS[r.type]]
    case 'category':
      return [r.category, CATEGORY_LABELS[r.category]]
    case 'department':
      return [r.department ?? 'none', r.department ? (DEPARTMENT_LABELS[r.department as Department] ?? r.department) : '客服办结']
    case 'handler':
      return [r.handler ?? 'none', r.handlerName ?? '客服办结']
    case 'building':
      return [r.building, `${r.building}栋`]
    case 'month':
      return [r.month, r.month]
  }
}

/** The latest round of each ticket: a reopened job counts once, by how it finally ended. */
export function latestPerTicket<R extends Pick<FigureRow, 'ticketId' | 'round'>>(rows: R[]): R[] {
  const best = new Map<string, R>()
  for (const r of rows) {
    const b = best.get(r.ticketId)
    if (!b || r.round > b.round) best.set(r.ticketId, r)
  }
  return [...best.values()]
}

export function summarize(rows: FigureRow[], key = 'all', label = '全部'): Figures {
  let answered = 0
  let sum = 0
  let satisfied = 0
  let resolved = 0
  let callbacks = 0
  let reached = 0
  for (const r of rows) {
    if (r.callbackId) {
      callbacks++
      if (r.callbackReached) reached++
    }
    if (!r.answer) continue
    answered++
    sum += r.answer.overall
    if (isSatisfied(r.answer)) satisfied++
    if (r.answer.resolved) resolved++
  }
  return {
    key,
    label,
    surveyed: rows.length,
    answered,
    responseRate: share(answered, rows.length),
    averageScore: mean(sum, answered, 2),
    satisfiedShare: share(satisfied, answered),
    resolvedShare: share(resolved, answered),
    callbackCoverage: share(reached, callbacks),
    callbacks,
  }
}

/** Response rate, average, share satisfied (4–5), share resolved and callback coverage, by one dimension. */
export function computeFigures(rows: FigureRow[], by: FigureDimension): { total: Figures; groups: Figures[] } {
  const once = latestPerTicket(rows)
  const groups = new Map<string, { label: string; rows: FigureRow[] }>()
  for (const r of once) {
    const [k, label] = keyOf(r, by)
    const g = groups.get(k) ?? { label, rows: [] }
    g.rows.push(r)
    groups.set(k, g)
  }
  return {
    total: summarize(once),
    groups: [...groups.entries()].map(([k, g]) => summarize(g.rows, k, g.label)).sort((a, b) => b.surveyed - a.surveyed || a.key.localeCompare(b.key)),
  }
}
