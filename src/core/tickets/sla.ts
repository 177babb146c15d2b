import { addBusinessMinutes, businessMinutesBetween, endOfNextBusinessDay, type BusinessCalendar } from './calendar'
import type { Clock, Deadline, DeadlineKey, Sla, TicketDoc, TicketType } from './types'

/** Minutes per promise; arrive may instead be the resident's window or the next business day. */
export interface SlaRule {
  respond: number
  arrive?: number | 'window'
  resolve?: number
}

export interface SlaPolicy {
  emergency: SlaRule
  repair: SlaRule
  complaint: SlaRule
  suggestion: SlaRule
  question: SlaRule
  /** Warn the holder at this share of the time (percent). */
  warnPct: number
  /** Tell the 客服主任 when overdue by this share of the time (percent). */
  escalatePct: number
}

const BUSINESS_DAY = 9 * 60

/** The company's promise: 急修 answered in 5 min and on site in 30; a community may override any of it in 设置. */
export const DEFAULT_SLA: SlaPolicy = {
  emergency: { respond: 5, arrive: 30, resolve: 240 },
  repair: { respond: 30, arrive: 'window', resolve: 2 * BUSINESS_DAY },
  complaint: { respond: 120, resolve: 3 * BUSINESS_DAY },
  suggestion: { respond: 240 },
  question: { respond: 240 },
  warnPct: 80,
  escalatePct: 50,
}

/** Emergencies run on the 24-hour clock; everything else on business time. */
export const clockOf = (t: Pick<TicketDoc, 'priority'>): Clock => (t.priority === 'emergency' ? '24h' : 'business')

function addOn(clock: Clock, cal: BusinessCalendar, start: number, minutes: number) {
  return clock === '24h' ? start + minutes * 60_000 : addBusinessMinutes(start, minutes, cal)
}

function deadline(clock: Clock, cal: BusinessCalendar, start: number, minutes: number, p: SlaPolicy): Deadline {
  return {
    due: addOn(clock, cal, start, minutes),
    warnAt: addOn(clock, cal, start, (minutes * p.warnPct) / 100),
    escalateAt: addOn(clock, cal, start, (minutes * (100 + p.escalatePct)) / 100),
    level: 0,
  }
}

/** A deadline that ends at a wall-clock time (a visit window, the next business day). */
function deadlineAt(start: number, due: number, p: SlaPolicy): Deadline {
  const span = Math.max(0, due - start)
  return { due, warnAt: start + (span * p.warnPct) / 100, escalateAt: due + (span * p.escalatePct) / 100, level: 0 }
}

/** Every promise a new (or reopened) ticket makes, from `now`. */
export function computeSla(t: Pick<TicketDoc, 'type' | 'priority' | 'window'>, now: number, policy: SlaPolicy, cal: BusinessCalendar): Sla {
  const clock = clockOf(t)
  const rule = t.priority === 'emergency' ? policy.emergency : policy[t.type as TicketType]
  const sla: Sla = { clock, startedAt: now, respond: deadline(clock, cal, now, rule.respond, policy) }
  if (t.type === 'repair' && rule.arrive !== undefined) {
    if (typeof rule.arrive === 'number') sla.arrive = deadline(clock, cal, now, rule.arrive, policy)
    else sla.arrive = deadlineAt(now, t.window && t.window.end > now ? t.window.end : endOfNextBusinessDay(now, cal), policy)
  }
  if (rule.resolve !== undefined) sla.resolve = deadline(clock, cal, now, rule.resolve, policy)
  return sla
}

/** The visit agreed with the resident at 接单: the arrive promise is kept by its end, warned and escalated on the same policy. */
export function agreeVisit(sla: Sla, visitEnd: number, now: number, p: SlaPolicy): Sla {
  return sla.arrive && sla.arrive.metAt === undefined ? { ...sla, arrive: deadlineAt(now, visitEnd, p) } : sla
}

export const DEADLINES: DeadlineKey[] = ['respond', 'arrive', 'resolve']

export function meet(sla: Sla, key: DeadlineKey, now: number): Sla {
  const d = sla[key]
  return d && d.metAt === undefined ? { ...sla, [key]: { ...d, metAt: now } } : sla
}

export const pauseSla = (sla: Sla, now: number): Sla => ({ ...sla, pausedAt: now })

/**
 * Resume: every unmet threshold moves later by the time spent paused, measured on the ticket's
 * own clock — a pause overnight costs a business-hours ticket nothing it would have had.
 */
export function resumeSla(sla: Sla, now: number, cal: BusinessCalendar): Sla {
  if (sla.pausedAt === undefined) return sla
  const from = sla.pausedAt
  const shift = (x: number) => (sla.clock === '24h' ? x + (now - from) : x <= from ? x : addBusinessMinutes(now, businessMinutesBetween(from, x, cal), cal))
  const out: Sla = { ...sla, pausedAt: undefined }
  for (const key of DEADLINES) {
    const d = sla[key]
    if (d && d.metAt === undefined) out[key] = { ...d, due: shift(d.due), warnAt: shift(d.warnAt), escalateAt: shift(d.escalateAt) }
  }
  delete out.pausedAt
  return out
}

/** Time left on the first unmet promise, in minutes (negative when overdue), for SLA badges. */
export function nextPromise(sla: Sla, now: number): { key: DeadlineKey; due: number; minutesLeft: number } | null {
  for (const key of DEADLINES) {
    const d = sla[key]
    if (d && d.metAt === undefined) return { key, due: d.due, minutesLeft: Math.round((d.due - now) / 60_000) }
  }
  return null
}
