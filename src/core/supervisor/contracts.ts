import * as z from '../shared/zod'
import { action, Empty, pageFields } from '../shared/contract'
import { AUDIT_KINDS, TILE_KEYS } from './types'
import { monthlyReportContract } from './monthly-report-contracts'
import { teamContract } from './team-contracts'
import { zoneReportContract } from './zone-report-contracts'

const Minutes = z.number('请填写分钟数').check(z.int('分钟数须为正整数'), z.minimum(1, '分钟数须为正整数'), z.maximum(43_200, '最多 30 天（43200 分钟）'))
const Pct = (max: number, tooBig: string) => z.number('请填写百分比').check(z.int('百分比须为整数'), z.minimum(1, '百分比须大于 0'), z.maximum(max, tooBig))
const HHmm = (msg: string) => z.string(msg).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg))

const Rule = z.strictObject({ respond: Minutes, resolve: z.optional(Minutes) })
const RepairRule = z.strictObject({ respond: Minutes, arrive: z.optional(z.union([Minutes, z.literal('window')])), resolve: z.optional(Minutes) })

/** SLA minutes per ticket kind; emergencies on the 24 h clock, the rest in business minutes. */
export const SlaPolicyInput = z.strictObject({
  /** 'window' is refused for emergencies by crossFieldErrors: they run on the 24 h clock. */
  emergency: RepairRule,
  repair: RepairRule,
  complaint: Rule,
  suggestion: Rule,
  question: Rule,
  warnPct: Pct(99, '提醒比例须小于 100%'),
  escalatePct: Pct(500, '升级比例最多 500%'),
})

export const CalendarInput = z.strictObject({
  open: HHmm('上班时间格式为 HH:mm'),
  close: HHmm('下班时间格式为 HH:mm'),
  weekdays: z
    .array(z.number().check(z.int(), z.minimum(0, '星期为 0–6'), z.maximum(6, '星期为 0–6')))
    .check(z.minLength(1, '至少选择一个工作日'), z.maxLength(7)),
  holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '节假日格式为 YYYY-MM-DD'))).check(z.maxLength(100, '节假日最多 100 天')),
})

export const ServiceSettingsInput = z.strictObject({ sla: SlaPolicyInput, calendar: CalendarInput })

const SettingsView = z.object({
  sla: SlaPolicyInput,
  calendar: CalendarInput,
  /** No change saved yet: the product defaults apply. */
  isDefault: z.boolean(),
  updatedAt: z.optional(z.number()),
  updatedByName: z.optional(z.string()),
})

const AuditView = z.object({
  id: z.string(),
  kind: z.enum(AUDIT_KINDS),
  actor: z.string(),
  actorName: z.string(),
  at: z.number(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})

/** The inbox query a dashboard tile opens (a subset of tickets.inbox's input). */
const InboxFilter = z.object({
  tab: z.enum(['new', 'mine', 'overdue', 'all']),
  open: z.optional(z.boolean()),
  escalated: z.optional(z.boolean()),
  lowRating: z.optional(z.boolean()),
  priority: z.optional(z.enum(['emergency', 'normal'])),
  since: z.optional(z.number()),
})

const Tile = z.object({ key: z.enum(TILE_KEYS), label: z.string(), count: z.number(), filter: InboxFilter })

export const supervisorContract = {
  ...monthlyReportContract,
  ...teamContract,
  ...zoneReportContract,
  settings: action({
    summary: "The community's SLA policy and business calendar (the defaults until a 客服主任 saves a change).",
    callers: ['supervisor'],
    input: Empty,
    output: SettingsView,
  }),
  saveSettings: action({
    summary:
      'Change the SLA policy and business calendar. Validated as a whole (INVALID_INPUT with field messages changes nothing); takes effect on the next ticket; writes an audit record.',
    callers: ['supervisor'],
    input: ServiceSettingsInput,
    output: SettingsView,
  }),
  audit: action({
    summary: 'Audit trail of staff changes, newest first; search by kind and by actor (name or openid).',
    callers: ['supervisor'],
    input: z.strictObject({
      kind: z.optional(z.enum(AUDIT_KINDS)),
      actor: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
      ...pageFields,
    }),
    output: z.object({ items: z.array(AuditView), more: z.boolean() }),
  }),
  dashboard: action({
    summary:
      "Today's tiles (new, open, overdue, escalated, emergencies) with the inbox filter behind each, and this month's satisfaction. 客服主任: the community; 管理员: their zone.",
    callers: ['manager', 'supervisor'],
    input: Empty,
    output: z.object({
      date: z.string(),
      zone: z.nullable(z.array(z.string())),
      tiles: z.array(Tile),
      month: z.object({
        month: z.string(),
        answered: z.number(),
        averageScore: z.nullable(z.number()),
        satisfiedShare: z.nullable(z.number()),
      }),
    }),
  }),
} as const
