import { AppError } from '../../../src/core/shared/errors'
import type { noticesContract } from '../../../src/core/notices/contracts'
import { clockText, isActiveOutage, isOutageCategory, isUrgent, outageAffects, outageLine } from '../../../src/core/notices/rules'
import { NOTICE_CATEGORY_LABELS, type NoticeDoc } from '../../../src/core/notices/types'
import { isOpen, OPEN_STATUSES } from '../../../src/core/tickets/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { newId } from '../../lib/runtime/ids'
import { addEvent } from '../../lib/tickets/events'
import { actorFor } from '../../lib/tickets/actor'
import { resolveTicket } from '../../lib/tickets/resolve'
import { checkedAudience, loadForStaff } from '../../lib/notices/access'
import { deliverInBatches, sendChunk, type Recipient } from '../../lib/notices/send'
import { outageLinks, staffView } from '../../lib/notices/views'
import { madeBefore, remember } from '../../lib/runtime/requests'
import { wake } from '../../lib/runtime/schedule'

const bad = (field: string, message: string) => new AppError('INVALID_INPUT', message, { [field]: message })

export const publish: Handler<typeof noticesContract.publish> = async (ctx, input) => {
  const { communityId, audience, buildings } = await checkedAudience(ctx, input.audience)

  const publishAt = Math.max(input.publishAt ?? ctx.now, ctx.now)
  if (input.expiresAt !== undefined && input.expiresAt <= publishAt) throw bad('expiresAt', '过期时间须晚于发布时间')
  const outageKind = isOutageCategory(input.category)
  if (outageKind && !input.outage) throw bad('outage', '请填写停水/停电的范围、时间和原因')
  if (!outageKind && input.outage) throw bad('outage', '只有停水、停电、停气通知可以填写恢复时间')
  if (input.outage && input.outage.etaAt <= input.outage.startAt) throw bad('outage.etaAt', '预计恢复时间须晚于开始时间')
  if (input.signUp && input.category !== 'event') throw bad('signUp', '只有社区活动可以报名')
  if (input.signUp && input.signUp.deadline <= ctx.now) throw bad('signUp.deadline', '报名截止时间须晚于现在')

  const label = NOTICE_CATEGORY_LABELS[input.category]
  const base = {
    category: input.category,
    outage: input.outage ? { ...input.outage, state: 'active' as const, updates: [] } : undefined,
  }
  const n: NoticeDoc = {
    _id: newId(ctx.now),
    communityId,
    category: input.category,
    title: input.title,
    body: input.body,
    audience,
    buildings,
    pinned: input.pinned,
    publishAt,
    ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
    withdrawn: false,
    urgent: isUrgent(input.category),
    ...(base.outage ? { outage: base.outage } : {}),
    ...(input.signUp ? { signUp: input.signUp } : {}),
    round: 0,
    roundTitle: `【${label}】${input.title}`,
    roundBody: base.outage ? `${outageLine(base, publishAt)}。${input.outage!.cause}` : [...input.body].slice(0, 60).join(''),
    sendPending: true,
    cursor: null,
    recipients: 0,
    createdBy: ctx.openid,
    createdByName: ctx.user?.staff?.name ?? '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  // A second tap after a lost answer returns the notice already published: nobody is told twice.
  const made = await ctx.store.transaction(async (tx) => {
    const prior = await madeBefore(tx, ctx.openid, input.requestId)
    if (prior) return prior
    await tx.c.notices.set(n)
    await wake(tx, 'notices', n.publishAt)
    await remember(tx, ctx.openid, input.requestId, n._id, ctx.now)
    return n._id
  })
  // Small audiences land at once; the scheduler carries on from the cursor for the rest.
  if (made === n._id && publishAt <= ctx.now) await sendChunk(ctx, n._id)
  return staffView((await ctx.store.c.notices.get(made))!, ctx.now)
}

async function followers(ctx: Ctx, noticeId: string) {
  return ctx.store.c.noticeFollows.find({ where: { noticeId }, orderBy: [['_id', 'asc']], limit: 1000 })
}

/** A new round for the same audience: followers hear it first, the send job walks everyone else. */
async function newRound(ctx: Ctx, n: NoticeDoc, patch: Partial<NoticeDoc>, tellFirst: { reporters: Recipient[] }) {
  const next: NoticeDoc = { ...n, ...patch, round: n.round + 1, sendPending: true, cursor: null, updatedAt: ctx.now }
  await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.notices.get(n._id)
    if (!cur || cur.updatedAt !== n.updatedAt) throw new AppError('CONFLICT', '该通知刚被他人更新，请刷新后重试')
    await tx.c.notices.set(next)
    await wake(tx, 'notices', next.publishAt)
  })
  const fs = await followers(ctx, n._id)
  const label = NOTICE_CATEGORY_LABELS[n.category]
  // Reporters of linked tickets hear it through their ticket; they are marked told, never told twice.
  await deliverInBatches(ctx.store, next, tellFirst.reporters, ctx.now, { silent: true })
  await deliverInBatches(
    ctx.store,
    next,
    fs.map((f) => ({ openid: f.openid, building: f.building })),
    ctx.now,
    { title: `您关注的${label}：${next.roundTitle}` },
  )
  await sendChunk(ctx, n._id)
  return { next: (await ctx.store.c.notices.get(n._id))!, followers: fs.length }
}

