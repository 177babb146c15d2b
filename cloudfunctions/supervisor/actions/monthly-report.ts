import { AppError } from '../../../src/core/shared/errors'
import { addMonths, shanghaiMonth } from '../../../src/core/shared/time'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import { monthsUpTo } from '../../../src/core/supervisor/monthly'
import { groupBy, lineOf, reportCsv, scopeCells, topProblems, totalOf, REPORT_DIMENSIONS } from '../../../src/core/supervisor/monthly-report'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { officeScope } from '../../lib/runtime/scope'
import { monthRollup } from '../../lib/supervisor/rollups'

/** The figures of the caller's staff scope: the community, or a 管理员's zone. */
function scopeOf(ctx: Ctx) {
  const { communityId, buildings } = officeScope(ctx)
  return { communityId, zone: buildings }
}

const TREND_MONTHS = 7

export const trend: Handler<typeof supervisorContract.trend> = async (ctx, { by }) => {
  const { communityId, zone } = scopeOf(ctx)
  const months = monthsUpTo(shanghaiMonth(ctx.now), TREND_MONTHS)
  const rollups = await Promise.all(months.map((m) => monthRollup(ctx.store, communityId, m, ctx.now)))
  const current = scopeCells(rollups[rollups.length - 1].cells, zone)
  return {
    zone,
    months: rollups.map((r) => ({ month: r.month, total: lineOf('all', r.month, totalOf(scopeCells(r.cells, zone))) })),
    by,
    groups: groupBy(current, by),
    computedAt: Math.min(...rollups.map((r) => r.computedAt)),
  }
}

async function monthReport(ctx: Ctx, month: string) {
  const { communityId, zone } = scopeOf(ctx)
  if (month > shanghaiMonth(ctx.now)) throw new AppError('INVALID_INPUT', '该月份还没有到', { month: '该月份还没有到' })
  const [r, before] = await Promise.all([month, addMonths(month, -1)].map((m) => monthRollup(ctx.store, communityId, m, ctx.now)))
  const cells = scopeCells(r.cells, zone)
  const [building, department, handler] = REPORT_DIMENSIONS.map((by) => groupBy(cells, by))
  const label = zone ? `负责的 ${zone.join('、')} 栋` : '全小区'
  return {
    month,
    zone,
    total: lineOf('all', label, totalOf(cells)),
    previous: lineOf('all', label, totalOf(scopeCells(before.cells, zone))),
    building,
    department,
    handler,
    top: topProblems(r, zone),
    computedAt: r.computedAt,
  }
}

export const monthlyReport: Handler<typeof supervisorContract.monthlyReport> = (ctx, { month }) => monthReport(ctx, month)

export const exportMonthlyReport: Handler<typeof supervisorContract.exportMonthlyReport> = async (ctx, { month }) => {
  const r = await monthReport(ctx, month)
  const sections = [
    { title: '楼栋', lines: r.building },
    { title: '部门', lines: r.department },
    { title: '处理人', lines: r.handler },
  ]
  const title = `${month} 客服月报（${r.total.label}）`
  return { filename: `月报-${month}${r.zone ? `-${r.zone.join('_')}栋` : ''}.csv`, csv: reportCsv(title, r.total, sections, r.top) }
}
