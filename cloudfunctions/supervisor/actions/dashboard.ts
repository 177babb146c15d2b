import { AppError } from '../../../src/core/shared/errors'
import { shanghaiDate, shanghaiDayStart } from '../../../src/core/shared/time'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import { tileList, whereOf } from '../../../src/core/supervisor/dashboard'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Filter } from '../../lib/ports/store'
import type { Handler } from '../../lib/runtime/handler'
import { hasRole } from '../../lib/runtime/context'
import { figures } from '../../surveys/actions/figures'

/**
 * Today at a glance: five indexed counts over tickets in the caller's scope (the 客服主任 the
 * community, a 管理员 their zone's buildings), and the month's satisfaction from the surveys figures.
 */
export const dashboard: Handler<typeof supervisorContract.dashboard> = async (ctx) => {
  const staff = ctx.user?.staff
  if (!staff) throw new AppError('FORBIDDEN', '您没有权限查看')
  const zone = hasRole(ctx, 'supervisor') ? null : (staff.zone ?? [])
  const scope: Filter = { communityId: staff.communityId, ...(zone ? { building: { $in: zone } } : {}) }
  const coll = ctx.store.collection<TicketDoc>('tickets')
  const tiles = tileList(shanghaiDayStart(ctx.now))
  const [counts, month] = await Promise.all([
    Promise.all(tiles.map((t) => coll.count({ ...scope, ...whereOf(t.filter) } as Filter))),
    // figures applies the same zone rule to a 管理员 who is nothing else.
    figures(ctx, { by: 'building' }),
  ])
  return {
    date: shanghaiDate(ctx.now),
    zone,
    tiles: tiles.map((t, i) => ({ ...t, count: counts[i] })),
    month: { month: month.month, answered: month.total.answered, averageScore: month.total.averageScore, satisfiedShare: month.total.satisfiedShare },
  }
}
