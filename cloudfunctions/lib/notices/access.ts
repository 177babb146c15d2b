import { AppError } from '../../../src/core/shared/errors'
import { coversAll, scopeOf } from '../../../src/core/access/scope'
import type { NoticeDoc } from '../../../src/core/notices/types'
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
