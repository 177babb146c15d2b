import { maskPhone } from '../../../src/core/shared/phone'
import { isOverdue } from '../../../src/core/tickets/escalation'
import { promiseText } from '../../../src/core/tickets/promise'
import { nextPromise } from '../../../src/core/tickets/sla'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Ctx } from '../runtime/context'

/**
 * The handler sees the resident's whole number once he has taken the job (接单), not while it is
 * only offered to him: a job he turns down leaves no number behind.
 */
export const handlerHasPhone = (t: Pick<TicketDoc, 'assignee' | 'status'>, openid: string) => t.assignee === openid && t.status !== 'dispatched'

/** The list view of a ticket. The phone is shown whole only to the handler who will call. */
export function summary(t: TicketDoc, ctx: Pick<Ctx, 'openid' | 'now'>) {
  const open = !['resolved', 'closed', 'cancelled', 'merged'].includes(t.status) && t.status !== 'paused'
  const next = open ? nextPromise(t.sla, ctx.now) : null
  return {
    id: t._id,
    no: t.no,
    type: t.type,
    category: t.category,
    scope: t.scope,
    status: t.status,
    priority: t.priority,
    emergency: t.emergency,
    place: t.place,
    building: t.building,
    description: t.description,
    reporterName: t.reporter.name,
    reporterPhone: handlerHasPhone(t, ctx.openid) ? t.reporter.phone : maskPhone(t.reporter.phone),
    assigneeName: t.assigneeName,
    department: t.department,
    overdue: isOverdue(t, ctx.now),
    ...(next ? { next } : {}),
    promise: promiseText(t, ctx.now),
    mergedInto: t.mergedInto,
    mergedIntoNo: t.mergedIntoNo,
    respondedAt: t.respondedAt,
    urgeCount: t.urgeCount,
    ...(t.window ? { window: t.window } : {}),
    ...(t.visit ? { visit: { start: t.visit.start, end: t.visit.end } } : {}),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  }
}
