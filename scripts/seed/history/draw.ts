import type { Department } from '../../../src/core/shared/roles'
import { shanghaiDayStart } from '../../../src/core/shared/time'
import { addBusinessMinutes } from '../../../src/core/tickets/calendar'
import { CATEGORY_DEPARTMENT, type Category, type Scope, type TicketType } from '../../../src/core/tickets/types'
import {
  MIN,
  HOUR,
  DAY,
  CAL,
  type Rand,
  pick,
  int,
  weighted,
  sample,
  type Loc,
  HOME_REPAIR,
  PUBLIC_REPAIR,
  PUBLIC_COMPLAINT,
  HOME_COMPLAINT,
  PUBLIC_SUGGESTION,
  HOME_SUGGESTION,
  SUGGESTION_DONE,
  QUESTIONS,
  EMERGENCY_SPEC,
  CANCEL_REASONS,
} from './basics'
import { type Plan, type World, fill, blank } from './plan'

/** Drawing the plans of a month: ordinary reports, emergencies, hot spots, duplicates and cancellations. */

/** When residents report, by hour of the day: mornings and evenings, hardly at night. */
export const CREATE_HOURS = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1, 2, 3, 3, 2.5, 2, 2, 2.5, 2.5, 2.5, 2, 2.5, 3, 3, 2, 1, 0.4].map(
  (weight, hour) => [hour, weight] as const,
)

export function departmentOf(type: TicketType, category: Category, scope: Scope, r: Rand): Department | undefined {
  if (type === 'suggestion' || type === 'question') return undefined
  if (category === 'other' && type === 'complaint') return scope === 'public' || r() < 0.5 ? 'security' : undefined
  if (type === 'complaint' && category !== 'cleaning' && category !== 'greening' && r() < 0.15) return undefined
  return CATEGORY_DEPARTMENT[category] ?? 'engineering'
}

/** One ordinary report on a given day: type, what and where, who. */
export function drawReport(w: World, day: number, last: boolean): Plan {
  const { r } = w
  const type = weighted(r, [
    ['repair', 66],
    ['complaint', 10],
    ['suggestion', 12],
    ['question', 12],
  ] as const)
  const source = weighted(r, [
    ['app', 80],
    ['phone', 15],
    ['walkin', 5],
  ] as const)
  const office = source !== 'app'
  let hour = office ? int(r, 9, 17) : weighted(r, CREATE_HOURS)
  if (last) hour = Math.min(hour, 15)
  const c = day + hour * HOUR + int(r, 0, 59) * MIN + int(r, 0, 59) * 1000
  const house = pick(r, w.houses)
  const p = blank(w, house, c)
  p.type = type
  p.source = source
  p.walkup = source !== 'app' && r() < 0.6
  const unit = house.unit
  const setPublic = (loc: Loc, category: Category) => {
    p.scope = 'public'
    p.category = category
    p.location = fill(w, loc[0], unit)
    const text = fill(w, loc[1], unit)
    p.description = () => text
  }
  const setHome = (category: Category, text: string) => {
    p.scope = 'home'
    p.category = category
    p.description = () => text
  }
  if (type === 'repair') {
    if (r() < 0.58) {
      const category = weighted(r, [
        ['water_electric', 45],
        ['door_window', 25],
        ['gas', 8],
        ['other', 12],
      ] as const)
      setHome(category, pick(r, HOME_REPAIR[category]!))
      // A visit window the resident picked: tomorrow morning or afternoon.
      if (source === 'app' && r() < 0.3) {
        const tomorrow = shanghaiDayStart(c) + DAY
        const am = r() < 0.5
        p.window = { start: tomorrow + (am ? 9 : 14) * HOUR, end: tomorrow + (am ? 12 : 18) * HOUR }
        if (p.window.end > w.limit - 6 * HOUR) p.window = undefined
      }
    } else {
      const category = weighted(r, [
        ['elevator', 35],
        ['water_electric', 20],
        ['facility', 25],
        ['door_window', 8],
        ['cleaning', 6],
        ['greening', 6],
      ] as const)
      setPublic(pick(r, PUBLIC_REPAIR[category]!), category)
    }
  } else if (type === 'complaint') {
    if (r() < 0.75) {
      const category = weighted(r, [
        ['cleaning', 35],
        ['greening', 15],
        ['other', 30],
        ['elevator', 10],
        ['facility', 10],
      ] as const)
      setPublic(pick(r, PUBLIC_COMPLAINT[category]!), category)
    } else {
      const [category, text] = pick(r, HOME_COMPLAINT)
      setHome(category, text)
    }
  } else if (type === 'suggestion') {
    if (r() < 0.7) {
      const category = weighted(r, [
        ['greening', 30],
        ['facility', 40],
        ['cleaning', 15],
        ['other', 15],
      ] as const)
      setPublic(pick(r, PUBLIC_SUGGESTION[category]!), category)
    } else setHome('other', pick(r, HOME_SUGGESTION))
    p.note = pick(r, SUGGESTION_DONE)
  } else {
    const q = pick(r, QUESTIONS)
    if (q.scope === 'public') setPublic([q.location!, q.q], q.category)
    else setHome(q.category, q.q)
    p.note = q.a
  }
  p.dept = departmentOf(type, p.category, p.scope, r)
  return p
}

