import { AppError } from '../../../src/core/shared/errors'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { meet } from '../../../src/core/tickets/sla'
import { URGED_RANK, urgeOpensAt, urgeTooEarly } from '../../../src/core/tickets/urge'
import { isOpen, type TicketDoc } from '../../../src/core/tickets/types'
import type { UserDoc } from '../../../src/core/account/types'
import type { Handler } from '../../lib/runtime/handler'
import { asStaff, assertCanSee } from '../../lib/tickets/access'
import { ownsTicket } from '../../lib/tickets/resident'
import { actorFor } from '../../lib/tickets/actor'
import { derive } from '../../../src/core/tickets/escalation'
import { addEvent } from '../../lib/tickets/events'
import { rulesFor } from '../../lib/tickets/policy'
import { communityStaff, tellResidents, tellStaff } from '../../lib/tickets/tell'
import { summary } from '../../lib/tickets/views'
import { requireOwnUploads } from '../../lib/files/uploads'

/**
 * The thread. A staff reply to the resident is also the first response the SLA waits for;
 * an internal note is not, and the resident never sees it.
 */
export const message: Handler<typeof ticketsContract.message> = async (ctx, { ticketId, text, internal, photos }) => {
  await requireOwnUploads(ctx, ctx.openid, photos)
  const e = await ctx.store.transaction(async (tx) => {
    const t = await tx.c.tickets.get(ticketId)
    if (!t) throw new AppError('NOT_FOUND', '工单不存在')
    assertCanSee(ctx, t)
    const fromStaff = asStaff(ctx, t)
    if (internal && !fromStaff) throw new AppError('FORBIDDEN', '住户不能添加内部备注')
    if (t.status === 'cancelled' || t.status === 'merged') throw new AppError('INVALID_STATE', '该工单已关闭，不能再留言')
    const actor = actorFor(ctx, null, t)
    const residentSide = ctx.openid === t.reporterOpenid || t.followers.includes(ctx.openid)
    const staffReply = fromStaff && !residentSide && !internal
    if (staffReply && t.respondedAt === undefined) {
      await tx.c.tickets.set(
        derive({ ...t, respondedAt: ctx.now, owner: t.owner ?? ctx.openid, sla: meet(t.sla, 'respond', ctx.now), updatedAt: ctx.now }, ctx.now),
      )
    }
    const event = await addEvent(tx, t, internal ? 'note' : 'reply', residentSide ? { ...actor, role: 'resident' } : actor, ctx.now, text, {
      internal: Boolean(internal),
      photos,
    })
    if (staffReply) await tellResidents(tx, t, ctx.now, '客服回复了您的工单', text)
    if (residentSide) {
      const holder = t.assignee ?? t.owner
      if (holder) await tellStaff(tx, t, ctx.now, [holder], '住户留言', text, 'ticketAlert', '留言')
    }
    return event
  })
  return {
    id: e._id,
    kind: e.kind,
    at: e.at,
    actorName: e.actor.name,
    actorRole: e.actor.role,
    text: e.text,
    internal: e.internal,
    ...(e.photos ? { photos: e.photos } : {}),
  }
}

/** 催单: recorded, throttled, and sent to whoever holds the ticket (the agents while nobody does). */
export const urge: Handler<typeof ticketsContract.urge> = async (ctx, { ticketId }) => {
  const pre = await ctx.store.c.tickets.get(ticketId)
  if (!pre) throw new AppError('NOT_FOUND', '工单不存在')
  const [rules, staff] = await Promise.all([rulesFor(ctx.store, pre.communityId), communityStaff(ctx.store, pre.communityId)])
  const t = await ctx.store.transaction(async (tx) => {
    const t = await tx.c.tickets.get(ticketId)
    if (!t) throw new AppError('NOT_FOUND', '工单不存在')
    if (!ownsTicket(ctx, t)) throw new AppError('NOT_FOUND', '工单不存在')
    if (!isOpen(t.status)) throw new AppError('INVALID_STATE', '工单已处理完毕，无需催单')
    const early = urgeTooEarly(t, ctx.now)
    if (early) throw new AppError('RATE_LIMITED', early)
    const next: TicketDoc = {
      ...t,
      lastUrgeAt: ctx.now,
      urgeAt: urgeOpensAt(ctx.now, rules.urgeMinutes),
      urgeCount: t.urgeCount + 1,
      rank: Math.min(t.rank, URGED_RANK) as TicketDoc['rank'],
      updatedAt: ctx.now,
    }
    await tx.c.tickets.set(next)
    await addEvent(tx, t, 'urged', { ...actorFor(ctx, null, t), role: 'resident' }, ctx.now, `住户催单（第 ${next.urgeCount} 次）`)
    const holders = t.assignee ? [t.assignee] : t.owner ? [t.owner] : staff.filter((u: UserDoc) => u.staff?.roles.includes('agent')).map((u) => u._id)
    await tellStaff(tx, t, ctx.now, holders, '住户催单', `${t.place}：${t.description.slice(0, 30)}`, 'ticketAlert', '催单')
    return next
  })
  return summary(t, ctx)
}