export const update: Handler<typeof noticesContract.update> = async (ctx, { noticeId, text, etaAt }) => {
  const n = await loadForStaff(ctx, noticeId)
  if (!n.outage || n.outage.state !== 'active') throw new AppError('INVALID_STATE', '只有进行中的停水/停电/停气通知可以更新进展')
  if (etaAt !== undefined && etaAt <= n.outage.startAt) throw bad('etaAt', '预计恢复时间须晚于开始时间')
  const outage = {
    ...n.outage,
    ...(etaAt !== undefined ? { etaAt } : {}),
    updates: [...n.outage.updates, { at: ctx.now, text, ...(etaAt !== undefined ? { etaAt } : {}) }],
  }
  const label = NOTICE_CATEGORY_LABELS[n.category]
  const eta = etaAt !== undefined ? `（预计 ${clockText(etaAt, ctx.now)} 恢复）` : ''
  const { next } = await newRound(ctx, n, { outage, roundTitle: `${label}进展：${n.title}`, roundBody: `${text}${eta}` }, { reporters: [] })
  return staffView(next, ctx.now, await outageLinks(ctx.store, next))
}

/** 已恢复: every linked open ticket is resolved through the tickets' own machinery, then everyone is told. */
export const restore: Handler<typeof noticesContract.restore> = async (ctx, { noticeId, note }) => {
  const n = await loadForStaff(ctx, noticeId)
  if (!n.outage || n.outage.state !== 'active') throw new AppError('INVALID_STATE', '该通知不是进行中的停水/停电/停气')
  const label = NOTICE_CATEGORY_LABELS[n.category]
  const message = note ?? `${n.outage.area}${label}已恢复`
  const linked = await ctx.store.c.tickets.find({ where: { outageId: noticeId, status: { $in: OPEN_STATUSES } }, limit: 1000 })
  let resolved = 0
  const reporters: Recipient[] = []
  for (const t of linked) {
    try {
      await resolveTicket(ctx, t._id, `${message}，工单随之办结`)
      resolved++
      if (!t.reporterOpenid.startsWith('offline:')) reporters.push({ openid: t.reporterOpenid, building: t.building })
    } catch (e) {
      // Paused, or outside a 管理员's zone: left for a person to close.
      console.warn('[notices.restore] ticket not resolved', t._id, e instanceof AppError ? e.code : e)
    }
  }
  const outage = { ...n.outage, state: 'restored' as const, restoredAt: ctx.now, updates: [...n.outage.updates, { at: ctx.now, text: message }] }
  const r = await newRound(ctx, n, { outage, roundTitle: `${label}已恢复：${n.title}`, roundBody: message }, { reporters })
  return { notice: staffView(r.next, ctx.now, await outageLinks(ctx.store, r.next)), resolved, followers: r.followers }
}

export const linkTicket: Handler<typeof noticesContract.linkTicket> = async (ctx, { noticeId, ticketId }) => {
  const n = await loadForStaff(ctx, noticeId)
  if (!isActiveOutage(n, ctx.now)) throw new AppError('INVALID_STATE', '该通知不是进行中的停水/停电/停气')
  await ctx.store.transaction(async (tx) => {
    const t = await tx.c.tickets.get(ticketId)
    if (!t || t.communityId !== n.communityId) throw new AppError('NOT_FOUND', '工单不存在')
    if (!isOpen(t.status)) throw new AppError('INVALID_STATE', '只能关联未办结的工单')
    if (t.type !== 'repair') throw new AppError('INVALID_STATE', '只有报修工单可以关联停水/停电')
    // As for a resident filing during the outage: only a ticket the outage reaches.
    const house = t.houseId ? await tx.c.houses.get(t.houseId) : null
    if (!outageAffects(n, { building: t.building, house })) throw bad('ticketId', '该通知不影响此工单的房屋或楼栋')
    if (t.outageId === noticeId) return
    await tx.c.tickets.update(ticketId, { outageId: noticeId, updatedAt: ctx.now })
    await addEvent(tx, t, 'outage_linked', actorFor(ctx, null), ctx.now, `已关联${NOTICE_CATEGORY_LABELS[n.category]}通知「${n.title}」，恢复后自动办结`)
  })
  return { linked: true }
}
