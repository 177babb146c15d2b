import { AppError } from '../../../src/core/shared/errors'
import type { surveysContract } from '../../../src/core/surveys/contracts'
import { computeFigures, type FigureRow } from '../../../src/core/surveys/figures'
import { monthOf } from '../../../src/core/surveys/rules'
import { addMonths } from '../../../src/core/shared/time'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { scopeOf } from '../../../src/core/access/scope'

const PAGE = 1000

/** One community-month of surveys, by the (communityId, month, sentAt) index: never a scan of tickets. */
async function monthRows(ctx: Ctx, communityId: string, month: string): Promise<FigureRow[]> {
  const coll = ctx.store.c.surveys
  const rows: FigureRow[] = []
  for (;;) {
    const page = await coll.find({ where: { communityId, month }, orderBy: [['sentAt', 'asc']], offset: rows.length, limit: PAGE })
    for (const s of page) rows.push(s)
    if (page.length < PAGE) return rows
  }
}

export const figures: Handler<typeof surveysContract.figures> = async (ctx, { month, by }) => {
  const staff = ctx.user?.staff
  if (!staff) throw new AppError('FORBIDDEN', '您没有权限查看')
  const m = month ?? monthOf(ctx.now)
  // By month: the six months up to the one asked for.
  const months = by === 'month' ? Array.from({ length: 6 }, (_, i) => addMonths(m, i - 5)) : [m]
  let rows = (await Promise.all(months.map((x) => monthRows(ctx, staff.communityId, x)))).flat()
  // A handler sees their own work; the front office what their staff scope holds.
  const scope = scopeOf(staff)
  if (!scope) rows = rows.filter((r) => r.handler === ctx.openid)
  else if (scope.buildings) rows = rows.filter((r) => scope.buildings!.includes(r.building))
  return { month: m, by, ...computeFigures(rows, by) }
}
