import { AppError } from '../../../src/core/shared/errors'
import { formatTime } from '../../../src/core/shared/time'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { spoken } from '../../../src/core/tickets/promise'
import { visitProblem, windowText } from '../../../src/core/tickets/visit'
import { agreeVisit, computeSla, meet, pauseSla, resumeSla } from '../../../src/core/tickets/sla'
import { PAUSE_LABELS } from '../../../src/core/tickets/types'
import type { Handler } from '../../lib/runtime/handler'
import { act } from '../../lib/tickets/act'
import { billRepairFee, feeBillId } from '../../lib/tickets/fee'
import { resolveTicket } from '../../lib/tickets/resolve'
import { addEvent } from '../../lib/tickets/events'
import { tellResidents, tellStaff } from '../../lib/tickets/tell'
import { requireOwnUploads } from '../../lib/files/uploads'
import { surveyTicket } from '../../lib/surveys/jobs'
import { callbackPolicyOf } from '../../lib/surveys/policy'
import { callbackPlan } from '../../../src/core/surveys/rules'
import { yuan } from '../../../src/core/shared/money'

/**
 * 接单. For a home repair the handler first agrees the visit with the resident (he calls; the
 * number is his once it is assigned): that window is recorded, the resident is told it, and its
 * end becomes the arrive promise, so the clock measures what was agreed, not a guess.
 */
export const accept: Handler<typeof ticketsContract.accept> = (ctx, { ticketId, visit }) => {
  const wrong = visit && visitProblem(visit, ctx.now)
  if (wrong) throw new AppError('INVALID_INPUT', wrong, { visit: wrong })
  return act(ctx, ticketId, 'accept', {
    apply: (t, s) => (visit && t.scope === 'home' ? { ...t, visit: { ...visit, agreedAt: s.now }, sla: agreeVisit(t.sla, visit.end, s.now, s.rules.sla) } : t),
    async after(t, s) {
      const eta = t.visit
        ? `，约好 ${windowText(t.visit, s.now)} 上门`
        : t.sla.arrive && t.sla.arrive.metAt === undefined
          ? `，预计 ${spoken(t.sla.arrive.due, s.now)} 前上门`
          : ''
      await addEvent(s.tx, t, 'accepted', s.actor, s.now, `已接单${eta}`)
      await tellResidents(s.tx, t, s.now, '师傅已接单', `${t.assigneeName}师傅已接单${eta}`)
    },
  })
}

/**
 * 改约: the visit agreed at 接单 moves (the resident asked, a part is late). The arrive promise
 * follows the new window, the resident is told, and each move is counted on the visit, so a
 * 客服主任 sees a job moved three times.
 */
export const reschedule: Handler<typeof ticketsContract.reschedule> = (ctx, { ticketId, visit, reason }) => {
  const wrong = visitProblem(visit, ctx.now)
  if (wrong) throw new AppError('INVALID_INPUT', wrong, { visit: wrong })
  return act(ctx, ticketId, 'reschedule', {
    apply: (t, s) => {
      if (t.type !== 'repair' || t.scope !== 'home') throw new AppError('INVALID_STATE', '只有户内报修可以改约上门时间')
      const moved = t.visit ? (t.visit.moved ?? 0) + 1 : 0
      return { ...t, visit: { ...visit, agreedAt: s.now, ...(moved ? { moved } : {}) }, sla: agreeVisit(t.sla, visit.end, s.now, s.rules.sla) }
    },
    async after(t, s) {
      const when = windowText(t.visit!, s.now)
      await addEvent(s.tx, t, 'rescheduled', s.actor, s.now, `改约 ${when} 上门：${reason}`)
      await tellResidents(s.tx, t, s.now, '上门时间已改约', `${t.assigneeName}师傅改为 ${when} 上门：${reason}`)
      // The handler hears of a move the desk made for him.
      if (t.assignee && t.assignee !== s.actor.openid) {
        await tellStaff(s.tx, t, s.now, [t.assignee], '上门时间已改约', `${s.actor.name}改约 ${when} 上门：${reason}`, 'ticketAlert', '改约')
      }
    },
  })
}

export const decline: Handler<typeof ticketsContract.decline> = (ctx, { ticketId, reason }) =>
  act(ctx, ticketId, 'decline', {
    apply: (t) => ({ ...t, assignee: undefined, assigneeName: undefined, department: undefined }),
    async after(t, s) {
      await addEvent(s.tx, t, 'declined', s.actor, s.now, `退单：${reason}`, { internal: true })
      if (t.owner) await tellStaff(s.tx, t, s.now, [t.owner], '工单被退回', `${s.actor.name}退单：${reason}`, 'ticketAlert', '退单')
    },
  })

export const arrive: Handler<typeof ticketsContract.arrive> = (ctx, { ticketId }) =>
  act(ctx, ticketId, 'arrive', {
    apply: (t, s) => ({ ...t, arrivedAt: s.now, sla: meet(t.sla, 'arrive', s.now) }),
    async after(t, s) {
      await addEvent(s.tx, t, 'arrived', s.actor, s.now, '已到达现场')
      await tellResidents(s.tx, t, s.now, '师傅已到场', `${t.assigneeName}师傅已到达现场，开始处理`)
    },
  })

