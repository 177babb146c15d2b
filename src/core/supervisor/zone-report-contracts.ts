import * as z from '../shared/zod'
import { action, text } from '../shared/contract'
import { SERVICES } from '../vendors/types'
import { Month } from './monthly-report-contracts'

const Rate = z.nullable(z.number())

export const ZoneReportView = z.object({
  managerOpenid: z.string(),
  managerName: z.string(),
  zone: z.array(z.string()),
  month: z.string(),
  /** The month is still running: its figures will grow. */
  partial: z.boolean(),
  tickets: z.object({ households: z.number(), repairs: z.number(), repairRate: Rate, complaints: z.number(), complaintRate: Rate }),
  /** Now, not at the month's end: what is still open in the zone. */
  open: z.number(),
  overdue: z.number(),
  patrol: z.object({ due: z.number(), onTime: z.number(), late: z.number(), missed: z.number(), missedPoints: z.number(), completion: Rate }),
  vacancy: z.object({ vacant: z.number(), checked: z.number() }),
  decoration: z.object({ working: z.number(), violations: z.number(), stops: z.number() }),
  vendors: z.array(z.object({ name: z.string(), service: z.enum(SERVICES), total: Rate, quality: Rate, openFixes: z.number() })),
  comment: z.optional(z.string()),
  submittedAt: z.optional(z.number()),
})

/** The 管理员's monthly zone report and the 客服主任's view of every zone side by side. */
export const zoneReportContract = {
  zoneReports: action({
    summary:
      "片区月报: per 管理员 zone and month — 报修率 and 投诉率 per 100 households, open and overdue work, patrol completion, vacant houses checked, renovations under way and their violations, vendor scores, and the 管理员's comment. A 管理员 gets his own zone, the 客服主任 every zone.",
    callers: ['manager', 'supervisor'],
    input: z.strictObject({ month: Month }),
    output: z.object({ month: z.string(), items: z.array(ZoneReportView) }),
  }),
  submitZoneReport: action({
    summary: "The 管理员 submits his zone's month with a comment to the 客服主任 (again to change it); the figures are kept as submitted.",
    callers: ['manager'],
    input: z.strictObject({ month: Month, comment: text(5, 1000, '请写几句本月片区情况（至少 5 个字）', '最多 1000 个字') }),
    output: ZoneReportView,
  }),
} as const
