import { AppError } from '../../../src/core/shared/errors'
import { covers, coversAll, narrow, scopeOf, type Scope } from '../../../src/core/access/scope'
import type { Filter } from '../ports/store'
import type { Ctx } from './context'

/**
 * The server side of the staff scope (src/core/access/scope.ts): every staff action and every
 * staff list, count and tile asks here what the caller may reach, so the rule is written once.
 */

/** The caller's front-office scope; FORBIDDEN for a handler or a resident. */
export function officeScope(ctx: Ctx): Scope {
  const s = scopeOf(ctx.user?.staff)
  if (!s) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  return s
}

/** The caller's community: every team, settings and callback change is made in, and audited under, it. */
export const communityOf = (ctx: Ctx): string => officeScope(ctx).communityId

/** May the caller act as staff on this record? A yes/no for views (internal notes, full phones). */
export const inScope = (ctx: Ctx, place: { communityId: string; building?: string }) => covers(scopeOf(ctx.user?.staff), place)

/** Act on a record only inside the scope; the message says which edge was crossed. */
export function assertInScope(ctx: Ctx, place: { communityId: string; building?: string }) {
  const s = officeScope(ctx)
  if (s.communityId !== place.communityId) throw new AppError('FORBIDDEN', '无权处理其他小区的事务')
  if (!covers(s, place)) throw new AppError('FORBIDDEN', '该楼栋不在您的管辖范围')
}

/** A record that reaches several buildings (a notice): all of them must be inside. */
export function assertCoversAll(ctx: Ctx, communityId: string, buildings: readonly string[], message: string) {
  const s = officeScope(ctx)
  if (s.communityId !== communityId) throw new AppError('FORBIDDEN', '无权处理其他小区的事务')
  if (!coversAll(s, communityId, buildings)) throw new AppError('FORBIDDEN', message)
}

/**
 * The `where` of a staff list: the caller's community and, for a zone, its buildings. A building
 * the caller asks for narrows it; one outside the scope is refused, never read.
 */
export function scopeWhere(ctx: Ctx, building?: string): Filter {
  const s = officeScope(ctx)
  const buildings = narrow(s, building)
  if (buildings && !buildings.length && building !== undefined) throw new AppError('FORBIDDEN', '该楼栋不在您的管辖范围')
  if (!buildings) return { communityId: s.communityId }
  return { communityId: s.communityId, building: buildings.length === 1 ? buildings[0] : { $in: buildings } }
}

/** A house the caller serves as staff (the community, or a 管理员's zone); another community's is NOT_FOUND, so ids are not probed. */
export async function staffHouse(ctx: Ctx, houseId: string) {
  const house = await ctx.store.c.houses.get(houseId)
  if (!house || house.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '房屋不存在')
  if (!covers(scopeOf(ctx.user?.staff), house)) throw new AppError('FORBIDDEN', '这套房屋不在您的管辖范围')
  return house
}
