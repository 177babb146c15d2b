import { AppError } from '../../../src/core/shared/errors'
import type { surveysContract } from '../../../src/core/surveys/contracts'
import { answerFromCall, failedCalls, isBad, MAX_FAILED_CALLS } from '../../../src/core/surveys/rules'
import { CALL_OUTCOME_LABELS, type CallbackDoc } from '../../../src/core/surveys/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { communityOf } from '../../lib/runtime/scope'
import type { Tx } from '../../lib/ports/store'
import { actorFor } from '../../lib/tickets/actor'
import { addEvent } from '../../lib/tickets/events'
import { openComplaint } from '../../lib/surveys/ladder'
import { callbackView } from '../../lib/surveys/views'

/** Callbacks are the 客服's and the 客服主任's, community-wide (the contract admits no one else). */

export const callbacks: Handler<typeof surveysContract.callbacks> = async (ctx, { state }) => {
  const communityId = communityOf(ctx)
  const coll = ctx.store.c.callbacks
  const [items, open] = await Promise.all([
    state === 'open'
      ? coll.find({ where: { communityId, state }, orderBy: [['dueAt', 'asc']], limit: 50 })
      : coll.find({ where: { communityId, state }, orderBy: [['updatedAt', 'desc']], limit: 50 }),
    coll.count({ communityId, state: 'open' }),
  ])
  return { items: items.map((c) => callbackView(c, ctx)), counts: { open } }
}

async function openTask(tx: Tx, ctx: Ctx, taskId: string) {
  const c = await tx.c.callbacks.get(taskId)
  if (!c) throw new AppError('NOT_FOUND', '回访任务不存在')
  if (c.communityId !== communityOf(ctx)) throw new AppError('FORBIDDEN', '无权处理其他小区的事务')
  if (c.state !== 'open') throw new AppError('INVALID_STATE', '该回访任务已结束')
  return c
}

/** The number is shown only now, and the start is on record: who looked at whose phone, and when. */
export const startCall: Handler<typeof surveysContract.startCall> = async (ctx, { taskId }) => {
  const c = await ctx.store.transaction(async (tx) => {
    const c0 = await openTask(tx, ctx, taskId)
    const next: CallbackDoc = { ...c0, startedAt: ctx.now, startedBy: ctx.openid, updatedAt: ctx.now }
    await tx.c.callbacks.set(next)
    return next
  })
  return callbackView(c, ctx)
}

/**
 * One call's outcome. 未接通 three times closes the task as 未回访; a reached call closes it and,
 * on a routine task with no answer yet, counts as the rating (a bad one climbs the ladder).
 */
export const recordCall: Handler<typeof surveysContract.recordCall> = async (ctx, { taskId, outcome, note, overall, resolved }) => {
  const heard = answerFromCall(outcome, { overall, resolved }, ctx.now)
  const out = await ctx.store.transaction(async (tx) => {
    const c = await openTask(tx, ctx, taskId)
    if (c.startedBy !== ctx.openid) throw new AppError('INVALID_STATE', '请先点击“拨打电话”开始回访')
    const actor = actorFor(ctx, null)
    const attempts = [...c.attempts, { at: ctx.now, by: ctx.openid, byName: actor.name, outcome, note }]
    const missed = !heard && failedCalls(attempts) >= MAX_FAILED_CALLS
    const next: CallbackDoc = {
      ...c,
      attempts,
      state: heard ? 'done' : missed ? 'missed' : 'open',
      startedBy: undefined,
      startedAt: undefined,
      updatedAt: ctx.now,
    }
    await tx.c.callbacks.set(next)
    const t = await tx.c.tickets.get(c.ticketId)
    const words = heard
      ? `回访${CALL_OUTCOME_LABELS[outcome]}（${heard.overall} 星${heard.resolved ? '' : '，未解决'}）：${note}`
      : `回访未接通（第 ${failedCalls(attempts)} 次）${missed ? '，已关闭为未回访' : ''}：${note}`
    if (t) await addEvent(tx, t, 'callback', actor, ctx.now, words, { internal: true, data: { outcome, taskId } })
    let escalate = false
    const s = await tx.c.surveys.get(c.surveyId)
    if (s && c.kind === 'routine' && (heard || missed)) {
      const answer = heard && !s.answer ? { ...heard, firstAt: ctx.now } : s.answer
      escalate = Boolean(heard && !s.answer && isBad(heard) && !s.complaintId)
      await tx.c.surveys.set({
        ...s,
        ...(answer ? { answer } : {}),
        state: answer ? 'rated' : 'missed',
        callbackReached: Boolean(heard),
        checkAt: null,
        ...(escalate ? { complaintId: 'pending' } : {}),
        updatedAt: ctx.now,
      })
    }
    return { next, escalate, answer: heard }
  })
  if (out.escalate && out.answer) await openComplaint(ctx, out.next.surveyId, out.answer)
  return callbackView(out.next, ctx)
}
