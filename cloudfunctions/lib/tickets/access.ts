import { AppError } from '../../../src/core/shared/errors'
import { OFFICE_ROLES, scopeOf } from '../../../src/core/access/scope'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { ActorRole } from '../../../src/core/shared/roles'
import type { Ctx } from '../runtime/context'
import { assertInScope, inScope } from '../runtime/scope'
import { residentOf } from './resident'

/**
 * The roles the caller holds on this ticket, and so what they may see and do with it. Resident:
 * see `residentOf`. Front office: the ticket is inside their staff scope. Handler: it is
 * assigned to them. A staff member personally bound to the house is only a resident here — a
 * binding never grants staff powers.
 */
export function rolesOn(ctx: Ctx, t: TicketDoc): ActorRole[] {
  const roles: ActorRole[] = []
  if (residentOf(ctx, t)) roles.push('resident')
  if (inScope(ctx, t)) roles.push(...OFFICE_ROLES.filter((r) => ctx.callers.includes(r)))
  if (ctx.callers.includes('handler') && t.assignee === ctx.openid) roles.push('handler')
  return roles
}

/** Staff on this ticket: internal notes, full numbers and staff steps are theirs, not a resident's. */
export const asStaff = (ctx: Ctx, t: TicketDoc) => rolesOn(ctx, t).some((r) => r !== 'resident')

/** Front office on this ticket (in scope), not only its resident or its handler. */
export const asOffice = (roles: readonly string[]) => roles.some((r) => r !== 'resident' && r !== 'handler')

/**
 * May this caller see the ticket at all? Refusals say NOT_FOUND, so ids cannot be probed; front
 * office staff are told when a ticket is outside their zone or community instead.
 */
export function assertCanSee(ctx: Ctx, t: TicketDoc) {
  if (rolesOn(ctx, t).length) return
  if (scopeOf(ctx.user?.staff)) assertInScope(ctx, t)
  throw new AppError('NOT_FOUND', '工单不存在')
}

/** Staff-only steps (link, merge, internal notes): as staff of this ticket, not as its resident. */
export function assertStaffOn(ctx: Ctx, t: TicketDoc) {
  assertCanSee(ctx, t)
  if (!asStaff(ctx, t)) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
}

export async function loadTicket(ctx: Ctx, id: string) {
  const t = await ctx.store.c.tickets.get(id)
  if (!t) throw new AppError('NOT_FOUND', '工单不存在')
  assertCanSee(ctx, t)
  return t
}
