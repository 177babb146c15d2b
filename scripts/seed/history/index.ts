import type { Store } from '../../../cloudfunctions/lib/ports/store'
import type { EventDoc } from '../../../cloudfunctions/lib/tickets/events'
import type { UserDoc } from '../../../src/core/account/types'
import type { House } from '../../../src/core/community/types'
import type { StaffRole } from '../../../src/core/shared/roles'
import { addMonths, monthStart, shanghaiDayStart, shanghaiMonth, shanghaiWeekday } from '../../../src/core/shared/time'
import { counterId, ticketNo } from '../../../src/core/tickets/numbering'
import { writeBatched, type SeedDoc } from '../batch'
import { rng } from '../community'
import { SAVED_REPLIES } from '../tickets'
import { MIN, DAY, MONTHS_BACK, pick, int, hashOf, DONE_NOTES, COSTS, type Staffer, HISTORY_STAFF } from './basics'
import { type Plan, type World, lifecycle, planSurvey } from './plan'
import { drawReport, drawEmergency, drawHotSpot, drawDuplicate, drawCancelled } from './draw'
import { buildTicket, surveyIdOf, buildSurvey, complaintCallback } from './documents'
import { billHistory } from './bills'

/**
 * Six months of a community's past, so the 客服主任's dashboard and 月报 mean something on first
 * start: tickets of every type and outcome with their timelines, 回访 ratings and callbacks, and
 * 物业费 bills with payments and receipts. Written as documents (seeding is not a use case), but
 * every ticket walks the same steps the functions take — promises from computeSla, met with meet(),
 * the escalation ladder's rungs where a promise ran late, derive() before the write.
 *
 * What the live app and its tests may rely on:
 * - All of it is finished and strictly before today (Shanghai): no open ticket, survey or
 *   callback, nothing with a next check, so the scheduler never acts on history and 今日新增 is 0.
 * - Reporters are made-up residents of houses nobody is bound to (hist-<houseId>, or offline:<phone>
 *   for calls): no bindings, so notices, campaigns and review queues are unchanged.
 * - Work whose survey falls in the current month goes to staff who cannot sign in (钱伟, 冯霞 …),
 *   so a demo handler's figures for this month start at zero.
 * - Ticket and receipt numbers continue the per-day counters, which are advanced past them.
 * - No bill for a bound house, for the current month, or where a bill already exists.
 *
 * Deterministic: a seeded PRNG, no Math.random and no generated ids; same `now`, same documents.
 */

async function load(store: Store, communityId: string) {
  const houses: House[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.c.houses.find({ where: { communityId }, orderBy: [['_id', 'asc']], offset, limit: 1000 })
    houses.push(...page)
    if (page.length < 1000) break
  }
  const archive = await store.c.archive.find({ where: { communityId }, limit: 1000 })
  const bound = new Set((await store.c.bindings.find({ where: { communityId }, limit: 1000 })).map((b) => b.houseId))
  const users = await store.c.users.find({ where: { 'staff.communityId': communityId }, limit: 200 })
  return { houses, archive, bound, users }
}

