import { latestPerTicket } from '../surveys/figures'
import { isSatisfied } from '../surveys/rules'
import type { SurveyDoc } from '../surveys/types'
import type { BillDoc } from '../bills/types'
import { businessMinutesBetween, type BusinessCalendar } from '../tickets/calendar'
import { addMonths, monthStart, shanghaiDate } from '../shared/time'
import type { Category, Deadline, TicketDoc, TicketType } from '../tickets/types'

/**
 * The 客服主任's monthly figures, computed in one place. A month is three cohorts, each read by
 * an indexed range: tickets created in it, surveys sent in it, bills falling due in it. They fold
 * into counters per (building, department, handler) cell; every figure a page shows is a ratio of
 * summed counters, so a 管理员's zone, a department or the whole community add up exactly.
 */

export interface Counters {
  tickets: number
  complaints: number
  emergencies: number
  types: Partial<Record<TicketType, number>>
  categories: Partial<Record<Category, number>>
  /** Tickets whose first-response promise has fallen due (met, or missed); and those met in time. */
  respondDue: number
  respondOnTime: number
  resolveDue: number
  resolveOnTime: number
  /** Closed jobs, and those closed without ever being reopened (一次解决). */
  closed: number
  firstTime: number
  /** Business minutes (24 h minutes for emergencies) from report to response / to resolution. */
  responseMinutes: number
  responded: number
  resolutionMinutes: number
  resolved: number
  surveyed: number
  answered: number
  scoreSum: number
  satisfied: number
  callbacks: number
  reached: number
  /** Fen due in the month (unpaid or paid; waived is not owed), and fen of it paid. */
  billed: number
  collected: number
}

export const emptyCounters = (): Counters => ({
  tickets: 0,
  complaints: 0,
  emergencies: 0,
  types: {},
  categories: {},
  respondDue: 0,
  respondOnTime: 0,
  resolveDue: 0,
  resolveOnTime: 0,
  closed: 0,
  firstTime: 0,
  responseMinutes: 0,
  responded: 0,
  resolutionMinutes: 0,
  resolved: 0,
  surveyed: 0,
  answered: 0,
  scoreSum: 0,
  satisfied: 0,
  callbacks: 0,
  reached: 0,
  billed: 0,
  collected: 0,
})

function addMap<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>) {
  for (const [k, v] of Object.entries(from) as [K, number][]) into[k] = (into[k] ?? 0) + v
}

export function addCounters(into: Counters, from: Counters): Counters {
  for (const k of Object.keys(from) as (keyof Counters)[]) {
    if (k === 'types') addMap(into.types, from.types)
    else if (k === 'categories') addMap(into.categories, from.categories)
    else into[k] += from[k]
  }
  return into
}

/** Who a piece of work belongs to. Empty strings: no department / handler (closed by the desk). */
export interface Cell {
  building: string
  department: string
  handler: string
  handlerName: string
  c: Counters
}

/** A place that came up more than once in the month: the same lift, the same pipe. */
export interface Place {
  place: string
  building: string
  count: number
  category: Category
}

export interface MonthRollup {
  month: string
  cells: Cell[]
  places: Place[]
}

export interface MonthInput {
  month: string
  tickets: TicketDoc[]
  surveys: SurveyDoc[]
  bills: Pick<BillDoc, 'building' | 'amount' | 'status'>[]
  calendar: BusinessCalendar
  now: number
}

/** [start, end) of a Shanghai calendar month. */
export const monthRange = (month: string): [number, number] => [monthStart(month), monthStart(addMonths(month, 1))]

/** The n months ending with `month`, oldest first. */
export const monthsUpTo = (month: string, n: number): string[] => Array.from({ length: n }, (_, i) => addMonths(month, i - (n - 1)))

/** First and last Shanghai date of the month, YYYY-MM-DD: bills' dueDate range. */
export const monthDates = (month: string): [string, string] => [`${month}-01`, shanghaiDate(monthRange(month)[1] - 1)]

