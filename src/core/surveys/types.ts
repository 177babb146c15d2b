/** 回访: the survey a resident answers when a job is done, and the callback an agent makes. */
import type { Category, TicketType } from '../tickets/types'
import type { StaffRole } from '../shared/roles'

/** Who makes callbacks (回访): the desk, not a 管理员 on their rounds or a handler. */
export const CALLBACK_DESK = ['agent', 'supervisor'] as const satisfies readonly StaffRole[]

export const GOOD_TAGS = ['准时', '专业', '干净整洁', '态度好'] as const
export const BAD_TAGS = ['不准时', '没修好', '态度差', '乱收费'] as const
export const SURVEY_TAGS = [...GOOD_TAGS, ...BAD_TAGS] as const
export type SurveyTag = (typeof SURVEY_TAGS)[number]

export const SCORE_LABELS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'] as const

/** Per community: call back every finished job, only those not rated within 72 h, or never. */
export const CALLBACK_POLICIES = ['always', 'unrated', 'never'] as const
export type CallbackPolicy = (typeof CALLBACK_POLICIES)[number]
export const CALLBACK_POLICY_LABELS: Record<CallbackPolicy, string> = { always: '全部回访', unrated: '72 小时未评价的回访', never: '不回访' }

export const CALL_OUTCOMES = ['reached', 'unreached', 'satisfied', 'dissatisfied'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = { reached: '接通', unreached: '未接通', satisfied: '满意', dissatisfied: '不满意' }

export const SURVEY_STATES = ['open', 'rated', 'missed'] as const
export type SurveyState = (typeof SURVEY_STATES)[number]

export interface Answer {
  overall: number
  /** Repairs only: 上门速度, 服务态度. */
  speed?: number
  attitude?: number
  resolved: boolean
  tags: SurveyTag[]
  comment?: string
  photos: string[]
  /** The resident in the app, or an agent's recorded callback. */
  source: 'app' | 'callback'
  at: number
  /** First answer of the round: the 24 h amend window runs from here. */
  firstAt: number
}

/**
 * surveys/<ticketId>_<round>: one per ticket per round (a reopened and re-closed job is round 2).
 * The deterministic id is what makes two simultaneous submissions record one answer. It carries a
 * snapshot of the ticket's dimensions, so the figures read ratings only.
 */
export interface SurveyDoc {
  _id: string
  ticketId: string
  round: number
  communityId: string
  ticketNo: string
  type: TicketType
  category: Category
  department?: string
  handler?: string
  handlerName?: string
  building: string
  place: string
  residentOpenid: string
  /** Shanghai month the survey was sent, YYYY-MM: the figures' range key. */
  month: string
  sentAt: number
  state: SurveyState
  answer?: Answer
  reply?: { text: string; by: string; byName: string; at: number }
  /** When the scheduler must look again (the 72 h callback check); null: nothing to watch. */
  checkAt: number | null
  callbackId?: string
  /** A callback reached the resident (figures: callback coverage). */
  callbackReached?: boolean
  /** The bad-outcome complaint, once opened; 'pending' while it is being opened. */
  complaintId?: string
  updatedAt: number
}

export const CALLBACK_STATES = ['open', 'done', 'missed'] as const
export type CallbackState = (typeof CALLBACK_STATES)[number]
export const CALLBACK_STATE_LABELS: Record<CallbackState, string> = { open: '待回访', done: '已回访', missed: '未回访' }

export interface CallAttempt {
  at: number
  by: string
  byName: string
  outcome: CallOutcome
  note: string
}

/** callbacks/<surveyId> (routine) or cb_<complaintId> (a bad outcome's 24 h callback). */
export interface CallbackDoc {
  _id: string
  kind: 'routine' | 'complaint'
  surveyId: string
  ticketId: string
  ticketNo: string
  communityId: string
  place: string
  residentName: string
  /** Full number: returned only to the agent who starts the call. */
  phone: string
  state: CallbackState
  dueAt: number
  /** Who should call: a complaint's 客服主任; routine tasks are any agent's. */
  assignee?: string
  assigneeName?: string
  startedAt?: number
  startedBy?: string
  attempts: CallAttempt[]
  createdAt: number
  updatedAt: number
}
