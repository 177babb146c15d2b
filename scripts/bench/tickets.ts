import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { UserDoc } from '../../src/core/account/types'
import { DEFAULT_CALENDAR } from '../../src/core/tickets/calendar'
import { derive } from '../../src/core/tickets/escalation'
import { ticketNo } from '../../src/core/tickets/numbering'
import { computeSla, DEFAULT_SLA, meet } from '../../src/core/tickets/sla'
import { CATEGORIES, TICKET_TYPES, type Status, type TicketDoc } from '../../src/core/tickets/types'
import { writeBatched, type BenchDataset } from './dataset'
import type { BenchCase, CallFn } from './run'

const DAY = 86400_000
const spread = <T>(list: T[], i: number) => list[(i * 7919) % list.length]

export interface TicketData {
  handlers: Map<string, string>
  /** Per community: tickets still waiting for dispatch, and tickets a handler is working on. */
  fresh: { id: string; communityId: string }[]
  working: { id: string; communityId: string }[]
  /** An owner and one of their tickets. */
  owned: { openid: string; id: string }[]
}

/**
 * Six months of tickets across the bench communities, written as documents (seeding is not a
 * use case): most closed, some open at every stage, a slice waiting for the scheduler.
 */
export async function seedTickets(store: Store, data: BenchDataset, now: number, total = 200_000): Promise<TicketData> {
  const out: TicketData = { handlers: new Map(), fresh: [], working: [], owned: [] }
  const docs: { collection: string; doc: { _id: string } }[] = []
  for (const c of data.communities) {
    const handler: UserDoc = {
      _id: `wx-${c.id}-tech`,
      createdAt: now,
      updatedAt: now,
      staff: { name: `师傅${c.id.slice(-2)}`, communityId: c.id, roles: ['handler'], department: 'engineering' },
    }
    docs.push({ collection: 'users', doc: handler })
    out.handlers.set(c.id, handler._id)
  }
  const perOwner = new Map<string, number>()
  for (let i = 0; i < total; i++) {
    const owner = spread(data.owners, i)
    const createdAt = now - Math.floor(((i * 104729) % (180 * DAY)) / 1000) * 1000 - 3600_000
    const type = TICKET_TYPES[i % 10 < 7 ? 0 : i % 4]
    // A busy estate: 5% of six months' tickets still open (≈500 per community), 5% awaiting confirmation.
    const roll = i % 40
    const status: Status = roll < 36 ? 'closed' : roll === 36 ? 'new' : roll === 37 ? 'accepted' : 'resolved'
    const seq = (perOwner.get(owner.communityId) ?? 0) + 1
    perOwner.set(owner.communityId, seq)
    let sla = computeSla({ type, priority: 'normal' }, createdAt, DEFAULT_SLA, DEFAULT_CALENDAR)
    if (status !== 'new') sla = meet(sla, 'respond', createdAt + 600_000)
    const handler = out.handlers.get(owner.communityId)!
    const [b, u, room] = owner.houseId.split('-').slice(-3)
    const t: TicketDoc = {
      _id: `bt${String(i).padStart(7, '0')}`,
      no: ticketNo(type, createdAt, seq % 10000),
      communityId: owner.communityId,
      type,
      scope: 'home',
      category: CATEGORIES[i % CATEGORIES.length],
      description: '压测工单：水管漏水需要维修',
      photos: [],
      priority: 'normal',
      rank: 1,
      houseId: owner.houseId,
      building: b,
      room,
      place: `${b}栋${u}单元${room}`,
      reporter: { name: '压测住户', phone: `139${String(i % 1e8).padStart(8, '0')}` },
      reporterOpenid: owner.openid,
      phoneTail: String(i % 10000).padStart(4, '0'),
      source: 'app',
      status,
      sla,
      overdue: false,
      open: false,
      nextCheckAt: null,
      reopenCount: 0,
      followers: [],
      links: [],
      afterPhotos: [],
      urgeCount: 0,
      createdBy: owner.openid,
      createdAt,
      updatedAt: createdAt,
      ...(status !== 'new' ? { assignee: handler, assigneeName: '师傅', department: 'engineering', owner: data.agents.get(owner.communityId) } : {}),
      ...(status === 'resolved' || status === 'closed' ? { resolvedAt: createdAt + DAY } : {}),
    }
    docs.push({ collection: 'tickets', doc: derive(t, now) })
    docs.push({
      collection: 'ticketEvents',
      doc: {
        _id: `be${String(i).padStart(7, '0')}`,
        ticketId: t._id,
        communityId: t.communityId,
        kind: 'created',
        at: createdAt,
        actor: { openid: owner.openid, role: 'resident', name: '压测住户' },
        text: '提交了工单',
        internal: false,
      } as { _id: string },
    })
    if (status === 'new') out.fresh.push({ id: t._id, communityId: t.communityId })
    if (status === 'accepted') out.working.push({ id: t._id, communityId: t.communityId })
    if (i < 5000) out.owned.push({ openid: owner.openid, id: t._id })
  }
  await writeBatched(store, docs)
  return out
}

/** `tick` runs the scheduler as its timer does (no OPENID): each call escalates up to 200 due tickets. */
export function ticketCases(data: BenchDataset, t: TicketData, call: CallFn, tick: () => ReturnType<CallFn>, n = { read: 500, write: 300 }): BenchCase[] {
  const agentOf = (c: string) => data.agents.get(c)!
  const leak = (houseId: string) => ({ type: 'repair', scope: 'home', houseId, category: 'water_electric', description: '卫生间地漏堵塞，积水严重' })
  return [
    {
      name: 'tickets.create',
      n: n.write,
      call: (i) => {
        const o = spread(data.owners, i)
        return call(o.openid, 'tickets', 'create', leak(o.houseId))
      },
    },
    { name: 'tickets.mine', n: n.read, call: (i) => call(spread(t.owned, i).openid, 'tickets', 'mine', {}) },
    {
      name: 'tickets.detail',
      n: n.read,
      call: (i) => {
        const o = spread(t.owned, i)
        return call(o.openid, 'tickets', 'detail', { ticketId: o.id })
      },
    },
    {
      name: 'tickets.inbox',
      n: n.read,
      call: (i) => {
        const c = data.communities[i % data.communities.length]
        return call(agentOf(c.id), 'tickets', 'inbox', { tab: (['new', 'all', 'overdue', 'mine'] as const)[i % 4], offset: (i % 5) * 20 })
      },
    },
    {
      name: 'tickets.dispatch',
      n: Math.min(n.write, t.fresh.length),
      call: (i) => {
        const x = t.fresh[i]
        return call(agentOf(x.communityId), 'tickets', 'dispatch', { ticketId: x.id, assignee: t.handlers.get(x.communityId)! })
      },
    },
    { name: 'scheduler.tick', n: 20, call: () => tick() },
    {
      name: 'tickets.complete',
      n: Math.min(n.write, t.working.length),
      call: (i) => {
        const x = t.working[i]
        return call(t.handlers.get(x.communityId)!, 'tickets', 'complete', { ticketId: x.id, note: '已修复', costItems: [{ name: '配件', amount: 1200 }] })
      },
    },
  ]
}
