import type { Counters } from '../supervisor/monthly'
import type { FixDoc } from './types'

/** Quality counts most; the firm's department answering its tickets on time is the rest. */
const QUALITY_WEIGHT = 0.7

export interface MonthScore {
  /** Average of the month's 品质检查 scores, or null with no check. */
  quality: number | null
  checks: number
  /** Share of its department's tickets resolved on time (0–100), or null when none fell due. */
  service: number | null
  tickets: number
  /** The month's score: 70 % quality, 30 % service; either alone when the other is missing. */
  total: number | null
}

export function monthScore(scores: readonly number[], dept: Pick<Counters, 'tickets' | 'resolveDue' | 'resolveOnTime'> | null): MonthScore {
  const quality = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null
  const service = dept && dept.resolveDue ? Math.round((dept.resolveOnTime / dept.resolveDue) * 100) : null
  const total = quality !== null && service !== null ? Math.round(quality * QUALITY_WEIGHT + service * (1 - QUALITY_WEIGHT)) : (quality ?? service)
  return { quality, checks: scores.length, service, tickets: dept?.tickets ?? 0, total }
}

export type FixState = 'open' | 'overdue' | 'passed'
export const FIX_STATE_LABELS: Record<FixState, string> = { open: '整改中', overdue: '逾期未改', passed: '已复查通过' }
export const fixState = (f: Pick<FixDoc, 'state' | 'dueAt'>, now: number): FixState => (f.state === 'passed' ? 'passed' : now > f.dueAt ? 'overdue' : 'open')

/** Days left on the contract (negative once it has ended), for a 续签 reminder a month ahead. */
export const contractDaysLeft = (contractEnd: string, today: string) => Math.round((Date.parse(contractEnd) - Date.parse(today)) / 86400_000)
