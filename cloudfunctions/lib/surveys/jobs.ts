import type { Ctx } from '../runtime/context'
import { SYSTEM_OPENID } from '../runtime/context'
import { openComplaint } from './ladder'
import { nextSendTime } from '../../../src/core/shared/quiet-hours'
import { formatTime } from '../../../src/core/shared/time'
import { CALLBACK_DUE_MS, callbackPlan, isSurveyable, needsCallback, newSurvey, roundOf, surveyId } from '../../../src/core/surveys/rules'
import type { CallbackDoc, SurveyDoc } from '../../../src/core/surveys/types'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Tx } from '../ports/store'
import type { Deps } from '../runtime/deps'
import { notify } from '../outbox/notify'
import { callbackPolicyOf } from './policy'
import { pageUrl } from '../../../src/core/shared/pages'
import { moreIfFull, splitDue } from '../runtime/schedule'

function routineTask(t: TicketDoc, s: SurveyDoc, now: number): CallbackDoc {
  return {
    _id: s._id,
    kind: 'routine',
    surveyId: s._id,
    ticketId: t._id,
    ticketNo: t.no,
    communityId: t.communityId,
    place: t.place,
    residentName: t.reporter.name,
    phone: t.reporter.phone,
    state: 'open',
    dueAt: now + CALLBACK_DUE_MS,
    attempts: [],
    createdAt: now,
    updatedAt: now,
  }
}

async function addTask(tx: Tx, t: TicketDoc, s: SurveyDoc, now: number) {
  await tx.c.callbacks.set(routineTask(t, s, now))
  return { ...s, callbackId: s._id }
}

/**
 * Done work → a survey. Tickets are found by their indexed `surveyState: 'due'` (set where a
 * ticket closes), each in its own transaction: the survey, the ticket's mark, the resident's
 * message (in-app always, a push when they have quota) and, under policy `always`, the callback task.
 */
export async function sendSurveys(deps: Deps, batch = 200) {
  const now = deps.clock.now()
  const due = await deps.store.c.tickets.find({ where: { surveyState: 'due' }, limit: batch })
  const tally = { surveys: 0, callbacks: 0 }
  const policies = new Map<string, Awaited<ReturnType<typeof callbackPolicyOf>>>()
  for (const pre of due) {
    if (!policies.has(pre.communityId)) policies.set(pre.communityId, await callbackPolicyOf(deps.store, pre.communityId))
    const plan = callbackPlan(policies.get(pre.communityId)!, now)
    await deps.store.transaction(async (tx) => {
      const t = await tx.c.tickets.get(pre._id)
      if (!t || t.surveyState !== 'due') return
      const s = await surveyTicket(tx, t, now, plan)
      if (s) tally.surveys++
      if (s?.callbackId) tally.callbacks++
    })
  }
  return { ...tally, nextAt: moreIfFull(due, batch, now) }
}

/**
 * Done work's survey for this round, inside the caller's transaction: the survey, its callback
 * task when the policy says now, the ticket's mark, and the resident's message (in-app always, a
 * push when they have quota). The scheduler does this for work that closed by itself; a resident
 * who confirms gets it at once, to rate on the same screen. Null when there is nothing to ask.
 */
export async function surveyTicket(
  tx: Tx,
  t: TicketDoc,
  now: number,
  plan: ReturnType<typeof callbackPlan>,
  /** The resident is on the ticket's page (he has just confirmed): the message is filed read, and no push follows him. */
  onScreen = false,
): Promise<SurveyDoc | null> {
  // Reopened before we got to it, or already surveyed this round: just clear the mark.
  if (!isSurveyable(t) || (await tx.c.surveys.get(surveyId(t._id, roundOf(t))))) {
    await tx.c.tickets.update(t._id, { surveyState: isSurveyable(t) ? 'sent' : undefined })
    return null
  }
  let s = newSurvey(t, now, plan.checkAt)
  if (plan.now) s = await addTask(tx, t, s, now)
  await tx.c.surveys.set(s)
  await tx.c.tickets.update(t._id, { surveyState: 'sent' })
  if (!t.reporterOpenid.startsWith('offline:')) {
    await notify(tx, now, {
      openid: t.reporterOpenid,
      title: '请为本次服务评价',
      body: `${t.no} 已完成（${formatTime(t.closedAt ?? now)}），请花半分钟为${t.assigneeName ? `${t.assigneeName}师傅` : '我们'}的服务打分`,
      page: pageUrl('ticket', { id: t._id }),
      ...(onScreen
        ? { read: true }
        : // Work auto-closes around the clock: the in-app message lands at once, the push waits out quiet hours.
          { push: { templateKey: 'ticketSurvey', data: { no: t.no, note: '请为本次服务评价' }, notBefore: nextSendTime(now) } }),
    })
  }
  return s
}

/** Policy `unrated`: 72 h after the survey, what is still unanswered goes to the agents' callback list. */
export async function callbackChecks(deps: Deps, batch = 200) {
  const now = deps.clock.now()
  const page = await deps.store.c.surveys.find({ where: { checkAt: { $ne: null } }, orderBy: [['checkAt', 'asc']], limit: batch })
  const { due, nextAt } = splitDue(page, (s) => s.checkAt!, now, batch)
  const tally = { callbacks: 0 }
  for (const pre of due) {
    await deps.store.transaction(async (tx) => {
      const s = await tx.c.surveys.get(pre._id)
      if (!s || s.checkAt === null || s.checkAt > now) return
      let next: SurveyDoc = { ...s, checkAt: null, updatedAt: now }
      const t = await tx.c.tickets.get(s.ticketId)
      if (t && needsCallback(s)) {
        next = await addTask(tx, t, next, now)
        tally.callbacks++
      }
      await tx.c.surveys.set(next)
    })
  }
  return { ...tally, nextAt }
}

/** A live request finishes its own complaint within this; only then does the scheduler step in. */
export const COMPLAINT_GRACE_MS = 60_000

/**
 * Bad outcomes whose complaint was claimed but never finished (the process died between the
 * rating and the complaint): open it now. A minute's grace leaves a live request to finish first.
 */
export async function finishComplaints(deps: Deps, batch = 50) {
  const now = deps.clock.now()
  const page = await deps.store.c.surveys.find({ where: { complaintId: 'pending' }, orderBy: [['updatedAt', 'asc']], limit: batch })
  const { due: stuck, nextAt } = splitDue(page, (s) => s.updatedAt + COMPLAINT_GRACE_MS, now, batch)
  const ctx: Ctx = { ...deps, now, openid: SYSTEM_OPENID, user: null, callers: ['system'], houses: [] }
  let opened = 0
  for (const s of stuck) if (s.answer && (await openComplaint(ctx, s._id, s.answer))) opened++
  return { opened, nextAt }
}
