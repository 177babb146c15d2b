import { meet } from '../../../src/core/tickets/sla'
import type { Ctx } from '../runtime/context'
import { act } from './act'
import { addEvent } from './events'
import { tellResidents } from './tell'

/**
 * 办结 without a visit: the desk answered it, or the outage it was about is over. The resident is
 * told and asked to confirm, as after a repair.
 */
export const resolveTicket = (ctx: Ctx, ticketId: string, note: string) =>
  act(ctx, ticketId, 'resolve', {
    apply: (t, s) => ({
      ...t,
      resolvedAt: s.now,
      completionNote: note,
      owner: t.owner ?? ctx.openid,
      respondedAt: t.respondedAt ?? s.now,
      sla: meet(meet(t.sla, 'respond', s.now), 'resolve', s.now),
    }),
    async after(t, s) {
      await addEvent(s.tx, t, 'resolved', s.actor, s.now, `办结：${note}`)
      await tellResidents(s.tx, t, s.now, '工单已处理', note, 'ticketDone')
    },
  })
