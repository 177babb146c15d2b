import { OFFICE_ROLES } from '../access/scope'
import * as z from '../shared/zod'
import { action, Id, Photos, text } from '../shared/contract'
import { TICKET_TYPES } from '../tickets/types'
import { FIGURE_DIMENSIONS } from './figures'
import { CALL_OUTCOMES, CALLBACK_DESK, CALLBACK_STATES, SURVEY_STATES, SURVEY_TAGS } from './types'

const Score = (msg: string) => z.number(msg).check(z.int(msg), z.minimum(1, msg), z.maximum(5, msg))

/** What the resident fills in: the stars, 问题是否解决, tags, a comment and photos. */
export const SubmitSurvey = z.strictObject({
  ticketId: Id,
  overall: Score('请为本次服务打分'),
  /** Repairs only: 上门速度 and 服务态度. */
  speed: z.optional(Score('请为上门速度打分')),
  attitude: z.optional(Score('请为服务态度打分')),
  resolved: z.boolean('请选择问题是否解决'),
  tags: z._default(z.array(z.enum(SURVEY_TAGS)).check(z.maxLength(8)), []),
  comment: z.optional(text(0, 200, '', '评价最多 200 个字')),
  photos: Photos(3),
})

const AnswerView = z.object({
  overall: z.number(),
  speed: z.optional(z.number()),
  attitude: z.optional(z.number()),
  resolved: z.boolean(),
  tags: z.array(z.string()),
  comment: z.optional(z.string()),
  photos: z.array(z.string()),
  source: z.enum(['app', 'callback']),
  at: z.number(),
})

export const SurveyView = z.object({
  id: z.string(),
  ticketId: z.string(),
  round: z.number(),
  type: z.enum(TICKET_TYPES),
  state: z.enum(SURVEY_STATES),
  sentAt: z.number(),
  answer: z.optional(AnswerView),
  /** Until when the resident may still change the answer. */
  amendUntil: z.optional(z.number()),
  canAnswer: z.boolean(),
  canReply: z.boolean(),
  reply: z.optional(z.object({ text: z.string(), byName: z.string(), at: z.number() })),
  complaint: z.optional(z.object({ id: z.string(), no: z.string() })),
  photoUrls: z.record(z.string(), z.string()),
})

export const CallbackView = z.object({
  id: z.string(),
  kind: z.enum(['routine', 'complaint']),
  ticketId: z.string(),
  ticketNo: z.string(),
  place: z.string(),
  residentName: z.string(),
  /** Masked until the caller starts the call. */
  phone: z.string(),
  state: z.enum(CALLBACK_STATES),
  dueAt: z.number(),
  assigneeName: z.optional(z.string()),
  failed: z.number(),
  attempts: z.array(z.object({ at: z.number(), byName: z.string(), outcome: z.enum(CALL_OUTCOMES), note: z.string() })),
  createdAt: z.number(),
})

const Figures = z.object({
  key: z.string(),
  label: z.string(),
  surveyed: z.number(),
  answered: z.number(),
  responseRate: z.nullable(z.number()),
  averageScore: z.nullable(z.number()),
  satisfiedShare: z.nullable(z.number()),
  resolvedShare: z.nullable(z.number()),
  callbackCoverage: z.nullable(z.number()),
  callbacks: z.number(),
})

const STAFF = ['agent', 'handler', 'manager', 'supervisor'] as const

export const surveysContract = {
  forTicket: action({
    summary:
      "A ticket's latest survey round: the answer, the staff reply, the complaint it opened, and whether the caller may answer or reply. null before the job is done.",
    callers: ['signedIn', ...STAFF],
    input: z.strictObject({ ticketId: Id }),
    output: z.nullable(SurveyView),
  }),
  submit: action({
    summary:
      'Resident rates a finished job (one answer per round; amendable for 24 h). A score ≤ 2 or 未解决 opens a complaint held by the 客服主任 with a 24 h callback.',
    callers: ['signedIn'],
    input: SubmitSurvey,
    output: SurveyView,
  }),
  reply: action({
    summary: 'Staff reply to a rating; the resident sees it on the ticket.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ surveyId: Id, text: text(2, 200, '请填写回复', '回复最多 200 个字') }),
    output: SurveyView,
  }),
  callbacks: action({
    summary: 'Callback tasks (回访) for agents: open ones by due time, or done ones newest first. Phones masked.',
    callers: CALLBACK_DESK,
    input: z.strictObject({ state: z._default(z.enum(CALLBACK_STATES), 'open') }),
    output: z.object({ items: z.array(CallbackView), counts: z.object({ open: z.number() }) }),
  }),
  startCall: action({
    summary: "Start a callback: records who called and when, and returns the resident's full number.",
    callers: CALLBACK_DESK,
    input: z.strictObject({ taskId: Id }),
    output: CallbackView,
  }),
  recordCall: action({
    summary: 'Record a call (接通/未接通/满意/不满意 and a note). A reached call counts as the rating; 3 failed attempts close the task as 未回访.',
    callers: CALLBACK_DESK,
    input: z.strictObject({
      taskId: Id,
      outcome: z.enum(CALL_OUTCOMES, '请选择回访结果'),
      note: text(1, 200, '请填写回访记录'),
      overall: z.optional(Score('评分为 1–5')),
      resolved: z.optional(z.boolean()),
    }),
    output: CallbackView,
  }),
  figures: action({
    summary:
      'Survey figures for a month (default: this one) by a dimension: response rate, average score, share satisfied, share resolved, callback coverage. Handlers see their own.',
    callers: ['agent', 'handler', 'manager', 'supervisor'],
    input: z.strictObject({
      month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式为 YYYY-MM'))),
      by: z._default(z.enum(FIGURE_DIMENSIONS), 'handler'),
    }),
    output: z.object({ month: z.string(), by: z.enum(FIGURE_DIMENSIONS), total: Figures, groups: z.array(Figures) }),
  }),
} as const