export const pause: Handler<typeof ticketsContract.pause> = (ctx, { ticketId, reason, note }) =>
  act(ctx, ticketId, 'pause', {
    apply: (t, s) => ({ ...t, pausedFrom: s.before.status, pauseReason: reason, sla: pauseSla(t.sla, s.now) }),
    async after(t, s) {
      const why = `${PAUSE_LABELS[reason]}${note ? `：${note}` : ''}`
      await addEvent(s.tx, t, 'paused', s.actor, s.now, `暂停处理（${why}）`)
      await tellResidents(s.tx, t, s.now, '工单暂停处理', `${why}，恢复后将继续为您处理`)
    },
  })

export const resume: Handler<typeof ticketsContract.resume> = (ctx, { ticketId }) =>
  act(ctx, ticketId, 'resume', {
    apply: (t, s) => ({ ...t, pausedFrom: undefined, pauseReason: undefined, sla: resumeSla(t.sla, s.now, s.rules.calendar) }),
    async after(t, s) {
      await addEvent(s.tx, t, 'resumed', s.actor, s.now, '恢复处理')
      await tellResidents(s.tx, t, s.now, '工单恢复处理', '您的工单已恢复处理')
    },
  })

export const complete: Handler<typeof ticketsContract.complete> = async (ctx, { ticketId, note, photos, costItems }) => {
  await requireOwnUploads(ctx, ctx.openid, photos)
  return act(ctx, ticketId, 'complete', {
    apply: (t, s) => {
      if (costItems.length && t.scope !== 'home') throw new AppError('INVALID_INPUT', '公共区域维修不向住户收费', { costItems: '公共区域维修不向住户收费' })
      const total = costItems.reduce((n, i) => n + i.amount, 0)
      return {
        ...t,
        resolvedAt: s.now,
        afterPhotos: photos,
        completionNote: note,
        ...(costItems.length ? { cost: { items: costItems, total }, feeBillId: feeBillId(t) } : {}),
        sla: meet(meet(t.sla, 'arrive', s.now), 'resolve', s.now),
      }
    },
    async after(t, s) {
      const fee = t.cost ? `，费用 ${yuan(t.cost.total)} 元（${t.cost.items.map((i) => `${i.name} ${yuan(i.amount)}`).join('、')}）` : ''
      await addEvent(s.tx, t, 'completed', s.actor, s.now, `完工：${note}${fee}`, { photos })
      await billRepairFee(s.tx, t, s.now)
      await tellResidents(s.tx, t, s.now, '维修已完成', `${t.assigneeName}师傅已完工${fee}${t.cost ? '，可在「账单」缴纳' : ''}，请确认是否解决`, 'ticketDone')
    },
  })
}

export const resolve: Handler<typeof ticketsContract.resolve> = (ctx, { ticketId, note }) => resolveTicket(ctx, ticketId, note)

export const confirm: Handler<typeof ticketsContract.confirm> = (ctx, { ticketId }) =>
  act(ctx, ticketId, 'confirm', {
    // surveyState: the surveys job finds done work by an indexed query and sends the 回访 survey.
    apply: (t, s) => ({ ...t, closedAt: s.now, surveyState: 'due' }),
    async after(t, s) {
      await addEvent(s.tx, t, 'confirmed', s.actor, s.now, '住户确认已解决')
      // He is on the page: the survey opens now, so the rating follows on the same screen.
      await surveyTicket(s.tx, t, s.now, callbackPlan(await callbackPolicyOf(ctx.store, t.communityId), s.now), true)
    },
  })

/** Reopened work starts over: new promises from now, back to the agents. */
export const reopen: Handler<typeof ticketsContract.reopen> = (ctx, { ticketId, reason }) =>
  act(ctx, ticketId, 'reopen', {
    apply: (t, s) => ({
      ...t,
      reopenCount: t.reopenCount + 1,
      resolvedAt: undefined,
      closedAt: undefined,
      respondedAt: undefined,
      arrivedAt: undefined,
      sla: computeSla(t, s.now, s.rules.sla, s.rules.calendar),
    }),
    async after(t, s) {
      await addEvent(s.tx, t, 'reopened', s.actor, s.now, `重新打开：${reason}`)
      const staff = [t.owner, s.before.assignee].filter((x): x is string => Boolean(x))
      await tellStaff(s.tx, t, s.now, staff, '工单被重新打开', `${t.no}：${reason}`, 'ticketAlert', '返修')
    },
  })

export const cancel: Handler<typeof ticketsContract.cancel> = (ctx, { ticketId, reason }) =>
  act(ctx, ticketId, 'cancel', {
    apply: (t, s) => ({ ...t, closedAt: s.now }),
    async after(t, s) {
      await addEvent(s.tx, t, 'cancelled', s.actor, s.now, `取消工单${reason ? `：${reason}` : ''}`)
      if (s.actor.role !== 'resident') await tellResidents(s.tx, t, s.now, '工单已取消', reason ?? `${formatTime(s.now)} 客服已取消`)
    },
  })
