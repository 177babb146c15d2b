import { AppError } from '../../src/core/shared/errors'
import type { TicketDoc } from '../../src/core/tickets/types'
import { assertStaffScope, hasRole, type Ctx } from '../lib/runtime/context'

/**
 * May this caller see the ticket at all? Residents: they reported it, follow it, or live in the
 * house it is about. Handlers: it is assigned to them. Other staff: their community (a 管理员 who
 * is nothing else: their zone). Refusals say NOT_FOUND to residents so ids cannot be probed.
 */
export function assertCanSee(ctx: Ctx, t: TicketDoc) {
  if (ctx.openid === t.reporterOpenid || t.followers.includes(ctx.openid)) return
  if (t.houseId && ctx.houses.some((h) => h.houseId === t.houseId)) return
  if (hasRole(ctx, 'agent', 'manager', 'supervisor')) return assertStaffScope(ctx, t.communityId, t.building)
  if (hasRole(ctx, 'handler') && t.assignee === ctx.openid) return
  throw new AppError('NOT_FOUND', '工单不存在')
}

export async function loadTicket(ctx: Ctx, id: string) {
  const t = await ctx.store.collection<TicketDoc>('tickets').get(id)
  if (!t) throw new AppError('NOT_FOUND', '工单不存在')
  assertCanSee(ctx, t)
  return t
}
