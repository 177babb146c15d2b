import { daysOverdue } from './fees'
import type { AgingBand } from './types'

/** Arrears aging by days past the due date; a bill not yet due sits in the first band. */
export function agingBand(due: string, now: number): AgingBand {
  const d = daysOverdue(due, now)
  return d > 90 ? 'd90_plus' : d > 30 ? 'd31_90' : 'd0_30'
}

export interface ArrearsRow {
  building: string
  houses: number
  bills: number
  total: number
  bands: Record<AgingBand, number>
}

/** Totals per building, buildings in natural order (2 before 10). */
export function arrearsByBuilding(bills: { houseId: string; building: string; amount: number; dueDate: string }[], now: number): ArrearsRow[] {
  const rows = new Map<string, ArrearsRow & { houseSet: Set<string> }>()
  for (const b of bills) {
    let r = rows.get(b.building)
    if (!r)
      rows.set(b.building, (r = { building: b.building, houses: 0, bills: 0, total: 0, bands: { d0_30: 0, d31_90: 0, d90_plus: 0 }, houseSet: new Set() }))
    r.houseSet.add(b.houseId)
    r.bills++
    r.total += b.amount
    r.bands[agingBand(b.dueDate, now)] += b.amount
  }
  return [...rows.values()]
    .sort((a, b) => a.building.localeCompare(b.building, 'en', { numeric: true }))
    .map(({ houseSet, ...r }) => ({ ...r, houses: houseSet.size }))
}

/** The due-date range (YYYY-MM-DD, inclusive) of an aging band, for a query on dueDate. */
export function bandDueRange(band: AgingBand, today: string, addDays: (date: string, n: number) => string): { from?: string; to: string } {
  if (band === 'd0_30') return { from: addDays(today, -30), to: '9999-12-31' }
  if (band === 'd31_90') return { from: addDays(today, -90), to: addDays(today, -31) }
  return { to: addDays(today, -91) }
}
