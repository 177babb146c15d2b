import { shanghaiDate, shanghaiDayStart, shanghaiMonth } from '../../../src/core/shared/time'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import { tileList, whereOf } from '../../../src/core/supervisor/dashboard'
import type { Filter } from '../../lib/ports/store'
import type { Handler } from '../../lib/runtime/handler'
import { officeScope, scopeWhere } from '../../lib/runtime/scope'
import { lineOf, scopeCells, totalOf } from '../../../src/core/supervisor/monthly-report'
import { monthRollup } from '../../lib/supervisor/rollups'

/**
 * Today at a glance: one indexed count per tile over tickets in the caller's scope (the 客服主任
 * the community, a 管理员 their zone's buildings), and the month's satisfaction from the month's
 * rollup — the same numbers the trend and the 月报 show, without reading the month's surveys again.
 */
export const dashboard: Handler<typeof supervisorContract.dashboard> = async (ctx) => {
  const { communityId, buildings: zone } = officeScope(ctx)
  const scope = scopeWhere(ctx)
  const coll = ctx.store.c.tickets
  const tiles = tileList(shanghaiDayStart(ctx.now))
  const [counts, rollup] = await Promise.all([
    Promise.all(tiles.map((t) => coll.count({ ...scope, ...whereOf(t.filter) } as Filter))),
    monthRollup(ctx.store, communityId, shanghaiMonth(ctx.now), ctx.now),
  ])
  const month = lineOf(rollup.month, rollup.month, totalOf(scopeCells(rollup.cells, zone)))
  return {
    date: shanghaiDate(ctx.now),
    zone,
    tiles: tiles.map((t, i) => ({ ...t, count: counts[i] })),
    month: { month: rollup.month, answered: month.answered, averageScore: month.averageScore, satisfiedShare: month.satisfiedShare },
  }
}
