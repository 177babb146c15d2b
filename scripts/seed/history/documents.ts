import type { EventDoc } from '../../../cloudfunctions/lib/tickets/events'
import { DEPARTMENT_LABELS } from '../../../src/core/shared/roles'
import { formatTime } from '../../../src/core/shared/time'
import { COMPLAINT_CALLBACK_MS, newSurvey } from '../../../src/core/surveys/rules'
import { CALL_OUTCOME_LABELS, type CallAttempt, type CallbackDoc, type SurveyDoc } from '../../../src/core/surveys/types'
import { derive } from '../../../src/core/tickets/escalation'
import { spoken } from '../../../src/core/tickets/promise'
import { computeSla, DEFAULT_SLA } from '../../../src/core/tickets/sla'
import { DEADLINE_LABELS, type Actor, type CostItem, type EventKind, type Sla, type TicketDoc } from '../../../src/core/tickets/types'
import { CAL, type Staffer, SYSTEM, LEVEL_WORDS } from './basics'
import { type Plan, type World, priorityOf, placeOf, callEnd, callAnswer, type Rung, slaOf, slaUnmet } from './plan'
import { yuan } from '../../../src/core/shared/money'

/** Plans become the documents the functions would have written: tickets, timelines, surveys and callbacks. */

export function actorOf(s: Staffer, role: Actor['role']): Actor {
  return { openid: s.openid, role, name: s.name }
}

export interface Built {
  ticket: TicketDoc
  events: Omit<EventDoc, '_id' | 'ticketId' | 'communityId'>[]
}

