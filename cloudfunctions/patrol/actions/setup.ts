import { randomBytes } from 'node:crypto'
import { coversAll, scopeOf, type Scope } from '../../../src/core/access/scope'
import { itemView } from '../../../src/core/inspections/contracts'
import { scheduleLabel } from '../../../src/core/inspections/schedule'
import type { patrolContract } from '../../../src/core/patrol/contracts'
import { mayOwnRoute, scheduleProblems } from '../../../src/core/patrol/setup'
import { checklistOf } from '../../../src/core/inspections/drafts'
import type { CheckpointDoc, RouteDoc } from '../../../src/core/patrol/types'
import { AppError } from '../../../src/core/shared/errors'
import { pageUrl } from '../../../src/core/shared/pages'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { auditChange } from '../../lib/runtime/audit'
import { notify } from '../../lib/outbox/notify'
import { communityStaff } from '../../lib/tickets/tell'

function officeOf(ctx: Ctx): Scope {
  const scope = scopeOf(ctx.user?.staff)
  if (!scope) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  return scope
}

const fail = (problems: Record<string, string>) => {
  if (Object.keys(problems).length) throw new AppError('INVALID_INPUT', Object.values(problems)[0], problems)
}

/** Everything the setup page shows, in the caller's scope: two reads for the points and routes, one for the staff. */
async function setupView(ctx: Ctx, scope: Scope) {
  const [community, cps, routes, staff] = await Promise.all([
    ctx.store.c.communities.get(scope.communityId),
    ctx.store.c.checkpoints.find({ where: { communityId: scope.communityId }, orderBy: [['building', 'asc']], limit: 1000 }),
    ctx.store.c.routes.find({ where: { communityId: scope.communityId }, orderBy: [['name', 'asc']], limit: 200 }),
    communityStaff(ctx.store, scope.communityId),
  ])
  const mine = routes.filter((r) => coversAll(scope, r.communityId, r.buildings))
  return {
    buildings: (community?.buildings ?? []).map((b) => b.no).filter((b) => !scope.buildings || scope.buildings.includes(b)),
    points: cps
      .filter((c) => coversAll(scope, c.communityId, [c.building]))
      .map((c) => ({
        id: c._id,
        name: c.name,
        building: c.building,
        items: c.items.map((i) => ({ ...itemView(i), ...(i.category ? { category: i.category } : {}) })),
        routes: mine.filter((r) => r.checkpointIds.includes(c._id)).map((r) => r.name),
      })),
    routes: mine.map((r) => ({
      id: r._id,
      name: r.name,
      schedule: r.schedule,
      scheduleLabel: scheduleLabel(r.schedule),
      ownerOpenid: r.ownerOpenid,
      ownerName: r.ownerName,
      checkpointIds: r.checkpointIds,
    })),
    // Himself first: the one a new route most often belongs to.
    walkers: staff
      .filter((u) => u.staff && mayOwnRoute(u.staff))
      .sort((a, b) => Number(b._id === ctx.openid) - Number(a._id === ctx.openid))
      .map((u) => ({ openid: u._id, name: u.staff!.name })),
  }
}

export const setup: Handler<typeof patrolContract.setup> = async (ctx) => setupView(ctx, officeOf(ctx))

/**
 * A new point gets its own QR secret (scanning proves someone stood there) and an id fixed by the
 * form, so a retried 保存 adds it once; a moved point moves the routes' buildings with it.
 */
