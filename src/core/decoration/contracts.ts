import * as z from '../shared/zod'
import { action, Empty, FileId, Id, line, Photos, RequestId, text } from '../shared/contract'
import { PHONE_RE } from '../shared/phone'
import { OFFICE_ROLES } from '../access/scope'
import { STAFF_ROLES } from '../shared/roles'
import { ItemResultInput, ItemResultView, ItemView } from '../inspections/contracts'
import { BILL_STATUSES, PAY_METHODS } from '../bills/types'
import { INSPECTIONS, SLOTS, STATUSES, VIOLATIONS, WORKS } from './types'
import { RulesInput } from './rules-input'

const DecorationId = z.string().check(z.minLength(3), z.maxLength(70), z.regex(/^[A-Za-z0-9_-]+$/, '装修编号格式不正确'))
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD'))
const Phone = z.string().check(z.trim(), z.regex(PHONE_RE, '请填写 11 位手机号'))
const PERMIT_STATES = ['pending', 'unpaid', 'early', 'valid', 'stopped', 'expired', 'completed', 'void'] as const

const RulesView = z.object({
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  weekend: z.enum(['closed', 'quiet', 'same']),
  deposit: z.number(),
  /** 工作日 8:00–12:00、14:00–18:00；… */
  text: z.string(),
})

const InspectionView = z.object({
  kind: z.enum(INSPECTIONS),
  label: z.string(),
  date: z.string(),
  slot: z.enum(SLOTS),
  bookedAt: z.number(),
  result: z.optional(z.object({ at: z.number(), byName: z.string(), passed: z.boolean(), results: z.array(ItemResultView), note: z.optional(z.string()) })),
})

const ViolationView = z.object({
  id: z.string(),
  kind: z.enum(VIOLATIONS),
  label: z.string(),
  note: z.string(),
  photos: z.array(z.string()),
  at: z.number(),
  byName: z.string(),
  stop: z.boolean(),
})

export const DecorationView = z.object({
  id: z.string(),
  houseId: z.string(),
  label: z.string(),
  applicantName: z.string(),
  contractor: z.object({ company: z.string(), leader: z.string(), phone: z.string() }),
  workers: z.array(z.object({ name: z.string(), phone: z.string() })),
  start: z.string(),
  end: z.string(),
  works: z.array(z.enum(WORKS)),
  description: z.string(),
  drawings: z.array(z.string()),
  status: z.enum(STATUSES),
  statusText: z.string(),
  submittedAt: z.number(),
  decided: z.optional(z.object({ at: z.number(), byName: z.string(), conditions: z.optional(z.string()), reason: z.optional(z.string()) })),
  permit: z.enum(PERMIT_STATES),
  /** What the permit's QR holds, once approved. */
  permitCode: z.optional(z.string()),
  hours: z.string(),
  deposit: z.object({
    amount: z.number(),
    billId: z.optional(z.string()),
    status: z.optional(z.enum(BILL_STATUSES)),
    paidVia: z.optional(z.enum(PAY_METHODS)),
    refund: z.optional(
      z.object({
        amount: z.number(),
        deducted: z.number(),
        reason: z.optional(z.string()),
        via: z.enum(['wechat', 'offline']),
        state: z.enum(['refunding', 'refunded', 'failed']),
        at: z.number(),
        byName: z.string(),
        error: z.optional(z.string()),
      }),
    ),
  }),
  required: z.array(z.enum(INSPECTIONS)),
  next: z.nullable(z.enum(INSPECTIONS)),
  inspections: z.array(InspectionView),
  violations: z.array(ViolationView),
  photoUrls: z.record(z.string(), z.string()),
  neighbours: z.optional(z.number()),
})

const StaffDecorationView = z.object({ ...DecorationView.shape, items: z.array(ItemView) })

const DecorationRow = z.object({
  id: z.string(),
  houseId: z.string(),
  label: z.string(),
  building: z.string(),
  applicantName: z.string(),
  start: z.string(),
  end: z.string(),
  works: z.array(z.enum(WORKS)),
  status: z.enum(STATUSES),
  statusText: z.string(),
  permit: z.enum(PERMIT_STATES),
  next: z.nullable(z.enum(INSPECTIONS)),
  booking: z.nullable(z.object({ kind: z.enum(INSPECTIONS), date: z.string(), slot: z.enum(SLOTS) })),
  violations: z.number(),
  submittedAt: z.number(),
})

const ByDecoration = { id: DecorationId }

export const ApplyInput = z.strictObject({
  requestId: RequestId,
  houseId: Id,
  contractor: z.strictObject({
    company: line(2, 40, '请填写施工单位（个人施工填“个人”）'),
    leader: line(2, 20, '请填写施工负责人'),
    phone: Phone,
  }),
  workers: z
    .array(z.strictObject({ name: line(2, 20, '请填写工人姓名'), phone: Phone }))
    .check(z.minLength(1, '请至少登记一名施工人员'), z.maxLength(30, '最多登记 30 名施工人员')),
  start: Day,
  end: Day,
  works: z.array(z.enum(WORKS)).check(z.minLength(1, '请选择施工项目'), z.maxLength(WORKS.length)),
  description: text(4, 500, '请简要说明装修内容', '装修内容最多 500 个字'),
  drawings: Photos(9),
})

