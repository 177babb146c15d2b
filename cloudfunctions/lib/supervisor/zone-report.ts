import type * as z from '../../../src/core/shared/zod'
import type { UserDoc } from '../../../src/core/account/types'
import { coversAll } from '../../../src/core/access/scope'
import { addMonths, monthStart, shanghaiDate, shanghaiMonth } from '../../../src/core/shared/time'
import { scopeCells, totalOf } from '../../../src/core/supervisor/monthly-report'
import { patrolFigures, ticketFigures } from '../../../src/core/supervisor/zone-report'
import type { ZoneReportView } from '../../../src/core/supervisor/zone-report-contracts'
import type { Filter } from '../ports/store'
import type { Ctx } from '../runtime/context'
import { checksSince, scoreIn } from '../vendors/views'
import { fixState } from '../../../src/core/vendors/score'
import { monthRollup } from './rollups'

const DAY = 86400_000
const pick = ({ total, quality }: { total: number | null; quality: number | null }) => ({ total, quality })

/**
 * One 管理员's zone for a month, from what each part already keeps: the month rollup for tickets
 * (no second counting loop), the rounds against the routes' schedules, the vacancies and their
 * checks, the firms' scores. A score of his zone: the firms' department tickets in his buildings.
 */
export async function zoneFigures(ctx: Ctx, communityId: string, manager: UserDoc, month: string): Promise<z.output<typeof ZoneReportView>> {
  const zone = manager.staff?.zone ?? []
  const start = monthStart(month)
  const end = monthStart(addMonths(month, 1))
  const inZone = { communityId, building: { $in: zone } } as Filter
  const scope = { communityId, buildings: zone }
  const [rollup, households, open, overdue, routes, rounds, vacancies, checks, vendors, fixes, kept] = await Promise.all([
    monthRollup(ctx.store, communityId, month, ctx.now),
    ctx.store.c.houses.count(inZone),
    ctx.store.c.tickets.count({ ...inZone, open: true } as Filter),
    ctx.store.c.tickets.count({ ...inZone, overdue: true } as Filter),
    ctx.store.c.routes.find({ where: { communityId }, orderBy: [['name', 'asc']], limit: 200 }),
    // A week that begins in the month before can fall due in this one.
    ctx.store.c.rounds.find({ where: { communityId, period: { $gte: shanghaiDate(start - 7 * DAY), $lt: shanghaiDate(end) } }, limit: 2000 }),
    ctx.store.c.vacancies.find({ where: { communityId }, limit: 1000 }),
    ctx.store.c.vacancyChecks.find({ where: { communityId, month }, limit: 1000 }),
    ctx.store.c.vendors.find({ where: { communityId }, orderBy: [['name', 'asc']], limit: 100 }),
    ctx.store.c.fixes.find({ where: { communityId, state: 'open' }, limit: 500 }),
    ctx.store.c.zoneReports.get(`${communityId}_${month}_${manager._id}`),
  ])
  const mine = routes.filter((r) => coversAll(scope, communityId, r.buildings))
  const vacant = vacancies.filter((v) => zone.includes(v.building) && v.since < end && (v.endedAt === undefined || v.endedAt >= start))
  const vacantIds = new Set(vacant.map((v) => v.houseId))
  const firms = await Promise.all(
    vendors.map(async (v) => ({
      name: v.name,
      service: v.service,
      ...pick(scoreIn(v, rollup, await checksSince(ctx, v._id, month), zone)),
      openFixes: fixes.filter((f) => f.vendorId === v._id && fixState(f, ctx.now) !== 'passed').length,
    })),
  )
  return {
    managerOpenid: manager._id,
    managerName: manager.staff?.name ?? '',
    zone,
    month,
    partial: month === shanghaiMonth(ctx.now),
    tickets: ticketFigures(totalOf(scopeCells(rollup.cells, zone)), households),
    open,
    overdue,
    patrol: patrolFigures(
      mine.map((r) => ({ id: r._id, schedule: r.schedule })),
      rounds,
      month,
      ctx.now,
    ),
    vacancy: { vacant: vacant.length, checked: checks.filter((c) => vacantIds.has(c.houseId)).length },
    vendors: firms,
    ...(kept ? { comment: kept.comment, submittedAt: kept.submittedAt } : {}),
  }
}