export const savePoint: Handler<typeof patrolContract.savePoint> = async (ctx, { id, requestId, name, building, items: drafts }) => {
  const scope = officeOf(ctx)
  const community = await ctx.store.c.communities.get(scope.communityId)
  if (!community?.buildings.some((b) => b.no === building)) throw new AppError('INVALID_INPUT', '楼栋不存在', { building: '楼栋不存在' })
  if (!coversAll(scope, scope.communityId, [building])) throw new AppError('FORBIDDEN', '这栋楼不在您的管辖范围')
  const pointId = id ?? `${scope.communityId}-cp-${requestId}`
  const before = await ctx.store.c.checkpoints.get(pointId)
  if (id && (!before || before.communityId !== scope.communityId)) throw new AppError('NOT_FOUND', '巡查点不存在')
  if (before && !coversAll(scope, before.communityId, [before.building])) throw new AppError('FORBIDDEN', '这个点位不在您的管辖范围')
  // Ids from this form's own request id: an item added later never takes the id of one removed before.
  const { items, problems } = checklistOf(drafts, before?.items ?? [], (k) => `${requestId.slice(-8)}.${k}`)
  fail(problems)
  const routes =
    before && before.building !== building
      ? (await ctx.store.c.routes.find({ where: { communityId: scope.communityId }, limit: 200 })).filter((r) => r.checkpointIds.includes(pointId))
      : []
  const others = routes.length
    ? new Map(
        (await ctx.store.c.checkpoints.find({ where: { _id: { $in: [...new Set(routes.flatMap((r) => r.checkpointIds))] } }, limit: 1000 })).map((c) => [
          c._id,
          c.building,
        ]),
      )
    : new Map<string, string>()

  await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.checkpoints.get(pointId)
    // The same new-point form again: it is there already.
    if (!id && cur) return
    const next: CheckpointDoc = {
      _id: pointId,
      communityId: scope.communityId,
      building,
      name,
      code: cur?.code ?? randomBytes(12).toString('hex'),
      items,
      createdAt: cur?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    }
    await tx.c.checkpoints.set(next)
    for (const r of routes) {
      const buildings = [...new Set(r.checkpointIds.map((c) => (c === pointId ? building : (others.get(c) ?? ''))).filter(Boolean))].sort()
      await tx.c.routes.set({ ...r, buildings, updatedAt: ctx.now })
    }
    await auditChange(tx, ctx, scope.communityId, {
      kind: 'patrolSetup',
      summary: `${cur ? '修改' : '新增'}巡查点：${building}栋 ${name}（${items.length} 项）`,
      before: cur,
      after: next,
    })
  })
  return setupView(ctx, scope)
}

/** A route over points in his scope, walked by someone who may walk it; its new owner hears of it. */
export const saveRoute: Handler<typeof patrolContract.saveRoute> = async (ctx, { id, requestId, name, checkpointIds, schedule, ownerOpenid }) => {
  const scope = officeOf(ctx)
  fail(scheduleProblems(schedule))
  if (new Set(checkpointIds).size !== checkpointIds.length) throw new AppError('INVALID_INPUT', '点位重复', { checkpointIds: '点位重复' })
  const routeId = id ?? `${scope.communityId}-rt-${requestId}`
  const [before, cps, owner] = await Promise.all([
    ctx.store.c.routes.get(routeId),
    ctx.store.c.checkpoints.find({ where: { _id: { $in: checkpointIds } }, limit: checkpointIds.length }),
    ctx.store.c.users.get(ownerOpenid),
  ])
  if (id && (!before || before.communityId !== scope.communityId)) throw new AppError('NOT_FOUND', '巡查路线不存在')
  if (before && !coversAll(scope, before.communityId, before.buildings)) throw new AppError('FORBIDDEN', '这条路线不在您的管辖范围')
  const byId = new Map(cps.map((c) => [c._id, c]))
  const points = checkpointIds.map((c) => byId.get(c))
  if (points.some((p) => !p || p.communityId !== scope.communityId)) throw new AppError('INVALID_INPUT', '点位不存在', { checkpointIds: '点位不存在' })
  const buildings = [...new Set(points.map((p) => p!.building))].sort()
  if (!coversAll(scope, scope.communityId, buildings)) throw new AppError('FORBIDDEN', '有点位不在您的管辖范围')
  if (!owner?.staff || owner.staff.communityId !== scope.communityId || !mayOwnRoute(owner.staff))
    throw new AppError('INVALID_INPUT', '巡查人须为本小区的管理员、客服或保安', { ownerOpenid: '巡查人须为本小区的管理员、客服或保安' })

  await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.routes.get(routeId)
    if (!id && cur) return
    const next: RouteDoc = {
      _id: routeId,
      communityId: scope.communityId,
      name,
      checkpointIds,
      buildings,
      schedule: schedule.every === 'daily' ? { every: 'daily', dueBy: schedule.dueBy } : schedule,
      ownerOpenid,
      ownerName: owner.staff!.name,
      createdAt: cur?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    }
    await tx.c.routes.set(next)
    await auditChange(tx, ctx, scope.communityId, {
      kind: 'patrolSetup',
      summary: `${cur ? '修改' : '新增'}巡查路线：${name}（${checkpointIds.length} 个点位，${scheduleLabel(next.schedule)}，${next.ownerName}）`,
      before: cur,
      after: next,
    })
    if (cur?.ownerOpenid !== ownerOpenid && ownerOpenid !== ctx.openid)
      await notify(tx, ctx.now, {
        openid: ownerOpenid,
        title: `巡查路线：${name}`,
        body: `${ctx.user?.staff?.name ?? ''} 安排您巡查「${name}」，${scheduleLabel(next.schedule)}完成，共 ${checkpointIds.length} 个点位。`,
        page: pageUrl('zonePatrol'),
      })
  })
  return setupView(ctx, scope)
}
