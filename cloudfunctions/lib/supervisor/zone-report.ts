import type * as z from '../../../src/core/shared/zod'
import type { UserDoc } from '../../../src/core/account/types'
import { coversAll } from '../../../src/core/access/scope'
import { addMonths, monthStart, shanghaiDate, shanghaiMonth } from '../../../src/core/shared/time'
import { scopeCells, totalOf } from '../../../src/core/supervisor/monthly-report'
import { decorationFigures, patrolFigures, ticketFigures } from '../../../src/core/supervisor/zone-report'
import { monthDates } from '../../../src/core/supervisor/monthly'
import type { ZoneReportView } from '../../../src/core/supervisor/zone-report-contracts'
import type { Filter } from '../ports/store'
import type { Ctx } from '../runtime/context'
import { checksSince, scoreIn } from '../vendors/views'
import { monthRollup } from './rollups'

const DAY = 86400_000
const pick = ({ total, quality }: { total: number | null; quality: number | null }) => ({ total, quality })

/** What every zone of a community shares for a month: read once, however many zones are shown. */
export async function communityMonth(ctx: Ctx, communityId: string, month: string) {
  const start = monthStart(month)
  const end = monthStart(addMonths(month, 1))
  const [rollup, routes, rounds, vacancies, checks, vendors, fixes, decorations] = await Promise.all([
    monthRollup(ctx.store, communityId, month, ctx.now),
    ctx.store.c.routes.find({ where: { communityId }, orderBy: [['name', 'asc']], limit: 200 }),
    // A week that begins in the month before can fall due in this one.
    ctx.store.c.rounds.find({ where: { communityId, period: { $gte: shanghaiDate(start - 7 * DAY), $lt: shanghaiDate(end) } }, limit: 2000 }),
    ctx.store.c.vacancies.find({ where: { communityId }, limit: 1000 }),
    ctx.store.c.vacancyChecks.find({ where: { communityId, month }, limit: 1000 }),
    ctx.store.c.vendors.find({ where: { communityId }, orderBy: [['name', 'asc']], limit: 100 }),
    ctx.store.c.fixes.find({ where: { communityId, state: 'open' }, limit: 500 }),
    // A permit covers at most half a year: what was applied for in the year before can touch the month.
    ctx.store.c.decorations.find({ where: { communityId, submittedAt: { $gte: start - 366 * DAY, $lt: end } }, limit: 2000 }),
  ])
  const vendorChecks = new Map(await Promise.all(vendors.map(async (v) => [v._id, await checksSince(ctx, v._id, month)] as const)))
  return { communityId, month, start, end, rollup, routes, rounds, vacancies, checks, vendors, vendorChecks, fixes, decorations }
}
type CommunityMonth = Awaited<ReturnType<typeof communityMonth>>

/**
 * One 管理员's zone for a month, from what each part already keeps: the month rollup for tickets
 * (no second counting loop), the rounds against the routes' schedules, the vacancies and their
 * checks, the firms' scores. A score of his zone: the firms' department tickets in his buildings.
 */
export async function zoneFigures(ctx: Ctx, m: CommunityMonth, manager: UserDoc): Promise<z.output<typeof ZoneReportView>> {
  const { communityId, month, start, end } = m
  const zone = manager.staff?.zone ?? []
  const inZone = { communityId, building: { $in: zone } } as Filter
  const scope = { communityId, buildings: zone }
  const [households, open, overdue, kept] = await Promise.all([
    ctx.store.c.houses.count(inZone),
    ctx.store.c.tickets.count({ ...inZone, open: true } as Filter),
    ctx.store.c.tickets.count({ ...inZone, overdue: true } as Filter),
    ctx.store.c.zoneReports.get(`${communityId}_${month}_${manager._id}`),
  ])
  const mine = m.routes.filter((r) => coversAll(scope, communityId, r.buildings))
  const vacant = m.vacancies.filter((v) => zone.includes(v.building) && v.since < end && (v.endedAt === undefined || v.endedAt >= start))
  const vacantIds = new Set(vacant.map((v) => v.houseId))
  return {
    managerOpenid: manager._id,
    managerName: manager.staff?.name ?? '',
    zone,
    month,
    partial: month === shanghaiMonth(ctx.now),
    tickets: ticketFigures(totalOf(scopeCells(m.rollup.cells, zone)), households),
    open,
    overdue,
    patrol: patrolFigures(
      mine.map((r) => ({ id: r._id, schedule: r.schedule })),
      m.rounds,
      month,
      ctx.now,
    ),
    vacancy: { vacant: vacant.length, checked: m.checks.filter((c) => vacantIds.has(c.houseId)).length },
    decoration: decorationFigures(
      m.decorations.filter((d) => zone.includes(d.building)),
      ...monthDates(month),
      start,
      end,
    ),
    vendors: m.vendors.map((v) => ({
      name: v.name,
      service: v.service,
      ...pick(scoreIn(v, m.rollup, m.vendorChecks.get(v._id) ?? [], zone)),
      openFixes: m.fixes.filter((f) => f.vendorId === v._id).length,
    })),
    ...(kept ? { comment: kept.comment, submittedAt: kept.submittedAt } : {}),
  }
}