/**
 * A promise counts once it has fallen due: met (on time or late) or, still unmet, past due.
 * A promise not yet due, or never tested (cancelled before it fell due), is left out.
 */
function judge(d: Deadline | undefined, open: boolean, now: number): 'on_time' | 'late' | null {
  if (!d) return null
  if (d.metAt !== undefined) return d.metAt <= d.due ? 'on_time' : 'late'
  return open && now > d.due ? 'late' : null
}

function cellOf(cells: Map<string, Cell>, building: string, department = '', handler = '', handlerName = ''): Counters {
  const key = `${building}|${department}|${handler}`
  let cell = cells.get(key)
  if (!cell) {
    cell = { building, department, handler, handlerName, c: emptyCounters() }
    cells.set(key, cell)
  }
  if (handlerName && !cell.handlerName) cell.handlerName = handlerName
  return cell.c
}

export function rollupMonth(input: MonthInput): MonthRollup {
  const cells = new Map<string, Cell>()
  const minutes = (t: TicketDoc, a: number, b: number) => (t.sla.clock === '24h' ? Math.max(0, b - a) / 60_000 : businessMinutesBetween(a, b, input.calendar))
  const places = new Map<string, Place>()

  for (const t of input.tickets) {
    // A duplicate merged into its master is the same problem: the master counts it, once.
    if (t.status === 'merged') continue
    const c = cellOf(cells, t.building, t.department, t.assignee, t.assigneeName)
    c.tickets++
    c.types[t.type] = (c.types[t.type] ?? 0) + 1
    c.categories[t.category] = (c.categories[t.category] ?? 0) + 1
    if (t.type === 'complaint') c.complaints++
    if (t.priority === 'emergency') c.emergencies++
    const respond = judge(t.sla.respond, t.open, input.now)
    if (respond) {
      c.respondDue++
      if (respond === 'on_time') c.respondOnTime++
    }
    const resolve = judge(t.sla.resolve, t.open, input.now)
    if (resolve) {
      c.resolveDue++
      if (resolve === 'on_time') c.resolveOnTime++
    }
    if (t.status === 'closed') {
      c.closed++
      if (t.reopenCount === 0) c.firstTime++
    }
    if (t.respondedAt !== undefined) {
      c.responseMinutes += minutes(t, t.createdAt, t.respondedAt)
      c.responded++
    }
    if (t.resolvedAt !== undefined) {
      c.resolutionMinutes += minutes(t, t.createdAt, t.resolvedAt)
      c.resolved++
    }
    if (t.type === 'repair' || t.type === 'complaint') {
      const p = places.get(t.place) ?? { place: t.place, building: t.building, count: 0, category: t.category }
      p.count++
      places.set(t.place, p)
    }
  }

  // Surveys: a reopened job's latest round only, as the 回访 figures count it.
  for (const s of latestPerTicket(input.surveys)) {
    const c = cellOf(cells, s.building, s.department, s.handler, s.handlerName)
    c.surveyed++
    if (s.callbackId) {
      c.callbacks++
      if (s.callbackReached) c.reached++
    }
    if (!s.answer) continue
    c.answered++
    c.scoreSum += s.answer.overall
    if (isSatisfied(s.answer)) c.satisfied++
  }

  for (const b of input.bills) {
    if (b.status === 'waived') continue
    const c = cellOf(cells, b.building)
    c.billed += b.amount
    if (b.status === 'paid') c.collected += b.amount
  }

  return {
    month: input.month,
    cells: [...cells.values()].sort((a, b) => (a.building + a.department + a.handler < b.building + b.department + b.handler ? -1 : 1)),
    places: [...places.values()]
      .filter((p) => p.count > 1)
      .sort((a, b) => b.count - a.count || a.place.localeCompare(b.place))
      .slice(0, 50),
  }
}
