import { coversAll, scopeOf } from '../../../src/core/access/scope'
import { periodOf, roundState, scheduleLabel } from '../../../src/core/inspections/schedule'
import type { patrolContract } from '../../../src/core/patrol/contracts'
import { qrPayload } from '../../../src/core/patrol/types'
import { AppError } from '../../../src/core/shared/errors'
import type { Handler } from '../../lib/runtime/handler'
import { canWalk } from '../../lib/patrol/access'

/** The routes the caller walks or oversees, each with this period's round: one read for the routes, one per round. */
export const rounds: Handler<typeof patrolContract.rounds> = async (ctx) => {
  const communityId = ctx.user?.staff?.communityId
  if (!communityId) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  const routes = (await ctx.store.c.routes.find({ where: { communityId }, orderBy: [['name', 'asc']], limit: 200 })).filter((r) => canWalk(ctx, r))
  const items = await Promise.all(
    routes.map(async (r) => {
      const p = periodOf(r.schedule, ctx.now)
      const round = await ctx.store.c.rounds.get(`${r._id}_${p.key}`)
      return {
        routeId: r._id,
        name: r.name,
        scheduleLabel: scheduleLabel(r.schedule),
        ownerName: r.ownerName,
        dueAt: p.dueAt,
        state: roundState(p, round, ctx.now),
        ...(round ? { roundId: round._id } : {}),
        points: r.checkpointIds.length,
        checked: round?.points.length ?? 0,
        missed: round?.missed.length ?? 0,
        findings: round?.findings ?? 0,
      }
    }),
  )
  // His own rounds first, the ones he oversees after; overdue and unfinished before done.
  const rank = { overdue: 0, running: 1, todo: 2, late: 3, done: 3 }
  const mine = new Set(routes.filter((r) => r.ownerOpenid === ctx.openid).map((r) => r._id))
  const own = (id: string) => (mine.has(id) ? 0 : 1)
  items.sort((a, b) => own(a.routeId) - own(b.routeId) || rank[a.state] - rank[b.state] || a.dueAt - b.dueAt)
  return { items, canPrint: scopeOf(ctx.user?.staff) !== null }
}

/** The printable sheet: every checkpoint in the caller's scope, with the text its QR code carries. */
export const sheet: Handler<typeof patrolContract.sheet> = async (ctx) => {
  const scope = scopeOf(ctx.user?.staff)
  if (!scope) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  const cps = await ctx.store.c.checkpoints.find({ where: { communityId: scope.communityId }, orderBy: [['building', 'asc']], limit: 1000 })
  return {
    communityName: (await ctx.store.c.communities.get(scope.communityId))?.name ?? '',
    items: cps
      .filter((c) => coversAll(scope, c.communityId, [c.building]))
      .map((c) => ({ id: c._id, name: c.name, building: c.building, payload: qrPayload(c) })),
  }
}
