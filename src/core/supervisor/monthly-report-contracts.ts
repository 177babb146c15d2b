import * as z from '../shared/zod'
import { action } from '../shared/contract'
import { CATEGORIES, TICKET_TYPES } from '../tickets/types'
import { REPORT_DIMENSIONS } from './monthly-report'

const Share = z.nullable(z.number())

export const FigureLineView = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number(),
  complaints: z.number(),
  emergencies: z.number(),
  respondOnTime: Share,
  resolveOnTime: Share,
  firstTimeFix: Share,
  avgResponseMinutes: Share,
  avgResolutionMinutes: Share,
  surveyed: z.number(),
  answered: z.number(),
  averageScore: Share,
  satisfiedShare: Share,
  callbackCoverage: Share,
  collectionRate: Share,
  billed: z.number(),
  collected: z.number(),
})

export const Month = z.string('请选择月份').check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'))
const By = z.enum(REPORT_DIMENSIONS)

const TopView = z.object({
  types: z.array(z.object({ type: z.enum(TICKET_TYPES), label: z.string(), count: z.number() })),
  categories: z.array(z.object({ category: z.enum(CATEGORIES), label: z.string(), count: z.number() })),
  places: z.array(z.object({ place: z.string(), building: z.string(), count: z.number(), category: z.enum(CATEGORIES) })),
})

/** The 客服主任's months: this one and the six before, and the 月报 of one month. */
export const monthlyReportContract = {
  trend: action({
    summary:
      'This month and the last six: the headline figures per month (one rollup each), and this month by building, department or handler. 客服主任: the community; 管理员: their zone.',
    callers: ['manager', 'supervisor'],
    input: z.strictObject({ by: z._default(By, 'building') }),
    output: z.object({
      zone: z.nullable(z.array(z.string())),
      months: z.array(z.object({ month: z.string(), total: FigureLineView })),
      by: By,
      groups: z.array(FigureLineView),
      computedAt: z.number(),
    }),
  }),
  monthlyReport: action({
    summary:
      "月报: one month's figures in total and by building, department and handler, with the top problems (most frequent categories, repeated locations), and the month before's total in the same scope (for the change 较上月).",
    callers: ['manager', 'supervisor'],
    input: z.strictObject({ month: Month }),
    output: z.object({
      month: z.string(),
      zone: z.nullable(z.array(z.string())),
      total: FigureLineView,
      previous: FigureLineView,
      building: z.array(FigureLineView),
      department: z.array(FigureLineView),
      handler: z.array(FigureLineView),
      top: TopView,
      computedAt: z.number(),
    }),
  }),
  exportMonthlyReport: action({
    summary: '月报 as CSV (UTF-8 with BOM, opens in Excel), the same figures the report page shows.',
    callers: ['manager', 'supervisor'],
    input: z.strictObject({ month: Month }),
    output: z.object({ filename: z.string(), csv: z.string() }),
  }),
} as const
