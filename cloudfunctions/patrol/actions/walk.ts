import { AppError } from '../../../src/core/shared/errors'
import { findings, problems } from '../../../src/core/inspections/checklist'
import { periodOf } from '../../../src/core/inspections/schedule'
import type { patrolContract } from '../../../src/core/patrol/contracts'
import { codeOf, type RoundDoc } from '../../../src/core/patrol/types'
import type { Handler } from '../../lib/runtime/handler'
import { requireOwnUploads } from '../../lib/files/uploads'
import { fileFinding } from '../../lib/inspections/tickets'
import { assertOpen, loadRound, loadRoute } from '../../lib/patrol/access'
import { checkpointsOf, roundView } from '../../lib/patrol/views'

/** This period's round of a route: made on the first start, the same one after (whoever opens it next carries on). */
export const start: Handler<typeof patrolContract.start> = async (ctx, { routeId }) => {
  const route = await loadRoute(ctx, routeId)
  const p = periodOf(route.schedule, ctx.now)
  const fresh: RoundDoc = {
    _id: `${route._id}_${p.key}`,
    communityId: route.communityId,
    routeId: route._id,
    routeName: route.name,
    buildings: route.buildings,
    period: p.key,
    dueAt: p.dueAt,
    byOpenid: ctx.openid,
    byName: ctx.user?.staff?.name ?? '',
    startedAt: ctx.now,
    points: [],
    missed: [],
    findings: 0,
    updatedAt: ctx.now,
  }
  const round = await ctx.store.transaction(async (tx) => {
    const had = await tx.c.rounds.get(fresh._id)
    if (had) return had
    await tx.c.rounds.set(fresh)
    return fresh
  })
  return roundView(ctx, round, route)
}

export const round: Handler<typeof patrolContract.round> = async (ctx, { roundId }) => {
  const { round, route } = await loadRound(ctx, roundId)
  return roundView(ctx, round, route)
}

/** A scanned code names a point of this round, or the walker is told why not. */
export const scan: Handler<typeof patrolContract.scan> = async (ctx, { roundId, scanned }) => {
  const { round, route } = await loadRound(ctx, roundId)
  assertOpen(round)
  const code = codeOf(scanned.trim())
  if (!code) throw new AppError('INVALID_INPUT', '这不是巡查点的二维码', { scanned: '这不是巡查点的二维码' })
  const [cp] = await ctx.store.c.checkpoints.find({ where: { communityId: round.communityId, code }, limit: 1 })
  if (!cp) throw new AppError('NOT_FOUND', '没有这个巡查点，二维码可能已更换')
  if (!route.checkpointIds.includes(cp._id)) throw new AppError('INVALID_INPUT', `「${cp.name}」不在本路线上`, { scanned: `「${cp.name}」不在本路线上` })
  return { checkpointId: cp._id }
}

/**
 * One point's answers. Everything is checked before anything is written; each finding is filed
 * as a ticket with an id fixed by round, point and item, then the point is recorded with them in
 * one transaction. A retry after a lost answer files nothing twice and records the point once.
 */
export const check: Handler<typeof patrolContract.check> = async (ctx, { roundId, checkpointId, via, results }) => {
  const { round, route } = await loadRound(ctx, roundId)
  assertOpen(round)
  if (!route.checkpointIds.includes(checkpointId)) throw new AppError('INVALID_INPUT', '该点位不在本路线上', { checkpointId: '该点位不在本路线上' })
  if (round.points.some((p) => p.checkpointId === checkpointId)) throw new AppError('INVALID_STATE', '该点位已检查过')
  const cp = await ctx.store.c.checkpoints.get(checkpointId)
  if (!cp) throw new AppError('NOT_FOUND', '巡查点不存在')
  const wrong = problems(cp.items, results)
  if (Object.keys(wrong).length) throw new AppError('INVALID_INPUT', Object.values(wrong)[0], wrong)
  await requireOwnUploads(
    ctx,
    ctx.openid,
    results.flatMap((r) => r.photos),
  )

  const found = findings(cp.items, results)
  const ticketIds: string[] = []
  for (const f of found) {
    ticketIds.push(
      await fileFinding(ctx, `xc_${round._id}_${cp._id}_${f.item.id}`, { communityId: cp.communityId, building: cp.building, name: cp.name }, f, {
        kind: 'patrol',
        id: round._id,
        label: `${round.routeName} ${round.period}`,
      }),
    )
  }
  const next = await ctx.store.transaction(async (tx) => {
    const cur = (await tx.c.rounds.get(round._id))!
    assertOpen(cur)
    if (cur.points.some((p) => p.checkpointId === checkpointId)) return cur
    const point = { checkpointId, at: ctx.now, via, results, ticketIds }
    const updated: RoundDoc = { ...cur, points: [...cur.points, point], findings: cur.findings + found.length, updatedAt: ctx.now }
    await tx.c.rounds.set(updated)
    return updated
  })
  return roundView(ctx, next, route)
}

/** Ends the round; what was not checked is recorded as missed and counts against the route. */
export const finish: Handler<typeof patrolContract.finish> = async (ctx, { roundId }) => {
  const { round, route } = await loadRound(ctx, roundId)
  assertOpen(round)
  const points = await checkpointsOf(ctx, route)
  const next = await ctx.store.transaction(async (tx) => {
    const cur = (await tx.c.rounds.get(round._id))!
    assertOpen(cur)
    const checked = new Set(cur.points.map((p) => p.checkpointId))
    const updated: RoundDoc = { ...cur, finishedAt: ctx.now, missed: points.filter((c) => !checked.has(c._id)).map((c) => c._id), updatedAt: ctx.now }
    await tx.c.rounds.set(updated)
    return updated
  })
  return roundView(ctx, next, route, points)
}