export const decorationContract = {
  mine: action({
    summary: "The caller's house: its renovations (latest first), whether he may apply (the owner), the hours and the deposit.",
    callers: ['signedIn'],
    input: z.strictObject({ houseId: Id }),
    output: z.object({ houseId: z.string(), label: z.string(), isOwner: z.boolean(), rules: RulesView, items: z.array(DecorationView) }),
  }),
  apply: action({
    summary: 'The owner applies for a renovation: contractor, workers, period, works, drawings; one open application per house; once per form.',
    callers: ['signedIn'],
    input: ApplyInput,
    output: DecorationView,
  }),
  withdraw: action({
    summary: 'The owner withdraws an application not yet decided.',
    callers: ['signedIn'],
    input: z.strictObject(ByDecoration),
    output: DecorationView,
  }),
  book: action({
    summary: "The owner books the work's next inspection for a day and half-day within the period (a booked one is moved).",
    callers: ['signedIn'],
    input: z.strictObject({ ...ByDecoration, date: Day, slot: z.enum(SLOTS) }),
    output: DecorationView,
  }),
  list: action({
    summary: "装修: the renovations in the caller's scope, by state: 待审批 (pending), 施工中 (open), 已办结 (done).",
    callers: OFFICE_ROLES,
    input: z.strictObject({ state: z._default(z.enum(['pending', 'open', 'done']), 'open') }),
    output: z.object({ items: z.array(DecorationRow), counts: z.object({ pending: z.number(), open: z.number() }) }),
  }),
  detail: action({
    summary: 'One renovation for staff in scope, with the checklist of its next inspection.',
    callers: OFFICE_ROLES,
    input: z.strictObject(ByDecoration),
    output: StaffDecorationView,
  }),
  approve: action({
    summary:
      'Approve an application, with conditions: the deposit becomes a bill of the house, the owner is told, and the neighbours (same unit, floors above and below) are told the period and hours; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...ByDecoration, conditions: z._default(text(0, 300, '', '附加条件最多 300 个字'), '') }),
    output: StaffDecorationView,
  }),
  reject: action({
    summary: 'Refuse an application with the reason the owner reads; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...ByDecoration, reason: text(4, 300, '请写明不予批准的原因，业主会看到', '原因最多 300 个字') }),
    output: StaffDecorationView,
  }),
  inspect: action({
    summary: 'Record the next inspection on site, item by item with photos; passed or not, the owner is told; the passed 完工验收 completes the work.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...ByDecoration, results: z.array(ItemResultInput).check(z.maxLength(20)), note: z.optional(text(2, 300, '请写明验收意见')) }),
    output: StaffDecorationView,
  }),
  violation: action({
    summary: 'Record a violation with a photo; the owner is told; it may stop the work until 复工; once per form; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({
      ...ByDecoration,
      requestId: RequestId,
      kind: z.enum(VIOLATIONS),
      note: text(4, 300, '请写明违规情况', '最多 300 个字'),
      photos: z.array(FileId).check(z.minLength(1, '请拍一张现场照片'), z.maxLength(6, '最多 6 张照片')),
      stop: z.boolean(),
    }),
    output: StaffDecorationView,
  }),
  resume: action({
    summary: 'The stopped work may go on again (整改 done); the owner is told; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...ByDecoration, note: text(2, 200, '请写明整改情况') }),
    output: StaffDecorationView,
  }),
  release: action({
    summary:
      'Return the deposit after the passed 完工验收, less any deduction with its reason: over WeChat Pay when it was paid there (one refund number, retried safely), else recorded as returned by the desk; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({
      ...ByDecoration,
      deducted: z._default(z.number().check(z.int(), z.minimum(0)), 0),
      reason: z.optional(text(2, 200, '请写明扣款原因')),
    }),
    output: StaffDecorationView,
  }),
  verify: action({
    summary: "The gate checks a permit's QR: the house, the contractor, the workers (phones masked), the period and whether work is allowed today; any staff.",
    callers: STAFF_ROLES,
    input: z.strictObject({ code: line(1, 120, '二维码无效') }),
    output: z.object({
      id: z.string(),
      label: z.string(),
      permit: z.enum(PERMIT_STATES),
      permitText: z.string(),
      start: z.string(),
      end: z.string(),
      hours: z.string(),
      contractor: z.object({ company: z.string(), leader: z.string(), phone: z.string() }),
      workers: z.array(z.object({ name: z.string(), phone: z.string() })),
      works: z.array(z.enum(WORKS)),
      conditions: z.optional(z.string()),
    }),
  }),
  rules: action({
    summary: 'The decoration rules of the community: working hours and the deposit (defaults until set).',
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.object({ ...RulesView.shape, isDefault: z.boolean() }),
  }),
  setRules: action({
    summary: 'The 客服主任 sets the working hours and the deposit; new approvals and neighbour notices follow them; audited.',
    callers: ['supervisor'],
    input: RulesInput,
    output: z.object({ ...RulesView.shape, isDefault: z.boolean() }),
  }),
} as const

export type DecorationViewOut = z.output<typeof DecorationView>