export function buildTicket(w: World, p: Plan): Built {
  const no = (x: Plan) => x.no
  const resident: Actor = { openid: reporterOpenid(p), role: 'resident', name: p.reporter.name }
  const deskRole = p.desk.roles.includes('supervisor') && !p.desk.roles.includes('agent') ? 'supervisor' : 'agent'
  const desk = actorOf(p.desk, deskRole)
  const events: Built['events'] = []
  const ev = (at: number, kind: EventKind, actor: Actor, text: string, extra: { internal?: boolean; data?: Record<string, unknown> } = {}) =>
    events.push({ at, kind, actor, text, internal: extra.internal ?? false, ...(extra.data ? { data: extra.data } : {}) })

  const createdText = p.source === 'app' ? '提交了工单' : `代客登记（${p.reporter.name}）`
  ev(p.c, 'created', p.from ? SYSTEM : p.source === 'app' ? resident : actorOf(w.agent, 'agent'), createdText)
  if (p.emergency) {
    const paged = w.staff.filter((s) => s.onDuty || (s.roles.includes('manager') && s.zone?.includes(p.building)))
    ev(p.c, 'paged', SYSTEM, `已通知值班人员：${paged.map((s) => s.name).join('、') || '（无值班人员）'}`, { data: { paged: paged.map((s) => s.openid) } })
  }
  if (p.from) {
    const due = p.c + COMPLAINT_CALLBACK_MS
    ev(p.c, 'survey_complaint', SYSTEM, `由 ${p.from.plan.no} 的回访差评生成，客服主任${w.chief.name}须在 ${formatTime(due)} 前回访住户`, {
      data: { from: p.from.plan.id, surveyId: surveyIdOf(p.from.plan), dueAt: due },
    })
  }

  // The ladder's steps: the holder is warned, then the building's 管理员, then the 客服主任.
  const ladder = (rungs: Rung[], holderAt: (at: number) => Staffer[]) => {
    for (const g of rungs) {
      const who =
        g.level === 1
          ? holderAt(g.at)
          : g.level === 2
            ? w.staff.filter((s) => s.roles.includes('manager') && s.zone?.includes(p.building))
            : w.staff.filter((s) => s.roles.includes('supervisor'))
      ev(
        g.at,
        g.level === 1 ? 'warned' : 'escalated',
        SYSTEM,
        `${DEADLINE_LABELS[g.key]}${LEVEL_WORDS[g.level]}（时限 ${spoken(g.due, g.at)}），已通知${who.map((s) => s.name).join('、') || '相关人员'}`,
        {
          internal: true,
          data: { key: g.key, level: g.level, to: who.map((s) => s.openid) },
        },
      )
    }
  }
  const agents = w.staff.filter((s) => s.roles.includes('agent'))

  let sla: Sla | undefined
  const h = p.handler
  const handlerActor = h ? actorOf(h, 'handler') : undefined
  if (p.end === 'closed') {
    p.rounds.forEach((x, i) => {
      const first = i === 0
      const { sla: s, rungs } = slaOf(p, x, first)
      sla = s
      ladder(rungs, (at) => (x.dispatchAt !== undefined && at >= x.dispatchAt ? [h!] : x.replyAt !== undefined && at >= x.replyAt ? [p.desk] : agents))
      if (!first) ev(x.start, 'reopened', resident, `重新打开：${p.reason}`)
      if (x.replyAt !== undefined) ev(x.replyAt, 'reply', desk, p.from ? p.from.call.note : (p.reply ?? ''))
      if (x.dispatchAt !== undefined)
        ev(x.dispatchAt, 'dispatched', desk, `派单给${DEPARTMENT_LABELS[h!.department!]}${h!.name}`, { data: { assignee: h!.openid } })
      if (x.acceptAt !== undefined) {
        const arrive = computeSla({ type: p.type, priority: priorityOf(p), window: first ? p.window : undefined }, x.start, DEFAULT_SLA, CAL).arrive
        const eta = p.type === 'repair' && arrive ? `，预计 ${spoken(arrive.due, x.acceptAt)} 前上门` : ''
        ev(x.acceptAt, 'accepted', handlerActor!, `已接单${eta}`)
      }
      if (x.arriveAt !== undefined) ev(x.arriveAt, 'arrived', handlerActor!, '已到达现场')
      if (x.partsAt !== undefined) ev(x.partsAt, 'note', handlerActor!, '需要更换配件，已下单，到货后继续处理，已告知住户', { internal: true })
      if (h) {
        const fee =
          p.cost && i === p.rounds.length - 1 ? `，费用 ${yuan(total(p.cost))} 元（${p.cost.map((c) => `${c.name} ${yuan(c.amount)}`).join('、')}）` : ''
        ev(x.doneAt, 'completed', handlerActor!, `完工：${p.note}${fee}`)
      } else ev(x.doneAt, 'resolved', desk, `办结：${p.note}`)
    })
    if (p.closeBy === 'confirm') ev(p.closeAt, 'confirmed', resident, '住户确认已解决')
    else ev(p.closeAt, 'auto_closed', SYSTEM, '48 小时内未反馈，系统自动确认完成')
  } else {
    const unmet = slaUnmet(p)
    sla = unmet.sla
    ladder(unmet.rungs, () => agents)
    if (p.end === 'cancelled') ev(p.closeAt, 'cancelled', resident, `取消工单：${p.reason}`)
    else ev(p.closeAt, 'merged', actorOf(w.agent, 'agent'), `与 ${p.master!.no} 为同一问题，合并处理`)
  }
  for (const d of p.dups) ev(d.closeAt, 'merged_in', actorOf(w.agent, 'agent'), `合并了 ${d.no}（${d.reporter.name}）`)

  const s = p.survey
  if (s?.call) {
    s.call.attempts.forEach((x, i) => {
      const missed = i === 2 && x.outcome === 'unreached'
      const a = x.outcome === 'unreached' ? null : callAnswer({ ...s.call!, attempts: [x] })!
      const words = a
        ? `回访${CALL_OUTCOME_LABELS[x.outcome]}（${a.overall} 星${a.resolved ? '' : '，未解决'}）：${x.note}`
        : `回访未接通（第 ${i + 1} 次）${missed ? '，已关闭为未回访' : ''}：${x.note}`
      ev(x.at, 'callback', actorOf(w.agent, 'agent'), words, { internal: true, data: { outcome: x.outcome, taskId: surveyIdOf(p) } })
    })
  } else if (s?.answer) {
    const a = s.answer
    ev(
      a.at,
      'rated',
      resident,
      `住户评价：${a.overall} 星${a.resolved ? '' : '，问题未解决'}${a.tags.length ? `，${a.tags.join('、')}` : ''}${a.comment ? `：${a.comment}` : ''}`,
    )
  }
  if (p.complaint)
    ev(p.complaint.c, 'bad_rating', SYSTEM, `回访差评（${p.complaint.from!.why}），已生成投诉 ${p.complaint.no}`, {
      internal: true,
      data: { complaintId: p.complaint.id },
    })
  if (p.from)
    ev(p.from.call.at, 'callback', actorOf(w.chief, 'supervisor'), `回访${CALL_OUTCOME_LABELS.satisfied}（5 星）：${p.from.call.note}`, {
      internal: true,
      data: { outcome: 'satisfied', taskId: `cb_${p.id}` },
    })

  const last = p.rounds[p.rounds.length - 1]
  const respondedAt = last ? (last.replyAt ?? last.dispatchAt ?? last.doneAt) : undefined
  const t: TicketDoc = {
    _id: p.id,
    no: p.no,
    communityId: w.communityId,
    type: p.type,
    scope: p.scope,
    category: p.category,
    description: p.description(no),
    photos: [],
    ...(p.emergency ? { emergency: p.emergency } : {}),
    priority: priorityOf(p),
    rank: p.emergency ? 0 : 1,
    houseId: p.house._id,
    building: p.building,
    ...(p.scope === 'home' ? { room: p.house.room } : {}),
    place: placeOf(p),
    ...(p.window ? { window: p.window } : {}),
    reporter: { name: p.reporter.name, phone: p.reporter.phone },
    reporterOpenid: reporterOpenid(p),
    phoneTail: p.reporter.phone.slice(-4),
    source: p.source,
    status: p.end,
    sla: sla!,
    overdue: false,
    open: false,
    nextCheckAt: null,
    ...(last ? { respondedAt, resolvedAt: last.doneAt, ...(last.arriveAt !== undefined ? { arrivedAt: last.arriveAt } : {}) } : {}),
    closedAt: p.closeAt,
    ...(p.end === 'closed' ? { surveyState: 'sent' as const } : {}),
    reopenCount: p.rounds.length > 1 ? 1 : 0,
    ...(p.master ? { mergedInto: p.master.id, mergedIntoNo: p.master.no } : {}),
    followers: [...new Set(p.dups.map(reporterOpenid))].filter((o) => o !== reporterOpenid(p)),
    links: [...p.dups.map((d) => d.id), ...(p.complaint ? [p.complaint.id] : []), ...(p.from ? [p.from.plan.id] : [])],
    afterPhotos: [],
    ...(p.end === 'closed' ? { completionNote: p.note } : {}),
    ...(p.cost ? { cost: { items: p.cost, total: total(p.cost) } } : {}),
    ...(p.end === 'closed' ? { owner: p.desk.openid } : {}),
    ...(h ? { assignee: h.openid, assigneeName: h.name, department: h.department } : {}),
    urgeCount: 0,
    createdBy: p.from ? SYSTEM.openid : p.source === 'app' ? reporterOpenid(p) : w.agent.openid,
    createdAt: p.c,
    updatedAt: Math.max(p.closeAt, ...p.dups.map((d) => d.closeAt)),
  }
  return { ticket: derive(t, w.now), events }
}