export async function seedHistory(
  store: Store,
  communityId: string,
  now: number,
  reserved: readonly string[] = [],
): Promise<{ tickets: number; surveys: number; bills: number }> {
  const { houses: all, archive, bound, users } = await load(store, communityId)
  const r = rng(hashOf(`history:${communityId}`))
  const today = shanghaiDayStart(now)
  const month = shanghaiMonth(now)
  const first = addMonths(month, -MONTHS_BACK)
  // Houses somebody is bound to (the demo accounts'), or is about to be, keep a history of their own making.
  const houses = all.filter((h) => !bound.has(h._id) && !reserved.includes(h._id))
  const owners = new Map<string, { name: string; phone: string }>()
  for (const a of archive) if (a.members[0]) owners.set(a._id, { name: a.members[0].name, phone: a.members[0].phone })
  for (const h of houses) if (!owners.has(h._id)) owners.set(h._id, { name: '住户', phone: `139${String(hashOf(h._id) % 1e8).padStart(8, '0')}` })
  const byBuilding = new Map<string, House[]>()
  for (const h of houses) byBuilding.set(h.building, [...(byBuilding.get(h.building) ?? []), h])

  const since = monthStart(first) - 30 * DAY
  const extras: UserDoc[] = HISTORY_STAFF.map((s) => ({
    _id: s.openid,
    nickname: s.name,
    createdAt: since,
    updatedAt: since,
    staff: { name: s.name, communityId, roles: ['handler'], department: s.department },
  }))
  const staff: Staffer[] = [
    ...users
      .filter((u) => u.staff)
      .map((u) => ({
        openid: u._id,
        name: u.staff!.name,
        roles: u.staff!.roles,
        department: u.staff!.department,
        onDuty: u.staff!.onDuty,
        zone: u.staff!.zone,
        login: true,
      })),
    ...HISTORY_STAFF.map((s) => ({ ...s, roles: ['handler'] as StaffRole[], login: false })),
  ]
  const agent = staff.find((s) => s.roles.includes('agent'))
  const chief = staff.find((s) => s.roles.includes('supervisor') && s.onDuty) ?? staff.find((s) => s.roles.includes('supervisor')) ?? agent
  if (!agent || !chief || houses.length === 0) throw new Error(`seedHistory: community ${communityId} needs houses, an agent and a supervisor first`)
  const w: World = { r, communityId, now, limit: today, currentMonthStart: monthStart(month), houses, byBuilding, owners, staff, agent, chief }

  // Reports, day by day: about five a day, more in the summer and at weekends.
  const plans: Plan[] = []
  const lastDay = today - DAY
  const monthsOfHistory = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(first, i))
  for (const m of monthsOfHistory) {
    const days: number[] = []
    for (let d = monthStart(m); d < monthStart(addMonths(m, 1)) && d <= lastDay; d += DAY) days.push(d)
    const summer = ['06', '07', '08'].includes(m.slice(5))
    for (const day of days) {
      const weekend = [0, 6].includes(shanghaiWeekday(day))
      const mean = 3.6 * (summer ? 1.2 : 1) * (weekend ? 1.15 : 1)
      const n = Math.max(1, Math.round(mean + (r() + r() + r() - 1.5) * 2.2))
      const last = day === lastDay
      for (let i = 0; i < n; i++) plans.push(drawReport(w, day, last))
      if (r() < 0.1) plans.push(drawEmergency(w, day, last))
    }
    // Hot spots stay clear of the last two days, so their repeats and merges can finish.
    const spotDays = days.filter((d) => d < lastDay - DAY)
    if (spotDays.length >= 3) for (let k = int(r, 2, 3); k > 0; k--) plans.push(...drawHotSpot(w, spotDays))
  }
  plans.sort((a, b) => a.c - b.c)

  // Outcomes: a few cancelled by the resident at once; the rest worked to the end.
  const dups: Plan[] = []
  for (const p of plans) {
    if (!p.emergency && p.source === 'app' && r() < 0.05) {
      drawCancelled(w, p)
      continue
    }
    if (p.type === 'repair' && p.scope === 'home' && p.dept && r() < 0.25) p.cost = [pick(r, COSTS[p.category] ?? COSTS.other!)]
    if (p.type !== 'question' && p.type !== 'suggestion') p.note = pick(r, DONE_NOTES[p.category])
    p.reply = SAVED_REPLIES[p.type === 'repair' ? (p.scope === 'public' ? 3 : 0) : p.type === 'complaint' ? pick(r, [0, 1]) : 1].text
    lifecycle(w, p)
  }
  // Duplicates: a public fault reported twice within the hour, merged into the first report.
  for (const p of plans) {
    if (p.end === 'closed' && p.scope === 'public' && p.type === 'repair' && !p.emergency && r() < 0.06) {
      const d = drawDuplicate(w, p)
      if (d) dups.push(d)
    }
  }
  plans.push(...dups)
  for (const p of [...plans]) if (p.end === 'closed') planSurvey(w, p, plans)
  plans.sort((a, b) => a.c - b.c)

  // Handlers: demo accounts for past months; staff who cannot sign in for work surveyed this month.
  for (const p of plans) {
    if (!p.dept || p.end !== 'closed') continue
    const current = p.c >= w.currentMonthStart || p.closeAt + 5 * MIN >= w.currentMonthStart
    const own = p.from?.plan.handler
    const team = staff.filter((s) => s.roles.includes('handler') && s.department === p.dept && (!current || !s.login))
    p.handler = own && team.includes(own) ? own : (team.find((s) => s.login && r() < 0.55) ?? team.find((s) => !s.login) ?? team[0])
  }

  // Numbers, per type and day in order of creation, after anything the counters already gave out.
  const counters = new Map<string, number>()
  for (const p of plans) {
    const cid = counterId(communityId, p.type, p.c)
    if (!counters.has(cid)) counters.set(cid, (await store.c.counters.get(cid))?.n ?? 0)
    const n = counters.get(cid)! + 1
    counters.set(cid, n)
    p.no = ticketNo(p.type, p.c, n)
    // A bad rating's complaint has the ladder's own id (cp_<survey>), as if the ladder had opened it.
    p.id = p.from ? `cp_${surveyIdOf(p.from.plan)}` : `${communityId}-h-${p.no}`
  }

  const docs: SeedDoc[] = extras.map((u) => ({ collection: 'users', doc: u }))
  let surveys = 0
  for (const p of plans) {
    const { ticket, events } = buildTicket(w, p)
    docs.push({ collection: 'tickets', doc: ticket })
    events
      .sort((a, b) => a.at - b.at)
      .forEach((e, i) =>
        docs.push({ collection: 'ticketEvents', doc: { _id: `${p.id}-e${String(i).padStart(2, '0')}`, ticketId: p.id, communityId, ...e } as EventDoc }),
      )
    if (p.survey) {
      const { survey, callbacks } = buildSurvey(w, p, ticket)
      surveys++
      docs.push({ collection: 'surveys', doc: survey }, ...callbacks.map((c) => ({ collection: 'callbacks', doc: c })))
    }
    if (p.from) docs.push({ collection: 'callbacks', doc: complaintCallback(w, p, ticket) })
  }
  for (const [cid, n] of counters) docs.push({ collection: 'counters', doc: { _id: cid, n } as { _id: string } })

  const bills = await billHistory(w, store, monthsOfHistory.slice(0, MONTHS_BACK), docs)
  await writeBatched(store, docs)
  return { tickets: plans.length, surveys, bills }
}
