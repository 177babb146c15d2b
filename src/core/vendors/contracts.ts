import * as z from '../shared/zod'
import { action, Empty, Id, line, Photos, RequestId, text } from '../shared/contract'
import { OFFICE_ROLES } from '../access/scope'
import { ItemResultInput, ItemResultView, ItemView } from '../inspections/contracts'
import { SERVICES } from './types'

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD'))

const Score = z.object({
  quality: z.nullable(z.number()),
  checks: z.number(),
  service: z.nullable(z.number()),
  tickets: z.number(),
  total: z.nullable(z.number()),
})

const FixView = z.object({
  id: z.string(),
  vendorName: z.string(),
  label: z.string(),
  place: z.string(),
  note: z.string(),
  photos: z.array(z.string()),
  dueAt: z.number(),
  state: z.enum(['open', 'overdue', 'passed']),
  rechecks: z.array(z.object({ at: z.number(), byName: z.string(), ok: z.boolean(), note: z.optional(z.string()), photos: z.array(z.string()) })),
  createdAt: z.number(),
})

const VendorRow = z.object({
  id: z.string(),
  name: z.string(),
  service: z.enum(SERVICES),
  contact: z.string(),
  contractEnd: z.string(),
  /** Days left on the contract; negative once it ended. */
  contractDaysLeft: z.number(),
  month: Score,
  lastMonth: Score,
  openFixes: z.number(),
  overdueFixes: z.number(),
})

const CheckView = z.object({
  id: z.string(),
  at: z.number(),
  byName: z.string(),
  place: z.string(),
  score: z.number(),
  results: z.array(ItemResultView),
  fixIds: z.array(z.string()),
})

export const VendorView = z.object({
  ...VendorRow.shape,
  phone: z.string(),
  contractStart: z.string(),
  items: z.array(ItemView),
  /** The last six months, oldest first. */
  trend: z.array(z.object({ month: z.string(), ...Score.shape })),
  checks: z.array(CheckView),
  fixes: z.array(FixView),
  photoUrls: z.record(z.string(), z.string()),
})

export const vendorsContract = {
  list: action({
    summary: "外包单位: the community's firms with this month's and last month's score, open and overdue 整改单 and the contract's days left.",
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.object({ month: z.string(), items: z.array(VendorRow) }),
  }),
  vendor: action({
    summary: "One firm: its standards, six months' scores (品质检查 70 %, its department's on-time resolution 30 %), recent checks and its 整改单.",
    callers: OFFICE_ROLES,
    input: z.strictObject({ vendorId: Id }),
    output: VendorView,
  }),
  check: action({
    summary:
      '品质检查: score each standard where it was looked at; each one below its pass mark (described, with a photo) becomes a 整改单 due in `days` days.',
    callers: OFFICE_ROLES,
    input: z.strictObject({
      vendorId: Id,
      /** One per form: a retried 提交 records the check once. */
      requestId: RequestId,
      place: line(1, 40, '请填写检查地点'),
      days: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(30)), 3),
      results: z.array(ItemResultInput).check(z.maxLength(30)),
    }),
    output: VendorView,
  }),
  recheck: action({
    summary: '复查 a 整改单: passed closes it; not yet gives the firm `days` more days; recorded with a note and photos, audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({
      fixId: z.string().check(z.minLength(1), z.maxLength(128)),
      ok: z.boolean(),
      note: z.optional(text(2, 200, '请写明复查情况', '复查说明最多 200 个字')),
      photos: Photos(3),
      days: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(30)), 3),
    }),
    output: VendorView,
  }),
  save: action({
    summary:
      "Add a firm or change its contract: name, service, contact, contract period and its standards as scored items (full mark, pass mark); standards it had keep their ids so past checks still read; the 客服主任's; once per form; audited.",
    callers: ['supervisor'],
    input: z.strictObject({
      id: z.optional(Id),
      requestId: RequestId,
      name: line(2, 40, '请填写单位名称'),
      service: z.enum(SERVICES),
      contact: line(2, 20, '请填写联系人'),
      phone: z.string().check(z.trim(), z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或座机号')),
      contractStart: Day,
      contractEnd: Day,
      standards: z
        .array(
          z.strictObject({
            id: z.optional(line(1, 32, '标准不存在')),
            label: line(2, 30, '请填写考核标准', '考核标准最多 30 个字'),
            max: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
            pass: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
          }),
        )
        .check(z.minLength(1, '请至少填写一项考核标准'), z.maxLength(12, '最多 12 项考核标准')),
    }),
    output: VendorView,
  }),
} as const
