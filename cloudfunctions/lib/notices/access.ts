import { AppError } from '../../../src/core/shared/errors'
import { coversAll, scopeOf } from '../../../src/core/access/scope'
import type { Audience, NoticeDoc } from '../../../src/core/notices/types'
import { audienceBuildings } from '../../../src/core/notices/rules'
import type { House } from '../../../src/core/community/types'
import type { Ctx } from '../runtime/context'
import { assertCoversAll, officeScope } from '../runtime/scope'

/** Staff act on notices whose whole audience is inside their staff scope (a zone: every building of it). */
export function assertCanManage(ctx: Ctx, communityId: string, buildings: string[]) {
  assertCoversAll(ctx, communityId, buildings, '只能向您管辖的楼栋发布')
}

/** The same rule as a yes/no, for lists that show only what the caller may act on. */
export const canManage = (ctx: Ctx, n: Pick<NoticeDoc, 'communityId' | 'buildings'>) => coversAll(scopeOf(ctx.user?.staff), n.communityId, n.buildings)

export async function loadForStaff(ctx: Ctx, id: string) {
  const n = await ctx.store.c.notices.get(id)
  if (!n || n.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '公告不存在')
  assertCanManage(ctx, n.communityId, n.buildings)
  return n
}

export const staffCommunity = (ctx: Ctx) => officeScope(ctx).communityId

const badAudience = (message: string) => new AppError('INVALID_INPUT', message, { audience: message })

/**
 * An audience as staff picked it, checked against the community (every building, unit and room
 * exists) and the caller's scope; targets deduplicated, none for the whole community.
 */
export async function checkedAudience(ctx: Ctx, input: Audience) {
  const communityId = staffCommunity(ctx)
  if (input.scope !== 'community' && input.targets.length === 0) throw badAudience('请选择发布范围')
  const audience: Audience = { scope: input.scope, targets: input.scope === 'community' ? [] : [...new Set(input.targets)] }
  let houses: House[] = []
  if (audience.scope === 'rooms') {
    houses = await ctx.store.c.houses.find({ where: { _id: { $in: audience.targets } }, limit: audience.targets.length })
    if (houses.length !== audience.targets.length || houses.some((h) => h.communityId !== communityId)) throw badAudience('房号不存在')
  } else if (audience.scope !== 'community') {
    const community = await ctx.store.c.communities.get(communityId)
    const known = new Set((community?.buildings ?? []).flatMap((b) => [b.no, ...b.units.map((u) => `${b.no}-${u}`)]))
    if (audience.targets.some((t) => !known.has(t) || (audience.scope === 'buildings') === t.includes('-')))
      throw badAudience(audience.scope === 'buildings' ? '楼栋不存在' : '单元不存在')
  }
  const buildings = audienceBuildings(audience, houses)
  assertCanManage(ctx, communityId, buildings)
  return { communityId, audience, buildings }
}
