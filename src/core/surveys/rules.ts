import { AppError } from '../shared/errors'
import { shanghaiMonth } from '../shared/time'
import type { Status, TicketDoc } from '../tickets/types'
import type { Answer, CallbackPolicy, CallOutcome, SurveyDoc } from './types'

export const HOUR = 3600_000
/** An answer may be changed for 24 hours, then it is fixed. */
export const AMEND_MS = 24 * HOUR
/** Policy `unrated`: call back what is still unrated this long after the survey went out. */
export const UNRATED_CALLBACK_MS = 72 * HOUR
/** A bad outcome's complaint: the 客服主任 calls the resident back within this. */
export const COMPLAINT_CALLBACK_MS = 24 * HOUR
/** Routine callbacks are due within a day of being created. */
export const CALLBACK_DUE_MS = 24 * HOUR
export const MAX_FAILED_CALLS = 3

/** A ticket is surveyed once per round; reopening and closing again opens round 2. */
export const roundOf = (t: Pick<TicketDoc, 'reopenCount'>) => t.reopenCount + 1
export const surveyId = (ticketId: string, round: number) => `${ticketId}_${round}`

/** Only jobs that ended done are surveyed: confirmed or auto-closed, never cancelled or merged. */
export const isSurveyable = (t: Pick<TicketDoc, 'status' | 'mergedInto'>) => t.status === ('closed' satisfies Status) && !t.mergedInto

/** A new survey round for a finished ticket: what it was, who did it, where — kept on the survey for the figures. */
export function newSurvey(t: TicketDoc, sentAt: number, checkAt: number | null): SurveyDoc {
  return {
    _id: surveyId(t._id, roundOf(t)),
    ticketId: t._id,
    round: roundOf(t),
    communityId: t.communityId,
    ticketNo: t.no,
    type: t.type,
    category: t.category,
    ...(t.department ? { department: t.department } : {}),
    ...(t.assignee ? { handler: t.assignee, handlerName: t.assigneeName } : {}),
    building: t.building,
    place: t.place,
    residentOpenid: t.reporterOpenid,
    month: monthOf(sentAt),
    sentAt,
    state: 'open',
    checkAt,
    updatedAt: sentAt,
  }
}

export const monthOf = shanghaiMonth

/** overall ≤ 2 or 未解决: the bad outcome that opens a complaint held by the 客服主任. */
export const isBad = (a: Pick<Answer, 'overall' | 'resolved'>) => a.overall <= 2 || !a.resolved
export const isSatisfied = (a: Pick<Answer, 'overall'>) => a.overall >= 4

/** Within 24 h of the first answer the resident may change it; a recorded callback is fixed. */
export function canAmend(s: Pick<SurveyDoc, 'answer' | 'state'>, now: number) {
  if (!s.answer) return s.state === 'open'
  return s.answer.source === 'app' && now < s.answer.firstAt + AMEND_MS
}

export function assertCanAnswer(s: Pick<SurveyDoc, 'answer' | 'state'>, now: number) {
  if (s.state === 'missed') throw new AppError('INVALID_STATE', '该评价已关闭')
  if (s.answer?.source === 'callback') throw new AppError('INVALID_STATE', '客服已回访记录评价')
  if (!canAmend(s, now)) throw new AppError('INVALID_STATE', '评价已超过 24 小时，不能再修改')
}

/**
 * When a survey goes out: under `always` a callback task is made at once; under `unrated` the
 * scheduler looks again after 72 h; under `never` there is nothing to watch.
 */
export function callbackPlan(policy: CallbackPolicy, sentAt: number): { now: boolean; checkAt: number | null } {
  if (policy === 'always') return { now: true, checkAt: null }
  if (policy === 'unrated') return { now: false, checkAt: sentAt + UNRATED_CALLBACK_MS }
  return { now: false, checkAt: null }
}

/** At the 72 h check: call back only if nothing was answered. */
export const needsCallback = (s: Pick<SurveyDoc, 'state' | 'answer' | 'callbackId'>) => s.state === 'open' && !s.answer && !s.callbackId

/**
 * A recorded call counts as the rating: 满意 is a 5 unless the agent heard another score,
 * 不满意 a 2 (so it climbs the ladder), 接通 needs the score the resident gave. 未接通 is no answer.
 */
export function answerFromCall(outcome: CallOutcome, heard: { overall?: number; resolved?: boolean }, now: number): Omit<Answer, 'firstAt'> | null {
  if (outcome === 'unreached') return null
  const overall = heard.overall ?? (outcome === 'satisfied' ? 5 : outcome === 'dissatisfied' ? 2 : undefined)
  if (overall === undefined) throw new AppError('INVALID_INPUT', '接通后请记录住户的评分', { overall: '请记录住户的评分' })
  return { overall, resolved: heard.resolved ?? outcome !== 'dissatisfied', tags: [], photos: [], source: 'callback', at: now }
}

/** 3 failed attempts close the task as 未回访. */
export const failedCalls = (attempts: { outcome: CallOutcome }[]) => attempts.filter((a) => a.outcome === 'unreached').length
