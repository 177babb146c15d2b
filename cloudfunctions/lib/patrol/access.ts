import { AppError } from '../../../src/core/shared/errors'
import { coversAll, scopeOf } from '../../../src/core/access/scope'
import type { RoundDoc, RouteDoc } from '../../../src/core/patrol/types'
import type { Ctx } from '../runtime/context'

/**
 * Who walks or oversees a route: its owner (a 保安 handler too), and the front office whose staff
 * scope holds every building on it (a 管理员 his zone's routes, the 客服主任 all of them).
 */
export const canWalk = (ctx: Ctx, r: Pick<RouteDoc, 'communityId' | 'buildings' | 'ownerOpenid'>) =>
  r.communityId === ctx.user?.staff?.communityId && (r.ownerOpenid === ctx.openid || coversAll(scopeOf(ctx.user?.staff), r.communityId, r.buildings))

export async function loadRoute(ctx: Ctx, routeId: string) {
  const r = await ctx.store.c.routes.get(routeId)
  if (!r || r.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '巡查路线不存在')
  if (!canWalk(ctx, r)) throw new AppError('FORBIDDEN', '这条路线不在您的管辖范围')
  return r
}

/** A round, and its route, for someone who may walk it. */
export async function loadRound(ctx: Ctx, roundId: string): Promise<{ round: RoundDoc; route: RouteDoc }> {
  const round = await ctx.store.c.rounds.get(roundId)
  if (!round || round.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '巡查记录不存在')
  return { round, route: await loadRoute(ctx, round.routeId) }
}

/** Only a round in progress takes answers; the one who checks a point is recorded with it. */
export function assertOpen(round: RoundDoc) {
  if (round.finishedAt !== undefined) throw new AppError('INVALID_STATE', '本次巡查已结束')
}
