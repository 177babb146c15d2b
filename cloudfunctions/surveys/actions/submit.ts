import { AppError } from '../../../src/core/shared/errors'
import type { surveysContract } from '../../../src/core/surveys/contracts'
import { assertCanAnswer, isBad, roundOf, surveyId } from '../../../src/core/surveys/rules'
import type { Answer, SurveyDoc } from '../../../src/core/surveys/types'
import type { Handler } from '../../lib/runtime/handler'
import { hasRole } from '../../lib/runtime/context'
import { assertInScope } from '../../lib/runtime/scope'
import { residentOf } from '../../lib/tickets/resident'
import { actorFor } from '../../lib/tickets/actor'
import { addEvent } from '../../lib/tickets/events'
import { tellResidents } from '../../lib/tickets/tell'
import { openComplaint } from '../../lib/surveys/ladder'
import { surveyView } from '../../lib/surveys/views'
import { requireOwnUploads } from '../../lib/files/uploads'
import { wake } from '../../lib/runtime/schedule'
import { COMPLAINT_GRACE_MS } from '../../lib/surveys/jobs'

const stars = (a: Pick<Answer, 'overall'>) => `${a.overall} 星`

/**
 * The resident's answer. The survey document's id is `<ticketId>_<round>` and the answer is
 * written in a transaction on it, so two taps at once record one answer (the second is an
 * amendment of the first, or is refused). A bad outcome opens the complaint once per round.
 */
export const submit: Handler<typeof surveysContract.submit> = async (ctx, input) => {
  const t = await ctx.store.c.tickets.get(input.ticketId)
  // Only the person who reported the job rates it, while still living there; anyone else learns nothing about it.
  if (!t || t.reporterOpenid !== ctx.openid || !residentOf(ctx, t)) throw new AppError('NOT_FOUND', '工单不存在')
  await requireOwnUploads(ctx, ctx.openid, input.photos)
  const repair = t.type === 'repair'
  if (repair && (input.speed === undefined || input.attitude === undefined)) {
    const fields: Record<string, string> = {}
    if (input.speed === undefined) fields.speed = '请为上门速度打分'
    if (input.attitude === undefined) fields.attitude = '请为服务态度打分'
    throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields)
  }
  const id = surveyId(t._id, roundOf(t))
  const result = await ctx.store.transaction(async (tx) => {
    const s = await tx.c.surveys.get(id)
    if (!s) throw new AppError('INVALID_STATE', '工单完成后才能评价')
    assertCanAnswer(s, ctx.now)
    const answer: Answer = {
      overall: input.overall,
      ...(repair ? { speed: input.speed, attitude: input.attitude } : {}),
      resolved: input.resolved,
      tags: [...new Set(input.tags)],
      ...(input.comment ? { comment: input.comment } : {}),
      photos: input.photos,
      source: 'app',
      at: ctx.now,
      firstAt: s.answer?.firstAt ?? ctx.now,
    }
    const escalate = isBad(answer) && !s.complaintId
    const next: SurveyDoc = { ...s, state: 'rated', answer, checkAt: null, ...(escalate ? { complaintId: 'pending' } : {}), updatedAt: ctx.now }
    await tx.c.surveys.set(next)
    // Should this request die before the complaint is open, the scheduler finishes it.
    if (escalate) await wake(tx, 'complaints', ctx.now + COMPLAINT_GRACE_MS)
    const words = `${stars(answer)}${answer.resolved ? '' : '，问题未解决'}${answer.tags.length ? `，${answer.tags.join('、')}` : ''}${answer.comment ? `：${answer.comment}` : ''}`
    await addEvent(tx, t, s.answer ? 'rating_amended' : 'rated', actorFor(ctx, null), ctx.now, `${s.answer ? '修改评价' : '住户评价'}：${words}`, {
      photos: answer.photos,
    })
    return { next, escalate }
  })
  if (result.escalate) {
    const complaintId = await openComplaint(ctx, id, result.next.answer!)
    if (complaintId) result.next = { ...result.next, complaintId }
  }
  const c = result.next.complaintId && result.next.complaintId !== 'pending' ? await ctx.store.c.tickets.get(result.next.complaintId) : null
  return surveyView(ctx, result.next, c ? { id: c._id, no: c.no } : undefined)
}

/** A staff reply to a rating: on the survey, in the ticket's timeline and in the resident's messages. */
export const reply: Handler<typeof surveysContract.reply> = async (ctx, { surveyId: id, text }) => {
  const next = await ctx.store.transaction(async (tx) => {
    const s = await tx.c.surveys.get(id)
    if (!s) throw new AppError('NOT_FOUND', '评价不存在')
    if (!hasRole(ctx, 'agent', 'manager', 'supervisor')) throw new AppError('FORBIDDEN', '您没有权限回复评价')
    assertInScope(ctx, s)
    if (!s.answer) throw new AppError('INVALID_STATE', '住户还没有评价')
    const t = (await tx.c.tickets.get(s.ticketId))!
    const name = ctx.user?.staff?.name ?? '客服'
    const n: SurveyDoc = { ...s, reply: { text, by: ctx.openid, byName: name, at: ctx.now }, updatedAt: ctx.now }
    await tx.c.surveys.set(n)
    await addEvent(tx, t, 'rating_reply', actorFor(ctx, null), ctx.now, `回复评价：${text}`)
    await tellResidents(tx, t, ctx.now, '物业回复了您的评价', text)
    return n
  })
  return surveyView(ctx, next)
}
