import { AppError } from '../../../src/core/shared/errors'
import { DEPARTMENT_LABELS } from '../../../src/core/shared/roles'
import type { UserDoc } from '../../../src/core/account/types'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { meet, resumeSla } from '../../../src/core/tickets/sla'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { act } from '../../lib/tickets/act'
import { addEvent } from '../../lib/tickets/events'
import { tellResidents, tellStaff } from '../../lib/tickets/tell'

async function handlerOf(ctx: Ctx, openid: string) {
  const u = await ctx.store.c.users.get(openid)
  if (!u?.staff?.roles.includes('handler') || u.staff.communityId !== ctx.user?.staff?.communityId) {
    throw new AppError('INVALID_INPUT', '请选择本小区的维修/服务人员', { assignee: '请选择本小区的维修/服务人员' })
  }
  return u
}

/** The department travels with the handler; a dispatch is also the agent's first response. */
const assign = (t: TicketDoc, u: UserDoc, now: number, ctx: Ctx): TicketDoc => ({
  ...t,
  assignee: u._id,
  assigneeName: u.staff!.name,
  department: u.staff!.department,
  owner: t.owner ?? ctx.openid,
  respondedAt: t.respondedAt ?? now,
  sla: meet(t.sla, 'respond', now),
})

export const dispatch: Handler<typeof ticketsContract.dispatch> = async (ctx, { ticketId, assignee, note }) => {
  const u = await handlerOf(ctx, assignee)
  try {
    return await act(ctx, ticketId, 'dispatch', {
      apply: (t, s) => assign(t, u, s.now, ctx),
      async after(t, s) {
        const dept = t.department ? DEPARTMENT_LABELS[t.department as keyof typeof DEPARTMENT_LABELS] : ''
        await addEvent(s.tx, t, 'dispatched', s.actor, s.now, `派单给${dept}${t.assigneeName}`, { data: { assignee: t.assignee } })
        // Words for the handler ("带 6 分接头", "住户脾气急") are staff business, never the resident's timeline.
        if (note) await addEvent(s.tx, t, 'note', s.actor, s.now, `给师傅的备注：${note}`, { internal: true })
        await tellStaff(s.tx, t, s.now, [t.assignee!], '新派单', `${t.place}：${t.description.slice(0, 40)}`, 'newOrder')
        await tellResidents(s.tx, t, s.now, '工单已派单', `已安排${t.assigneeName}师傅处理，接单后会告诉您上门时间`)
      },
    })
  } catch (e) {
    // Two agents dispatching at once: the loser finds it already dispatched and is told so plainly.
    if ((e as { code?: string }).code === 'INVALID_STATE') {
      const t = await ctx.store.c.tickets.get(ticketId)
      if (t?.assignee) throw new AppError('CONFLICT', `该工单已派给${t.assigneeName}，请刷新`)
    }
    throw e
  }
}

export const reassign: Handler<typeof ticketsContract.reassign> = async (ctx, { ticketId, assignee, reason }) => {
  const u = await handlerOf(ctx, assignee)
  return act(ctx, ticketId, 'reassign', {
    apply: (t, s) => {
      if (s.before.assignee === u._id) throw new AppError('INVALID_INPUT', '已经派给这位师傅了', { assignee: '已经派给这位师傅了' })
      // The machine sends a paused ticket back to `dispatched`: its clock runs again, so resume it
      // properly — deadlines move later by the time spent paused, never lost.
      const running = { ...t, pausedFrom: undefined, pauseReason: undefined, sla: resumeSla(t.sla, s.now, s.rules.calendar) }
      return assign(running, u, s.now, ctx)
    },
    async after(t, s) {
      await addEvent(s.tx, t, 'reassigned', s.actor, s.now, `改派给${t.assigneeName}`, { data: { from: s.before.assignee, to: t.assignee } })
      await addEvent(s.tx, t, 'note', s.actor, s.now, `改派原因：${reason}`, { internal: true })
      await tellStaff(s.tx, t, s.now, [t.assignee!], '新派单（改派）', `${t.place}：${t.description.slice(0, 40)}`, 'newOrder')
      if (s.before.assignee) await tellStaff(s.tx, t, s.now, [s.before.assignee], '工单已改派', `${t.no} 已改派给${t.assigneeName}`, 'ticketAlert', '改派')
      await tellResidents(s.tx, t, s.now, '工单已改派', `已改由${t.assigneeName}师傅为您处理`)
    },
  })
}
