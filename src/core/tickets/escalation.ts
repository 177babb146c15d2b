import { AUTO_CLOSE_MS } from './machine'
import { DEADLINES } from './sla'
import type { DeadlineKey, TicketDoc } from './types'
import { isOpen } from './types'

/**
 * The escalation ladder. Per unmet promise: at warnAt the holder is warned (level 1); at the due
 * time the 管理员 of the building is told (2); at escalateAt the 客服主任 (3). Levels only climb.
 */
export interface Step {
  key: DeadlineKey
  level: 1 | 2 | 3
}

const levelAt = (d: { warnAt: number; due: number; escalateAt: number }, now: number): 0 | 1 | 2 | 3 =>
  now >= d.escalateAt ? 3 : now >= d.due ? 2 : now >= d.warnAt ? 1 : 0

const watching = (t: Pick<TicketDoc, 'status' | 'sla'>) => isOpen(t.status) && t.status !== 'paused' && t.sla.pausedAt === undefined

/** Steps now due, highest level only per promise (a ticket found late jumps straight to the top). */
export function dueSteps(t: Pick<TicketDoc, 'status' | 'sla'>, now: number): Step[] {
  if (!watching(t)) return []
  const steps: Step[] = []
  for (const key of DEADLINES) {
    const d = t.sla[key]
    if (!d || d.metAt !== undefined) continue
    const level = levelAt(d, now)
    if (level > d.level) steps.push({ key, level: level as 1 | 2 | 3 })
  }
  return steps
}

/** Overdue while the clock runs: a paused ticket's clock is stopped, so it cannot fall behind. */
export function isOverdue(t: Pick<TicketDoc, 'status' | 'sla'>, now: number): boolean {
  if (!watching(t)) return false
  return DEADLINES.some((key) => {
    const d = t.sla[key]
    return d !== undefined && d.metAt === undefined && now >= d.due
  })
}

/**
 * The fields kept for queries rather than read: call before every write of a ticket, so the
 * inbox and the scheduler can find it by index.
 */
export function derive<T extends Pick<TicketDoc, 'status' | 'sla' | 'resolvedAt' | 'overdue' | 'nextCheckAt' | 'open'>>(t: T, now: number): T {
  return { ...t, open: isOpen(t.status), overdue: isOverdue(t, now), escalated: isEscalated(t), nextCheckAt: nextCheckAt(t) }
}

/** Open and some promise has climbed to the 客服主任 (level 3): the dashboard's 已升级 tile. */
export function isEscalated(t: Pick<TicketDoc, 'status' | 'sla'>): boolean {
  return isOpen(t.status) && DEADLINES.some((key) => (t.sla[key]?.level ?? 0) >= 3)
}

/**
 * When the scheduler must look at this ticket again: the next threshold not yet reached, or the
 * auto-close time of a resolved ticket. Null while paused or when nothing is left to watch, so a
 * paused ticket never escalates.
 */
export function nextCheckAt(t: Pick<TicketDoc, 'status' | 'sla' | 'resolvedAt'>): number | null {
  if (t.status === 'resolved' && t.resolvedAt !== undefined) return t.resolvedAt + AUTO_CLOSE_MS
  if (!watching(t)) return null
  let next: number | null = null
  for (const key of DEADLINES) {
    const d = t.sla[key]
    if (!d || d.metAt !== undefined) continue
    const threshold = d.level < 1 ? d.warnAt : d.level < 2 ? d.due : d.level < 3 ? d.escalateAt : null
    if (threshold !== null && (next === null || threshold < next)) next = threshold
  }
  return next
}