export function drawEmergency(w: World, day: number, last: boolean): Plan {
  const { r } = w
  const kind = weighted(r, [
    ['elevator_trap', 45],
    ['severe_leak', 35],
    ['gas_leak', 12],
    ['fire', 8],
  ] as const)
  const spec = EMERGENCY_SPEC[kind]
  const hour = last ? int(r, 7, 15) : int(r, 0, 23)
  const house = pick(r, w.houses)
  const p = blank(w, house, day + hour * HOUR + int(r, 0, 59) * MIN + int(r, 0, 59) * 1000)
  p.emergency = kind
  p.scope = spec.scope
  p.category = spec.category
  p.source = r() < 0.5 ? 'phone' : 'app'
  p.walkup = p.source === 'phone' && r() < 0.5
  if (spec.location) p.location = fill(w, spec.location, house.unit)
  const text = fill(w, spec.text, house.unit)
  p.description = () => text
  p.dept = 'engineering'
  return p
}

/** A place that keeps breaking this month: the same lift or gate, reported 3–6 times. */
export function drawHotSpot(w: World, days: number[]): Plan[] {
  const { r } = w
  const building = pick(r, [...w.byBuilding.keys()])
  const houses = w.byBuilding.get(building)!
  const unit = pick(r, houses).unit
  const category = weighted(r, [
    ['elevator', 50],
    ['facility', 30],
    ['water_electric', 20],
  ] as const)
  const spot = pick(
    r,
    category === 'elevator'
      ? PUBLIC_REPAIR.elevator!
      : category === 'facility'
        ? PUBLIC_REPAIR.facility!.slice(0, 2)
        : PUBLIC_REPAIR.water_electric!.slice(1, 2),
  )
  const location = fill(w, spot[0], unit)
  // A lift fails in different ways; a gate or a light the same way each time.
  const texts = category === 'elevator' ? PUBLIC_REPAIR.elevator!.map((l) => l[1]) : [spot[1]]
  return sample(r, days, Math.min(int(r, 3, 6), days.length)).map((day, i) => {
    const p = blank(w, pick(r, houses), day + int(r, 8, 20) * HOUR + int(r, 0, 59) * MIN)
    p.scope = 'public'
    p.category = category
    p.location = location
    const text = fill(w, pick(r, texts), unit)
    p.description = () => (i >= 2 && category === 'elevator' ? `又坏了！${text}，这个月已经第 ${i + 1} 次了` : text)
    p.type = i >= 3 && r() < 0.5 ? 'complaint' : 'repair'
    p.source = r() < 0.8 ? 'app' : 'phone'
    p.dept = 'engineering'
    return p
  })
}

/** A neighbour reports the same fault a little later; the agent merges it into the first. */
export function drawDuplicate(w: World, master: Plan): Plan | null {
  const { r } = w
  const c = master.c + int(r, 10, 60) * MIN
  const mergeAt = addBusinessMinutes(c, int(r, 2, 12), CAL)
  const firstDone = master.rounds[0].doneAt
  if (mergeAt >= firstDone || mergeAt >= w.limit - HOUR) return null
  const houses = w.byBuilding.get(master.building)!.filter((h) => h._id !== master.house._id)
  const p = blank(w, pick(r, houses), c)
  Object.assign(p, { type: master.type, scope: master.scope, category: master.category, location: master.location, source: 'app', dept: master.dept })
  const text = `${master.description(() => '')}，麻烦尽快处理`
  p.description = () => text
  p.end = 'merged'
  p.closeBy = 'merge'
  p.closeAt = mergeAt
  p.master = master
  master.dups.push(p)
  return p
}

export function drawCancelled(w: World, p: Plan) {
  p.end = 'cancelled'
  p.closeBy = 'cancel'
  p.closeAt = p.c + int(w.r, 3, 25) * MIN
  p.reason = pick(w.r, CANCEL_REASONS)
  p.window = undefined
}
