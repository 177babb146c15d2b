import { AppError } from '../../src/core/shared/errors'
import { withinZone } from '../../src/core/notices/rules'
import type { NoticeDoc } from '../../src/core/notices/types'
import { assertStaffScope, hasRole, type Ctx } from '../lib/runtime/context'

const zoneOnly = (ctx: Ctx) => hasRole(ctx, 'manager') && !hasRole(ctx, 'agent', 'supervisor')

/** Staff act on their community's notices; a 管理员 who is nothing else, only on audiences inside their zone. */
export function assertCanManage(ctx: Ctx, communityId: string, buildings: string[]) {
  assertStaffScope(ctx, communityId)
  if (zoneOnly(ctx) && !withinZone(buildings, ctx.user?.staff?.zone ?? [])) throw new AppError('FORBIDDEN', '只能向您管辖的楼栋发布')
}

/** The same rule as a yes/no, for lists that show only what the caller may act on. */
export const canManage = (ctx: Ctx, n: Pick<NoticeDoc, 'communityId' | 'buildings'>) =>
  ctx.user?.staff?.communityId === n.communityId && (!zoneOnly(ctx) || withinZone(n.buildings, ctx.user?.staff?.zone ?? []))

export async function loadForStaff(ctx: Ctx, id: string) {
  const n = await ctx.store.collection<NoticeDoc>('notices').get(id)
  if (!n || n.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '公告不存在')
  assertCanManage(ctx, n.communityId, n.buildings)
  return n
}

export const staffCommunity = (ctx: Ctx) => {
  const c = ctx.user?.staff?.communityId
  if (!c) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  return c
}
