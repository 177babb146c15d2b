import { OFFICE_ROLES } from '../access/scope'
import * as z from '../shared/zod'
import { action, Id, pageFields, line, Photos, text } from '../shared/contract'
import { DEPARTMENTS } from '../shared/roles'
import { CATEGORIES, EMERGENCIES, ORIGIN_KINDS, PAUSE_REASONS, SCOPES, SOURCES, STATUSES, TICKET_TYPES } from './types'
import { CreateTicket } from './inputs'
import { RecordTicket } from './record-input'

const DeadlineView = z.object({ due: z.number(), metAt: z.optional(z.number()), level: z.number() })

export const TicketSummary = z.object({
  id: z.string(),
  no: z.string(),
  type: z.enum(TICKET_TYPES),
  category: z.enum(CATEGORIES),
  scope: z.enum(SCOPES),
  status: z.enum(STATUSES),
  priority: z.enum(['emergency', 'normal']),
  emergency: z.optional(z.enum(EMERGENCIES)),
  place: z.string(),
  building: z.string(),
  description: z.string(),
  reporterName: z.string(),
  /** Masked, except for the handler the ticket is assigned to. */
  reporterPhone: z.string(),
  assigneeName: z.optional(z.string()),
  department: z.optional(z.string()),
  overdue: z.boolean(),
  /** The first unmet promise: which, when, minutes left (negative when late). */
  next: z.optional(z.object({ key: z.enum(['respond', 'arrive', 'resolve']), due: z.number(), minutesLeft: z.number() })),
  promise: z.string(),
  mergedInto: z.optional(z.string()),
  /** The master's number, to show "已合并至 BX-…" without another call. */
  mergedIntoNo: z.optional(z.string()),
  /** When the desk first answered: a new ticket reads 已受理 from then on. */
  respondedAt: z.optional(z.number()),
  /** 催单 so far: the desk sees a 催 badge. */
  urgeCount: z.number(),
  /** The visit the resident asked for at 报事, and the one agreed at 接单. */
  window: z.optional(z.object({ start: z.number(), end: z.number() })),
  visit: z.optional(z.object({ start: z.number(), end: z.number() })),
  createdAt: z.number(),
  updatedAt: z.number(),
})

export const TimelineEntry = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.number(),
  actorName: z.string(),
  actorRole: z.string(),
  text: z.string(),
  internal: z.boolean(),
  photos: z.optional(z.array(z.string())),
})

export const TicketDetail = z.object({
  ...TicketSummary.shape,
  houseId: z.optional(z.string()),
  photos: z.array(z.string()),
  afterPhotos: z.array(z.string()),
  /** file id → URL the client can show. */
  photoUrls: z.record(z.string(), z.string()),
  source: z.enum(SOURCES),
  sla: z.object({ clock: z.enum(['business', '24h']), respond: z.optional(DeadlineView), arrive: z.optional(DeadlineView), resolve: z.optional(DeadlineView) }),
  cost: z.optional(z.object({ items: z.array(z.object({ name: z.string(), amount: z.number() })), total: z.number() })),
  /** The bill the cost became: paid in 账单, its receipt opened from here. */
  fee: z.optional(z.object({ billId: z.string(), amount: z.number(), status: z.enum(['unpaid', 'paid', 'waived']), receiptNo: z.optional(z.string()) })),
  completionNote: z.optional(z.string()),
  reopenCount: z.number(),
  links: z.array(z.object({ id: z.string(), no: z.string(), place: z.string(), status: z.enum(STATUSES) })),
  followers: z.number(),
  timeline: z.array(TimelineEntry),
  /** What the caller may do now, so the page shows only buttons that will work. */
  can: z.array(z.string()),
  resolvedAt: z.optional(z.number()),
  lastUrgeAt: z.optional(z.number()),
  /** For the resident of an open ticket: when 催单 opens, and the rule behind it. */
  urge: z.optional(z.object({ at: z.number(), rule: z.string() })),
  /** Staff only: the inspection that found it. */
  origin: z.optional(z.object({ kind: z.enum(ORIGIN_KINDS), id: z.string(), label: z.string() })),
})

const ById = z.strictObject({ ticketId: Id })
const Reason = (msg: string) => text(2, 200, msg, '最多 200 个字')

