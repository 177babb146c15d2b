import type { DecorationDoc } from '../decoration/types'
import type { Counters } from './monthly'
import { periodOf, roundState, type Schedule } from '../inspections/schedule'
import { monthStart, addMonths } from '../shared/time'

const DAY = 86400_000

/** Per 100 households, one decimal: how the seeds' 报修率/投诉率 are read. */
export const per100 = (n: number, households: number) => (households ? Math.round((n / households) * 1000) / 10 : null)

export interface PatrolFigures {
  /** Rounds due in the month so far (a daily route once a day, a weekly one on its day). */
  due: number
  onTime: number
  late: number
  /** Due and not finished: never started, or left open past their time. */
  missed: number
  /** Points left unchecked in finished rounds. */
  missedPoints: number
  /** Finished (in time or late) of those due, 0–100. */
  completion: number | null
}

/**
 * The month's patrol against the routes' schedules: every period whose due time fell inside the
 * month and before `now` should have a round; the rounds that exist say how it went.
 */
export function patrolFigures(
  routes: { id: string; schedule: Schedule }[],
  rounds: { routeId: string; period: string; dueAt: number; finishedAt?: number; missed: string[] }[],
  month: string,
  now: number,
): PatrolFigures {
  const start = monthStart(month)
  const end = Math.min(monthStart(addMonths(month, 1)), now)
  const byKey = new Map(rounds.map((r) => [`${r.routeId}_${r.period}`, r]))
  const f = { due: 0, onTime: 0, late: 0, missed: 0, missedPoints: 0 }
  for (const route of routes) {
    const seen = new Set<string>()
    for (let t = start; t < end; t += DAY) {
      const p = periodOf(route.schedule, t)
      if (seen.has(p.key) || p.dueAt < start || p.dueAt >= end) continue
      seen.add(p.key)
      f.due++
      const r = byKey.get(`${route.id}_${p.key}`)
      const state = roundState(p, r ?? null, now)
      if (state === 'done') f.onTime++
      else if (state === 'late') f.late++
      else f.missed++
      if (r?.finishedAt !== undefined) f.missedPoints += r.missed.length
    }
  }
  return { ...f, completion: f.due ? Math.round(((f.onTime + f.late) / f.due) * 100) : null }
}

export interface TicketFigures {
  households: number
  repairs: number
  repairRate: number | null
  complaints: number
  complaintRate: number | null
}

export const ticketFigures = (c: Pick<Counters, 'types' | 'complaints'>, households: number): TicketFigures => {
  const repairs = c.types.repair ?? 0
  return { households, repairs, repairRate: per100(repairs, households), complaints: c.complaints, complaintRate: per100(c.complaints, households) }
}

/**
 * The month's renovations in a zone: those whose period touched the month after approval
 * (装修中), the violations recorded in it and how many of them stopped the work.
 */
export function decorationFigures(
  all: readonly Pick<DecorationDoc, 'status' | 'start' | 'end' | 'decided' | 'violations'>[],
  first: string,
  last: string,
  start: number,
  end: number,
) {
  const live = all.filter((d) => d.decided && d.decided.at < end && d.status !== 'rejected' && d.status !== 'withdrawn' && d.start <= last && d.end >= first)
  const violations = all.flatMap((d) => d.violations.filter((v) => v.at >= start && v.at < end))
  return { working: live.length, violations: violations.length, stops: violations.filter((v) => v.stop).length }
}
