import { AppError } from '../../../src/core/shared/errors'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { transition } from '../../../src/core/tickets/machine'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { assertStaffOn } from '../../lib/tickets/access'
import { actorFor } from '../../lib/tickets/actor'
import { derive } from '../../../src/core/tickets/escalation'
import { addEvent } from '../../lib/tickets/events'
import { tellResidents } from '../../lib/tickets/tell'
import { summary } from '../../lib/tickets/views'

async function pair(ctx: Ctx, tx: Parameters<Parameters<Ctx['store']['transaction']>[0]>[0], a: string, b: string) {
  if (a === b) throw new AppError('INVALID_INPUT', '不能关联同一个工单')
  const [x, y] = await Promise.all([tx.c.tickets.get(a), tx.c.tickets.get(b)])
  if (!x || !y) throw new AppError('NOT_FOUND', '工单不存在')
  assertStaffOn(ctx, x)
  assertStaffOn(ctx, y)
  if (x.communityId !== y.communityId) throw new AppError('INVALID_INPUT', '只能关联同一小区的工单')
  return [x, y] as const
}

/** Two households, one cause: each ticket shows the other. */
export const link: Handler<typeof ticketsContract.link> = async (ctx, { ticketId, otherId }) => {
  const t = await ctx.store.transaction(async (tx) => {
    const [x, y] = await pair(ctx, tx, ticketId, otherId)
    const actor = actorFor(ctx, 'dispatch', x)
    const nx = { ...x, links: [...new Set([...x.links, y._id])], updatedAt: ctx.now }
    await tx.c.tickets.set(nx)
    await tx.c.tickets.set({ ...y, links: [...new Set([...y.links, x._id])], updatedAt: ctx.now })
    await addEvent(tx, x, 'linked', actor, ctx.now, `关联工单 ${y.no}（${y.place}）`)
    await addEvent(tx, y, 'linked', actor, ctx.now, `关联工单 ${x.no}（${x.place}）`)
    return nx
  })
  return summary(t, ctx)
}

/**
 * A duplicate joins its master: the duplicate ends as merged, its reporter (and followers)
 * follow the master and hear of every step from now on.
 */
export const merge: Handler<typeof ticketsContract.merge> = async (ctx, { ticketId, masterId }) => {
  const t = await ctx.store.transaction(async (tx) => {
    const [dup, master] = await pair(ctx, tx, ticketId, masterId)
    if (master.status === 'merged' || master.status === 'cancelled') throw new AppError('INVALID_STATE', '主工单已关闭，不能合并到它')
    const actor = actorFor(ctx, 'merge', dup)
    const status = transition(dup, 'merge', actor, ctx.now)
    const merged: TicketDoc = derive({ ...dup, status, mergedInto: master._id, mergedIntoNo: master.no, closedAt: ctx.now, updatedAt: ctx.now }, ctx.now)
    const followers = [...new Set([...master.followers, dup.reporterOpenid, ...dup.followers])].filter((o) => o !== master.reporterOpenid)
    const nextMaster = derive({ ...master, followers, links: [...new Set([...master.links, dup._id])], updatedAt: ctx.now }, ctx.now)
    await tx.c.tickets.set(merged)
    await tx.c.tickets.set(nextMaster)
    await addEvent(tx, merged, 'merged', actor, ctx.now, `与 ${master.no} 为同一问题，合并处理`)
    await addEvent(tx, master, 'merged_in', actor, ctx.now, `合并了 ${dup.no}（${dup.reporter.name}）`)
    await tellResidents(tx, merged, ctx.now, '工单已合并处理', `您反映的问题与 ${master.no} 相同，已合并处理，后续进度会同步通知您`)
    return merged
  })
  return summary(t, ctx)
}

export const savedReplies: Handler<typeof ticketsContract.savedReplies> = async (ctx) => {
  const rows = await ctx.store.c.savedReplies.find({ where: { communityId: ctx.user!.staff!.communityId }, orderBy: [['order', 'asc']], limit: 50 })
  return rows.map((r) => ({ id: r._id, title: r.title, text: r.text }))
}