export const InboxQuery = z.strictObject({
  tab: z._default(z.enum(['new', 'mine', 'overdue', 'all']), 'new'),
  type: z.optional(z.enum(TICKET_TYPES)),
  status: z.optional(z.enum(STATUSES)),
  building: z.optional(line(1, 8, '楼栋')),
  priority: z.optional(z.enum(['emergency', 'normal'])),
  /** Ticket number, room (1-1-301 or 301), or the last 4 digits of a phone. */
  q: z.optional(line(0, 30, '', '搜索词最多 30 个字')),
  /** Dashboard tiles (supervisor.dashboard): still open, escalated to the 客服主任, created since. */
  open: z.optional(z.boolean()),
  escalated: z.optional(z.boolean()),
  lowRating: z.optional(z.boolean()),
  since: z.optional(z.number().check(z.int(), z.minimum(0))),
  ...pageFields,
})

export const CostItems = z
  .array(z.strictObject({ name: line(1, 20, '请填写费用名称'), amount: z.number().check(z.int('金额以分为单位'), z.minimum(0), z.maximum(10_000_000)) }))
  .check(z.maxLength(10))

export const ticketsContract = {
  create: action({
    summary: 'Resident reports a repair, complaint, suggestion or question for one of their houses.',
    callers: ['signedIn'],
    input: CreateTicket,
    output: TicketSummary,
  }),
  record: action({
    summary: 'Staff record a ticket on behalf of a resident (phone, walk-in, patrol).',
    callers: OFFICE_ROLES,
    input: RecordTicket,
    output: TicketSummary,
  }),
  reporters: action({
    summary:
      '代客报事 lookup: the houses a room (1-1-301) or a phone (last 4 digits or all 11) points to, with the people on file — archive members and bound residents, phones masked — in the caller’s scope.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ q: line(1, 20, '请输入房号或手机号', '最多 20 个字') }),
    output: z.object({
      houses: z.array(
        z.object({
          houseId: z.string(),
          label: z.string(),
          people: z.array(z.object({ key: z.string(), name: z.string(), role: z.string(), phone: z.string(), bound: z.boolean() })),
        }),
      ),
    }),
  }),
  mine: action({
    summary: 'Tickets the resident reported, newest first.',
    callers: ['signedIn'],
    input: z.strictObject({ ...pageFields, open: z.optional(z.boolean()) }),
    output: z.object({ items: z.array(TicketSummary), total: z.number() }),
  }),
  detail: action({
    summary: 'A ticket with its timeline (residents see public steps only) and what the caller may do.',
    callers: ['signedIn'],
    input: ById,
    output: TicketDetail,
  }),
  callReporter: action({
    summary:
      "The reporter's full number for a one-tap call from the staff ticket page (lists stay masked): for front-office staff in scope and the assigned handler; each look is audited.",
    callers: [...OFFICE_ROLES, 'handler'],
    input: ById,
    output: z.object({ phone: z.string() }),
  }),
  urge: action({
    summary: 'Resident chases a ticket (催单): throttled to once per 30 minutes, sent to whoever holds it.',
    callers: ['signedIn'],
    input: ById,
    output: TicketSummary,
  }),
  cancel: action({
    summary: 'Cancel before dispatch.',
    callers: ['signedIn', 'agent', 'supervisor'],
    input: z.strictObject({ ticketId: Id, reason: z.optional(Reason('请填写取消原因')) }),
    output: TicketSummary,
  }),
  confirm: action({ summary: 'Resident confirms the job is done.', callers: ['signedIn'], input: ById, output: TicketSummary }),
  reopen: action({
    summary: 'Resident reopens within 7 days, with a reason.',
    callers: ['signedIn'],
    input: z.strictObject({ ticketId: Id, reason: Reason('请说明还有什么问题') }),
    output: TicketSummary,
  }),
  message: action({
    summary: 'A message in the ticket thread. Staff may mark it internal (residents never see it).',
    callers: ['signedIn', 'agent', 'handler', 'manager', 'supervisor'],
    input: z.strictObject({ ticketId: Id, text: text(1, 500, '请输入内容', '最多 500 个字'), internal: z.optional(z.boolean()), photos: Photos(3) }),
    output: TimelineEntry,
  }),
  inbox: action({
    summary: 'Staff inbox: tabs new / mine / overdue / all with counts, filters and search. Handlers see their own queue, 管理员 their zone.',
    callers: ['agent', 'handler', 'manager', 'supervisor'],
    input: InboxQuery,
    output: z.object({
      items: z.array(TicketSummary),
      /** Whether another page follows (history is paged, never counted whole). */
      more: z.boolean(),
      /** Per tab; `all` counts what is still open. */
      counts: z.object({ new: z.number(), mine: z.number(), overdue: z.number(), all: z.number() }),
    }),
  }),
  handlers: action({
    summary: 'Handlers of the community by department, with their open load, for dispatch.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ department: z.optional(z.enum(DEPARTMENTS)) }),
    output: z.array(z.object({ openid: z.string(), name: z.string(), department: z.string(), onDuty: z.boolean(), openLoad: z.number() })),
  }),
  dispatch: action({
    summary: 'Send a new ticket to a handler (and their department). Two agents at once: one wins, the other gets CONFLICT.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ticketId: Id, assignee: z.string().check(z.minLength(1), z.maxLength(64)), note: z.optional(text(1, 200, '备注')) }),
    output: TicketSummary,
  }),
  reassign: action({
    summary: 'Move a dispatched or accepted ticket to another handler.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ticketId: Id, assignee: z.string().check(z.minLength(1), z.maxLength(64)), reason: Reason('请填写改派原因') }),
    output: TicketSummary,
  }),
  accept: action({
    summary:
      'Handler accepts a ticket assigned to them; for a home repair with the visit he agreed with the resident (a window within two weeks), which the resident is told and which becomes the arrive promise.',
    callers: ['handler'],
    input: z.strictObject({ ticketId: Id, visit: z.optional(z.strictObject({ start: z.number(), end: z.number() })) }),
    output: TicketSummary,
  }),
  reschedule: action({
    summary:
      '改约: the handler (or the front office in scope) moves the agreed visit of an accepted home repair to a new window, with the reason; the resident is told, the arrive promise follows, the move is counted.',
    callers: ['handler', ...OFFICE_ROLES],
    input: z.strictObject({ ticketId: Id, visit: z.strictObject({ start: z.number(), end: z.number() }), reason: Reason('请填写改约原因') }),
    output: TicketSummary,
  }),
  decline: action({
    summary: 'Handler declines with a reason; the ticket goes back to the agents.',
    callers: ['handler'],
    input: z.strictObject({ ticketId: Id, reason: Reason('请填写退单原因') }),
    output: TicketSummary,
  }),
  arrive: action({ summary: 'Handler is on site.', callers: ['handler'], input: ById, output: TicketSummary }),
  pause: action({
    summary: 'Pause for parts or an absent resident: the SLA clock stops.',
    callers: ['handler', 'agent', 'supervisor'],
    input: z.strictObject({ ticketId: Id, reason: z.enum(PAUSE_REASONS, '请选择暂停原因'), note: z.optional(text(1, 200, '备注')) }),
    output: TicketSummary,
  }),
  resume: action({ summary: 'Resume a paused ticket: the clock runs again.', callers: ['handler', 'agent', 'supervisor'], input: ById, output: TicketSummary }),
  complete: action({
    summary: 'Handler completes with after-photos, a note and cost items for paid in-home work.',
    callers: ['handler'],
    input: z.strictObject({ ticketId: Id, note: text(2, 500, '请填写处理结果'), photos: Photos(6), costItems: z._default(CostItems, []) }),
    output: TicketSummary,
  }),
  resolve: action({
    summary: 'Staff close the loop themselves (answered a question, handled a complaint).',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ticketId: Id, note: text(2, 500, '请填写处理结果') }),
    output: TicketSummary,
  }),
  link: action({
    summary: 'Link two related tickets (楼上漏水 affecting 楼下): both show the other.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ticketId: Id, otherId: Id }),
    output: TicketSummary,
  }),
  merge: action({
    summary: 'Merge a duplicate into a master ticket: its reporter follows the master and hears of its steps.',
    callers: ['agent', 'supervisor'],
    input: z.strictObject({ ticketId: Id, masterId: Id }),
    output: TicketSummary,
  }),
  savedReplies: action({
    summary: "The community's saved replies, for quick answers.",
    callers: ['agent', 'handler', 'manager', 'supervisor'],
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
  }),
} as const
