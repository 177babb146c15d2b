import { AppError } from '../shared/errors'
import type { Actor, Status, TicketDoc } from './types'
import type { ActorRole } from '../shared/roles'

/**
 * The ticket state machine as a table: each event names the states it may leave, where it goes,
 * and who may cause it. Anything else is refused: FORBIDDEN for a role that may never cause the
 * event, INVALID_STATE for an event that does not apply to the ticket as it stands.
 */
export const EVENTS = {
  dispatch: { from: ['new'], to: 'dispatched', roles: ['agent', 'manager', 'supervisor'] },
  reassign: { from: ['dispatched', 'accepted', 'paused'], to: 'dispatched', roles: ['agent', 'manager', 'supervisor'] },
  accept: { from: ['dispatched'], to: 'accepted', roles: ['handler'] },
  decline: { from: ['dispatched'], to: 'new', roles: ['handler'] },
  /** A new visit time, agreed again with the resident before the handler is there. */
  reschedule: { from: ['accepted'], to: 'accepted', roles: ['handler', 'agent', 'manager', 'supervisor'] },
  arrive: { from: ['accepted'], to: 'in_progress', roles: ['handler'] },
  pause: { from: ['accepted', 'in_progress'], to: 'paused', roles: ['handler', 'agent', 'supervisor'] },
  resume: { from: ['paused'], to: 'resume', roles: ['handler', 'agent', 'supervisor'] },
  complete: { from: ['accepted', 'in_progress'], to: 'resolved', roles: ['handler'] },
  resolve: { from: ['new', 'dispatched', 'accepted', 'in_progress'], to: 'resolved', roles: ['agent', 'manager', 'supervisor'] },
  confirm: { from: ['resolved'], to: 'closed', roles: ['resident'] },
  reopen: { from: ['resolved', 'closed'], to: 'new', roles: ['resident'] },
  autoClose: { from: ['resolved'], to: 'closed', roles: ['system'] },
  cancel: { from: ['new'], to: 'cancelled', roles: ['resident', 'agent', 'supervisor'] },
  merge: { from: ['new', 'dispatched'], to: 'merged', roles: ['agent', 'supervisor'] },
} as const satisfies Record<string, { from: readonly Status[]; to: Status | 'resume'; roles: readonly ActorRole[] }>

export type TicketEvent = keyof typeof EVENTS

/** A resolved job may be reopened for 7 days; after that it is a new ticket. */
export const REOPEN_DAYS = 7
/** Resolved and not reopened for 48 hours: closed for the resident. */
export const AUTO_CLOSE_MS = 48 * 3600_000

export function canCause(event: TicketEvent, role: ActorRole) {
  return (EVENTS[event].roles as readonly ActorRole[]).includes(role)
}

/**
 * The next status, or a typed refusal. Who-may checks that need the ticket (a handler acts only
 * on their own tickets, a resident only on tickets they reported or follow) are made here too.
 */
export function transition(
  ticket: Pick<TicketDoc, 'status' | 'pausedFrom' | 'assignee' | 'reporterOpenid' | 'followers' | 'resolvedAt'>,
  event: TicketEvent,
  actor: Pick<Actor, 'role' | 'openid'>,
  now: number,
): Status {
  const spec = EVENTS[event]
  if (!canCause(event, actor.role)) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  if (actor.role === 'handler' && ticket.assignee !== actor.openid) throw new AppError('FORBIDDEN', '只能处理派给您的工单')
  if (actor.role === 'resident' && ticket.reporterOpenid !== actor.openid && !ticket.followers.includes(actor.openid)) {
    throw new AppError('FORBIDDEN', '只能处理您提交的工单')
  }
  if (!(spec.from as readonly Status[]).includes(ticket.status)) throw new AppError('INVALID_STATE', `工单当前状态不能${EVENT_LABELS[event]}`)
  if (event === 'reopen' && ticket.resolvedAt !== undefined && now - ticket.resolvedAt > REOPEN_DAYS * 86400_000) {
    throw new AppError('INVALID_STATE', `已超过 ${REOPEN_DAYS} 天，无法重新打开，请重新报事`)
  }
  if (spec.to === 'resume') return ticket.pausedFrom ?? 'accepted'
  return spec.to
}

export const EVENT_LABELS: Record<TicketEvent, string> = {
  dispatch: '派单',
  reassign: '改派',
  accept: '接单',
  decline: '退单',
  reschedule: '改约',
  arrive: '到场',
  pause: '暂停处理',
  resume: '恢复',
  complete: '完工',
  resolve: '办结',
  confirm: '确认完成',
  reopen: '重新打开',
  autoClose: '自动完成',
  cancel: '取消',
  merge: '合并',
}
