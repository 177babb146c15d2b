import { canCause, type TicketEvent } from '../../src/core/tickets/machine'
import type { Actor, Role, TicketDoc } from '../../src/core/tickets/types'
import type { Ctx } from '../lib/runtime/context'

/**
 * The role a caller acts in for one event. People may hold several (a 客服主任 who also
 * answers the phone); we pick the one the event allows, and `handler` only on their own ticket.
 */
export function actorFor(ctx: Ctx, event: TicketEvent | null, ticket?: Pick<TicketDoc, 'assignee'>): Actor {
  const roles = ctx.callers as Role[]
  const name = ctx.user?.staff?.name ?? ctx.user?.nickname ?? '住户'
  const staff = roles.filter((r) => r !== 'resident')
  let role: Role | undefined
  if (event) {
    const able = roles.filter((r) => canCause(event, r))
    role =
      (able.includes('handler') && ticket?.assignee === ctx.openid ? 'handler' : undefined) ??
      able.find((r) => r !== 'handler' && r !== 'resident') ??
      able.find((r) => r === 'resident') ??
      able[0]
  }
  role ??= staff.find((r) => r !== 'handler') ?? staff[0] ?? 'resident'
  return { openid: ctx.openid, role, name: role === 'resident' ? (ctx.user?.nickname ?? '住户') : name }
}

export const isStaff = (ctx: Ctx) => ctx.callers.some((c) => c !== 'resident')
