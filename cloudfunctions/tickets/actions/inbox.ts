import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { OPEN_STATUSES, type TicketDoc } from '../../../src/core/tickets/types'
import type { UserDoc } from '../../../src/core/account/types'
import type { Filter } from '../../lib/ports/store'
import type { Handler } from '../../lib/runtime/handler'
import { hasRole, type Ctx } from '../../lib/runtime/context'
import { summary } from '../views'

/** Who sees what: handlers their own queue, a 管理员 who is nothing else their zone, others the community. */
function scope(ctx: Ctx): Filter {
  const staff = ctx.user!.staff!
  if (!hasRole(ctx, 'agent', 'manager', 'supervisor')) return { assignee: ctx.openid }
  const base: Filter = { communityId: staff.communityId }
  if (hasRole(ctx, 'manager') && !hasRole(ctx, 'agent', 'supervisor')) base.building = { $in: staff.zone ?? [] }
  return base
}

const TABS = {
  new: (): Filter => ({ status: 'new' }),
  mine: (ctx: Ctx): Filter => (hasRole(ctx, 'agent', 'manager', 'supervisor') ? { owner: ctx.openid, status: { $in: OPEN_STATUSES } } : { status: { $in: OPEN_STATUSES } }),
  overdue: (): Filter => ({ overdue: true, status: { $in: OPEN_STATUSES } }),
  all: (): Filter => ({}),
}

/** 1-1-301 → a house id; 301 → a door; 4 digits → a phone tail or a door; BX-… → a number. */
function search(ctx: Ctx, q: string): Filter[] {
  const communityId = ctx.user!.staff!.communityId
  const s = q.trim().toUpperCase()
  if (/^[A-Z]{2}-\d{8}-\d{1,4}$/.test(s)) return [{ no: s }]
  const house = /^(\d+)-(\d+)-(\d+)$/.exec(s)
  if (house) return [{ houseId: `${communityId}-${house[1]}-${house[2]}-${house[3]}` }]
  if (/^\d{4}$/.test(s)) return [{ phoneTail: s }, { room: s }]
  if (/^\d{3,4}$/.test(s)) return [{ room: s }]
  return [{ no: s }]
}

export const inbox: Handler<typeof ticketsContract.inbox> = async (ctx, input) => {
  const coll = ctx.store.collection<TicketDoc>('tickets')
  const base = scope(ctx)
  const filters: Filter = {
    ...(input.type ? { type: input.type } : {}),
    ...(input.building ? { building: input.building } : {}),
    ...(input.priority ? { priority: input.priority } : {}),
  }
  const tab = { ...TABS[input.tab](ctx), ...(input.status ? { status: input.status } : {}) }
  const orderBy: [string, 'asc' | 'desc'][] = [['rank', 'asc'], ['createdAt', input.tab === 'new' ? 'asc' : 'desc']]
  const [counts, page] = await Promise.all([
    Promise.all((['new', 'mine', 'overdue', 'all'] as const).map((k) => coll.count({ ...base, ...filters, ...TABS[k](ctx) }))),
    (async () => {
      if (!input.q) {
        const where = { ...base, ...filters, ...tab }
        const [items, total] = await Promise.all([coll.find({ where, orderBy, offset: input.offset, limit: input.limit }), coll.count(where)])
        return { items, total }
      }
      // A search is narrow by nature: run each reading of it and merge.
      const found = new Map<string, TicketDoc>()
      for (const f of search(ctx, input.q)) {
        for (const t of await coll.find({ where: { ...base, ...filters, ...tab, ...f }, orderBy, limit: 50 })) found.set(t._id, t)
      }
      const items = [...found.values()].sort((a, b) => a.rank - b.rank || b.createdAt - a.createdAt)
      return { items: items.slice(input.offset, input.offset + input.limit), total: items.length }
    })(),
  ])
  const [n, m, o, a] = counts
  return { items: page.items.map((t) => summary(t, ctx)), total: page.total, counts: { new: n, mine: m, overdue: o, all: a } }
}

export const handlers: Handler<typeof ticketsContract.handlers> = async (ctx, { department }) => {
  const communityId = ctx.user!.staff!.communityId
  const users = (await ctx.store.collection<UserDoc>('users').find({ where: { 'staff.communityId': communityId }, limit: 200 })).filter(
    (u) => u.staff?.roles.includes('handler') && (!department || u.staff.department === department),
  )
  const tickets = ctx.store.collection<TicketDoc>('tickets')
  const loads = await Promise.all(users.map((u) => tickets.count({ assignee: u._id, status: { $in: ['dispatched', 'accepted', 'in_progress', 'paused'] } })))
  return users
    .map((u, i) => ({ openid: u._id, name: u.staff!.name, department: u.staff!.department ?? '', onDuty: Boolean(u.staff!.onDuty), openLoad: loads[i] }))
    .sort((x, y) => x.openLoad - y.openLoad)
}