export const total = (items: CostItem[]) => items.reduce((n, i) => n + i.amount, 0)
export const reporterOpenid = (p: Plan) => (p.offline ? `offline:${p.reporter.phone}` : `hist-${p.house._id}`)
export const surveyIdOf = (p: Plan) => `${p.id}_${p.rounds.length > 1 ? 2 : 1}`

export function buildSurvey(w: World, p: Plan, t: TicketDoc): { survey: SurveyDoc; callbacks: CallbackDoc[] } {
  const s = p.survey!
  const base = newSurvey(t, s.sentAt, null)
  const callbacks: CallbackDoc[] = []
  const survey: SurveyDoc = {
    ...base,
    state: s.answer ? 'rated' : 'missed',
    ...(s.answer ? { answer: s.answer } : {}),
    ...(s.call ? { callbackId: base._id, callbackReached: Boolean(s.answer) } : {}),
    ...(p.complaint ? { complaintId: p.complaint.id } : {}),
    updatedAt: s.updatedAt,
  }
  if (s.call) {
    callbacks.push({
      ...aboutTicket(t),
      _id: base._id,
      kind: 'routine',
      surveyId: base._id,
      state: s.answer ? 'done' : 'missed',
      dueAt: s.call.dueAt,
      attempts: s.call.attempts.map((x): CallAttempt => ({ at: x.at, by: w.agent.openid, byName: w.agent.name, outcome: x.outcome, note: x.note })),
      createdAt: s.call.createdAt,
      updatedAt: callEnd(s.call),
    })
  }
  return { survey, callbacks }
}

/** What a callback task says about its ticket and whom to call. */
const aboutTicket = (t: TicketDoc) => ({
  ticketId: t._id,
  ticketNo: t.no,
  communityId: t.communityId,
  place: t.place,
  residentName: t.reporter.name,
  phone: t.reporter.phone,
})

/** The 客服主任's task for a bad rating's complaint, done on the first call. */
export function complaintCallback(w: World, cp: Plan, t: TicketDoc): CallbackDoc {
  const from = cp.from!
  return {
    ...aboutTicket(t),
    _id: `cb_${cp.id}`,
    kind: 'complaint',
    surveyId: surveyIdOf(from.plan),
    state: 'done',
    dueAt: cp.c + COMPLAINT_CALLBACK_MS,
    assignee: w.chief.openid,
    assigneeName: w.chief.name,
    attempts: [{ at: from.call.at, by: w.chief.openid, byName: w.chief.name, outcome: 'satisfied', note: from.call.note }],
    createdAt: cp.c,
    updatedAt: from.call.at,
  }
}
