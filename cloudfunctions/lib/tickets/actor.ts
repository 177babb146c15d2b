import { canCause, type TicketEvent } from '../../../src/core/tickets/machine'
import type { Actor, TicketDoc } from '../../../src/core/tickets/types'
import type { ActorRole } from '../../../src/core/shared/roles'
import type { Ctx } from '../runtime/context'
import { rolesOn } from './access'

/**
 * The role a caller acts in for one event. People may hold several (a 客服主任 who also
 * answers the phone); we pick the one the event allows. On a ticket, only the roles they hold
 * on it count (rolesOn: their scope, their assignment, their house).
 */
export function actorFor(ctx: Ctx, event: TicketEvent | null, ticket?: TicketDoc): Actor {
  const roles = ticket ? rolesOn(ctx, ticket) : ctx.callers.map((c): ActorRole => (c === 'signedIn' ? 'resident' : c))
  const name = ctx.user?.staff?.name ?? ctx.user?.nickname ?? '住户'
  const staff = roles.filter((r) => r !== 'resident')
  let role: ActorRole | undefined
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
