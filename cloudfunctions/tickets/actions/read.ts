import { EVENTS, transition, type TicketEvent } from '../../../src/core/tickets/machine'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { FOLLOWED_STATUSES, isOpen, type TicketDoc } from '../../../src/core/tickets/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { asOffice, asStaff, loadTicket, rolesOn } from '../../lib/tickets/access'
import { actorFor } from '../../lib/tickets/actor'
import { handlerHasPhone, summary } from '../../lib/tickets/views'
import { nextUrgeAt, urgeRule } from '../../../src/core/tickets/urge'
import { AppError } from '../../../src/core/shared/errors'
import { auditChange } from '../../lib/runtime/audit'
import { inScope } from '../../lib/runtime/scope'

/** What the caller reported from the houses they are bound to now: a removed binding takes its tickets with it. */
export const mine: Handler<typeof ticketsContract.mine> = async (ctx, { offset, limit, open }) => {
  const houses = [...new Set(ctx.houses.map((h) => h.houseId))]
  if (!houses.length) return { items: [], total: 0 }
  const where = {
    reporterOpenid: ctx.openid,
    houseId: houses.length === 1 ? houses[0] : { $in: houses },
    ...(open ? { status: { $in: FOLLOWED_STATUSES } } : {}),
  }
  const coll = ctx.store.c.tickets
  const [items, total] = await Promise.all([coll.find({ where, orderBy: [['createdAt', 'desc']], offset, limit }), coll.count(where)])
  return { items: items.map((t) => summary(t, ctx)), total }
}

/** The resident side of an open ticket (no staff role on it): the one who may 催单, now or later. */
const urgeable = (t: TicketDoc, roles: readonly string[]) => isOpen(t.status) && roles.length > 0 && roles.every((r) => r === 'resident')

/** What the caller may do now: every event the state machine would allow them, plus talking. */
function allowed(ctx: Ctx, t: TicketDoc, roles: readonly string[]): string[] {
  const can: string[] = []
  for (const event of Object.keys(EVENTS) as TicketEvent[]) {
    if (event === 'autoClose') continue
    try {
      transition(t, event, actorFor(ctx, event, t), ctx.now)
      can.push(event)
    } catch {
      // Not for this caller, or not now.
    }
  }
  const active = !['cancelled', 'merged'].includes(t.status)
  if (active) can.push('message')
  if (urgeable(t, roles) && ctx.now >= nextUrgeAt(t)) can.push('urge')
  if (active && asOffice(roles)) can.push('link')
  // 一户一档 is the front office's, for any ticket of a house, closed ones too.
  if (t.houseId && asOffice(roles)) can.push('houseFile')
  return can
}

/** A one-tap call: the full number, only to staff on this ticket, and the look recorded. */
export const callReporter: Handler<typeof ticketsContract.callReporter> = async (ctx, { ticketId }) => {
  const t = await loadTicket(ctx, ticketId)
  if (!asStaff(ctx, t)) throw new AppError('FORBIDDEN', '只有处理该工单的工作人员可以拨打')
  // The front office may call at any time; a handler once he has taken the job.
  if (!asOffice(rolesOn(ctx, t)) && !handlerHasPhone(t, ctx.openid)) throw new AppError('FORBIDDEN', '接单后才能拨打住户电话')
  await ctx.store.transaction((tx) =>
    auditChange(tx, ctx, t.communityId, { kind: 'phone', summary: `拨打 ${t.no} 报事人 ${t.reporter.name}`, before: null, after: { ticketId: t._id } }),
  )
  return { phone: t.reporter.phone }
}

export const detail: Handler<typeof ticketsContract.detail> = async (ctx, { ticketId }) => {
  const t = await loadTicket(ctx, ticketId)
  const roles = rolesOn(ctx, t)
  const staff = roles.some((r) => r !== 'resident') && !(ctx.openid === t.reporterOpenid)
  const [events, linked, feeBill] = await Promise.all([
    ctx.store.c.ticketEvents.find({
      where: { ticketId: t._id },
      orderBy: [
        ['at', 'asc'],
        ['_id', 'asc'],
      ],
      limit: 500,
    }),
    t.links.length ? ctx.store.c.tickets.find({ where: { _id: { $in: t.links } }, limit: 20 }) : Promise.resolve([]),
    t.feeBillId ? ctx.store.c.bills.get(t.feeBillId) : Promise.resolve(null),
  ])
  const visible = staff ? events : events.filter((e) => !e.internal)
  const files = [...t.photos, ...t.afterPhotos, ...visible.flatMap((e) => e.photos ?? [])]
  return {
    ...summary(t, ctx),
    houseId: t.houseId,
    photos: t.photos,
    afterPhotos: t.afterPhotos,
    photoUrls: await ctx.files.urls([...new Set(files)]),
    source: t.source,
    // The front office in scope may open the round it came from; a handler has only the ticket.
    ...(t.origin && inScope(ctx, t) ? { origin: t.origin } : {}),
    sla: { clock: t.sla.clock, respond: t.sla.respond, arrive: t.sla.arrive, resolve: t.sla.resolve },
    cost: t.cost,
    ...(feeBill
      ? { fee: { billId: feeBill._id, amount: feeBill.amount, status: feeBill.status, ...(feeBill.receiptNo ? { receiptNo: feeBill.receiptNo } : {}) } }
      : {}),
    completionNote: t.completionNote,
    reopenCount: t.reopenCount,
    links: linked.map((l) => ({ id: l._id, no: l.no, place: l.place, status: l.status })),
    followers: t.followers.length,
    timeline: visible.map((e) => ({
      id: e._id,
      kind: e.kind,
      at: e.at,
      actorName: e.actor.name,
      actorRole: e.actor.role,
      text: e.text,
      internal: e.internal,
      ...(e.photos ? { photos: e.photos } : {}),
    })),
    can: allowed(ctx, t, roles),
    resolvedAt: t.resolvedAt,
    lastUrgeAt: t.lastUrgeAt,
    ...(urgeable(t, roles) ? { urge: { at: nextUrgeAt(t), rule: urgeRule(t) } } : {}),
  }
}
