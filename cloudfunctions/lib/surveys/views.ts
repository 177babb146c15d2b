import { maskPhone } from '../../../src/core/shared/phone'
import { AMEND_MS, canAmend, failedCalls } from '../../../src/core/surveys/rules'
import type { CallbackDoc, SurveyDoc } from '../../../src/core/surveys/types'
import type { Ctx } from '../runtime/context'
import { inScope } from '../runtime/scope'

/** A survey as the ticket page shows it: the resident may answer within the window; staff may reply. */
export async function surveyView(ctx: Ctx, s: SurveyDoc, complaint?: { id: string; no: string }) {
  const resident = ctx.openid === s.residentOpenid
  const staff = inScope(ctx, s)
  const files = s.answer?.photos ?? []
  return {
    id: s._id,
    ticketId: s.ticketId,
    round: s.round,
    type: s.type,
    state: s.state,
    sentAt: s.sentAt,
    ...(s.answer ? { answer: { ...s.answer, firstAt: undefined } } : {}),
    ...(s.answer?.source === 'app' ? { amendUntil: s.answer.firstAt + AMEND_MS } : {}),
    canAnswer: resident && s.state !== 'missed' && canAmend(s, ctx.now),
    canReply: staff && Boolean(s.answer),
    ...(s.reply ? { reply: { text: s.reply.text, byName: s.reply.byName, at: s.reply.at } } : {}),
    ...(complaint ? { complaint } : {}),
    photoUrls: files.length ? await ctx.files.urls(files) : {},
  }
}

/** A callback task: the number stays masked except for the agent who started the call. */
export function callbackView(c: CallbackDoc, ctx: Pick<Ctx, 'openid'>) {
  return {
    id: c._id,
    kind: c.kind,
    ticketId: c.ticketId,
    ticketNo: c.ticketNo,
    place: c.place,
    residentName: c.residentName,
    phone: c.startedBy === ctx.openid && c.state === 'open' ? c.phone : maskPhone(c.phone),
    state: c.state,
    dueAt: c.dueAt,
    assigneeName: c.assigneeName,
    failed: failedCalls(c.attempts),
    attempts: c.attempts.map((a) => ({ at: a.at, byName: a.byName, outcome: a.outcome, note: a.note })),
    createdAt: c.createdAt,
  }
}
