import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { houseIdFromQuery } from '../../../src/core/community/room-query'
import type { TicketDoc } from '../../../src/core/tickets/types'
import { nextPromise } from '../../../src/core/tickets/sla'
import type { Filter } from '../../lib/ports/store'
import type { Handler } from '../../lib/runtime/handler'
import { hasRole, type Ctx } from '../../lib/runtime/context'
import { scopeWhere } from '../../lib/runtime/scope'
import { summary } from '../../lib/tickets/views'

/** Who sees what: handlers their own queue; the front office their staff scope, narrowed (never widened) by the building asked for. */
function scope(ctx: Ctx, building?: string): Filter {
  if (!hasRole(ctx, 'agent', 'manager', 'supervisor')) return { assignee: ctx.openid, ...(building ? { building } : {}) }
  return scopeWhere(ctx, building)
}

/** Each tab is one indexed range (see collections.ts): no view ever walks a community's history. */
const TABS = {
  new: (): Filter => ({ status: 'new' }),
  mine: (ctx: Ctx): Filter => (hasRole(ctx, 'agent', 'manager', 'supervisor') ? { owner: ctx.openid, open: true } : { open: true }),
  overdue: (): Filter => ({ overdue: true }),
  all: (): Filter => ({}),
}
/** The count beside 全部 is what is still open: the number a desk works down, not all-time history. */
const COUNTS = { ...TABS, all: (): Filter => ({ open: true }) }

/** When a job is due: the visit agreed with the resident, else its next promise; paused work last. */
const dueFirst = (t: TicketDoc, now: number) => t.visit?.start ?? nextPromise(t.sla, now)?.due ?? Number.MAX_SAFE_INTEGER

/** 1-1-301 (or 1栋1单元301) → a house id; 301 → a door; 4 digits → a phone tail or a door; BX-… → a number. */
function search(ctx: Ctx, q: string): Filter[] {
  const communityId = ctx.user!.staff!.communityId
  const s = q.trim().toUpperCase()
  if (/^[A-Z]{2}-\d{8}-\d{1,4}$/.test(s)) return [{ no: s }]
  const house = houseIdFromQuery(communityId, s)
  if (house) return [{ houseId: house }]
  if (/^\d{4}$/.test(s)) return [{ phoneTail: s }, { room: s }]
  if (/^\d{3,4}$/.test(s)) return [{ room: s }]
  return [{ no: s }]
}

export const inbox: Handler<typeof ticketsContract.inbox> = async (ctx, input) => {
  const coll = ctx.store.c.tickets
  const base = scope(ctx, input.building)
  const filters: Filter = {
    ...(input.type ? { type: input.type } : {}),
    ...(input.priority ? { priority: input.priority } : {}),
    ...(input.open !== undefined ? { open: input.open } : {}),
    ...(input.escalated ? { escalated: true } : {}),
    ...(input.lowRating ? { lowRating: true } : {}),
    ...(input.since !== undefined ? { createdAt: { $gte: input.since } } : {}),
  }
  const tab = { ...TABS[input.tab](ctx), ...(input.status ? { status: input.status } : {}) }
  // New work: emergencies first, then oldest first. Every other tab: newest first.
  const orderBy: [string, 'asc' | 'desc'][] =
    input.tab === 'new'
      ? [
          ['rank', 'asc'],
          ['createdAt', 'asc'],
        ]
      : [['createdAt', 'desc']]
  const [counts, page] = await Promise.all([
    Promise.all((['new', 'mine', 'overdue', 'all'] as const).map((k) => coll.count({ ...base, ...filters, ...COUNTS[k](ctx) }))),
    (async () => {
      if (!input.q && input.tab === 'mine' && !hasRole(ctx, 'agent', 'manager', 'supervisor')) {
        // A handler's own open jobs are tens, not thousands: all of them, in the order he should go.
        const rows = (await coll.find({ where: { ...base, ...filters, ...tab }, limit: 200 })).sort(
          (a, b) => a.rank - b.rank || dueFirst(a, ctx.now) - dueFirst(b, ctx.now),
        )
        return { items: rows.slice(input.offset, input.offset + input.limit), more: rows.length > input.offset + input.limit }
      }
      if (!input.q) {
        // One row past the page says whether there is more, without counting all history.
        const where = { ...base, ...filters, ...tab }
        const rows = await coll.find({ where, orderBy, offset: input.offset, limit: input.limit + 1 })
        return { items: rows.slice(0, input.limit), more: rows.length > input.limit }
      }
      // A search is narrow by nature: run each reading of it and merge.
      const found = new Map<string, TicketDoc>()
      for (const f of search(ctx, input.q)) {
        for (const t of await coll.find({ where: { ...base, ...filters, ...tab, ...f }, orderBy, limit: 50 })) found.set(t._id, t)
      }
      const items = [...found.values()].sort((a, b) => a.rank - b.rank || b.createdAt - a.createdAt)
      return { items: items.slice(input.offset, input.offset + input.limit), more: items.length > input.offset + input.limit }
    })(),
  ])
  const [n, m, o, a] = counts
  return { items: page.items.map((t) => summary(t, ctx)), more: page.more, counts: { new: n, mine: m, overdue: o, all: a } }
}

export const handlers: Handler<typeof ticketsContract.handlers> = async (ctx, { department }) => {
  const communityId = ctx.user!.staff!.communityId
  const users = (await ctx.store.c.users.find({ where: { 'staff.communityId': communityId }, limit: 200 })).filter(
    (u) => u.staff?.roles.includes('handler') && (!department || u.staff.department === department),
  )
  const tickets = ctx.store.c.tickets
  const loads = await Promise.all(users.map((u) => tickets.count({ assignee: u._id, open: true })))
  return (
    users
      .map((u, i) => ({ openid: u._id, name: u.staff!.name, department: u.staff!.department ?? '', onDuty: Boolean(u.staff!.onDuty), openLoad: loads[i] }))
      // Lightest load first; at equal load whoever is on duty, then by name, so the list never reshuffles.
      .sort((x, y) => x.openLoad - y.openLoad || Number(y.onDuty) - Number(x.onDuty) || x.name.localeCompare(y.name, 'zh-CN'))
  )
}
