import { houseLabel, type House } from '../../../src/core/community/types'
import type { Department } from '../../../src/core/shared/roles'
import { answerFromCall, CALLBACK_DUE_MS, isBad, UNRATED_CALLBACK_MS } from '../../../src/core/surveys/rules'
import { BAD_TAGS, GOOD_TAGS, type Answer, type CallOutcome, type SurveyTag } from '../../../src/core/surveys/types'
import { addBusinessMinutes, businessMinutesBetween } from '../../../src/core/tickets/calendar'
import { AUTO_CLOSE_MS } from '../../../src/core/tickets/machine'
import { computeSla, DEADLINES, DEFAULT_SLA, meet } from '../../../src/core/tickets/sla'
import type { Category, CostItem, Deadline, Emergency, Scope, Sla, Source, TicketType } from '../../../src/core/tickets/types'
import { MIN, HOUR, CAL, awake, type Rand, pick, between, int, weighted, REOPEN_REASONS, COMMENTS, CALL_NOTES, type Staffer } from './basics'

/** One ticket's life planned before ids and numbers exist: its rounds of work, its promises and how they climbed, its rating. */

export interface Round {
  start: number
  replyAt?: number
  dispatchAt?: number
  acceptAt?: number
  arriveAt?: number
  /** Waiting for parts: an internal note, and the reason the job ran late. */
  partsAt?: number
  doneAt: number
}

export interface Call {
  createdAt: number
  dueAt: number
  attempts: { at: number; outcome: CallOutcome; note: string; overall?: number }[]
}

export interface SurveyPlan {
  sentAt: number
  answer?: Answer
  call?: Call
  updatedAt: number
}

export interface Plan {
  c: number
  type: TicketType
  scope: Scope
  category: Category
  emergency?: Emergency
  house: House
  building: string
  location?: string
  description: (no: (p: Plan) => string) => string
  window?: { start: number; end: number }
  source: Source
  /** Called or walked in and never used the app: only a callback reaches them, nobody confirms in the app. */
  walkup: boolean
  /** Dispatched to this department's handler; undefined: the desk resolves it. */
  dept?: Department
  /** Who holds it at the desk: the agent, or the 客服主任 for a bad rating's complaint. */
  desk: Staffer
  end: 'closed' | 'cancelled' | 'merged'
  rounds: Round[]
  closeAt: number
  closeBy: 'confirm' | 'auto' | 'cancel' | 'merge'
  reason?: string
  master?: Plan
  dups: Plan[]
  /** The complaint opened by this ticket's bad rating, and the ticket a complaint came from. */
  complaint?: Plan
  from?: { plan: Plan; why: string; call: { at: number; note: string } }
  handler?: Staffer
  cost?: CostItem[]
  note: string
  reply?: string
  survey?: SurveyPlan
  /** Reported as offline:<phone> (a walk-up whose survey went to a callback), else hist-<houseId>. */
  offline: boolean
  reporter: { name: string; phone: string }
  id: string
  no: string
}

export interface World {
  r: Rand
  communityId: string
  now: number
  /** Nothing of history may happen at or after this: today's Shanghai midnight. */
  limit: number
  currentMonthStart: number
  houses: House[]
  byBuilding: Map<string, House[]>
  owners: Map<string, { name: string; phone: string }>
  staff: Staffer[]
  agent: Staffer
  chief: Staffer
}

export const slaRule = (p: Pick<Plan, 'type' | 'emergency'>) => (p.emergency ? DEFAULT_SLA.emergency : DEFAULT_SLA[p.type])
export const priorityOf = (p: Pick<Plan, 'emergency'>) => (p.emergency ? ('emergency' as const) : ('normal' as const))
export const fill = (w: World, tpl: string, unit: string) => {
  const f = int(w.r, 2, 17)
  return tpl
    .replace('{u}', unit)
    .replace('{f}', String(f))
    .replace('{g}', String(f + 1))
}

/** Add minutes on the ticket's own clock: emergencies run 24 h, the rest in business time. */
export const on = (p: Pick<Plan, 'emergency'>, t: number, minutes: number) => Math.round(p.emergency ? t + minutes * MIN : addBusinessMinutes(t, minutes, CAL))

export function placeOf(p: Plan) {
  return p.scope === 'home' ? houseLabel(p.house) : `${p.building}栋 ${p.location}`
}

// ——— one round of work: respond, dispatch, accept, arrive, finish ———

export function workRound(w: World, p: Plan, start: number, first: boolean, fast: boolean): Round {
  const { r } = w
  const rule = slaRule(p)
  const late = (share: number) => !fast && r() < share
  const respondMin = rule.respond
  const respondAt = late(0.12) ? on(p, start, respondMin * between(r, 1.15, 4)) : on(p, start, respondMin * between(r, 0.08, fast ? 0.5 : 0.9))
  const round: Round = { start, doneAt: 0 }
  if (!p.dept) {
    // The desk answers: a question at once, a suggestion or a complaint after looking into it.
    if (p.type === 'question') {
      round.doneAt = respondAt
      return round
    }
    round.replyAt = respondAt
    const resolveMin = rule.resolve
    if (resolveMin && late(0.15)) round.doneAt = on(p, start, resolveMin * between(r, 1.05, 1.6))
    else round.doneAt = Math.max(respondAt + 20 * MIN, on(p, start, (resolveMin ?? 1200) * between(r, 0.1, fast ? 0.2 : 0.85)))
    if (fast) round.doneAt = respondAt + int(r, 20, 60) * MIN
    return round
  }
  if (r() < 0.2 && !p.emergency) {
    round.replyAt = respondAt
    round.dispatchAt = respondAt + int(r, 1, 10) * MIN
  } else round.dispatchAt = respondAt
  round.acceptAt = p.emergency ? round.dispatchAt + int(r, 1, 4) * MIN : on(p, round.dispatchAt, int(r, 2, fast ? 15 : 45))
  const sla = computeSla({ type: p.type, priority: priorityOf(p), window: first ? p.window : undefined }, start, DEFAULT_SLA, CAL)
  let workFrom = round.acceptAt
  if (p.type === 'repair') {
    const due = sla.arrive!.due
    if (p.emergency) round.arriveAt = start + (late(0.1) ? int(r, 32, 90) : int(r, 8, 28)) * MIN
    else if (late(0.12)) round.arriveAt = on(p, due, int(r, 30, 300))
    else if (first && p.window && p.window.start > round.acceptAt)
      round.arriveAt = p.window.start + Math.floor(between(r, 0, 0.85) * (p.window.end - p.window.start))
    else {
      const room = Math.max(20, businessMinutesBetween(round.acceptAt, due, CAL) * (fast ? 0.3 : 0.85))
      round.arriveAt = on(p, round.acceptAt, between(r, 10, room))
    }
    round.arriveAt = Math.max(round.arriveAt, round.acceptAt + 5 * MIN)
    workFrom = round.arriveAt
  }
  const resolveDue = sla.resolve!.due
  if (late(0.1)) {
    round.partsAt = p.type === 'repair' ? workFrom + int(r, 10, 40) * MIN : undefined
    round.doneAt = p.emergency ? start + int(r, 250, 600) * MIN : on(p, resolveDue, int(r, 60, 900))
  } else if (p.type === 'repair') round.doneAt = on(p, workFrom, int(r, 20, fast ? 60 : 150))
  else round.doneAt = Math.max(workFrom + 20 * MIN, on(p, start, (rule.resolve ?? 1620) * between(r, 0.1, fast ? 0.2 : 0.8)))
  round.doneAt = Math.max(round.doneAt, workFrom + 10 * MIN)
  return round
}

/** The whole life of a ticket that ends done: one round, or two when the resident reopens it. */
export function live(w: World, p: Plan, fast: boolean) {
  const { r } = w
  const rounds = [workRound(w, p, p.c, true, fast)]
  const reopen = !fast && p.source === 'app' && p.type === 'repair' && !p.emergency && !p.from && r() < 0.075
  if (reopen) {
    const at = awake(rounds[0].doneAt + int(r, 2 * 60, 40 * 60) * MIN)
    p.reason = pick(r, REOPEN_REASONS)
    rounds.push(workRound(w, p, at, false, true))
  }
  const done = rounds[rounds.length - 1].doneAt
  const confirm = !p.walkup && (fast || r() < (p.source === 'app' ? 0.72 : 0.4))
  p.rounds = rounds
  p.closeBy = confirm ? 'confirm' : 'auto'
  p.closeAt = confirm ? awake(done + (fast ? int(r, 10, 90) : int(r, 20, 30 * 60)) * MIN) : done + AUTO_CLOSE_MS + int(r, 10, 59) * 1000
}

export function lifecycle(w: World, p: Plan) {
  live(w, p, false)
  if (p.closeAt <= w.limit - 2 * HOUR) return
  // Reported in the last days: a quick job, confirmed in the app (by someone who has it).
  p.walkup = false
  live(w, p, true)
  if (p.closeAt <= w.limit - 2 * HOUR) return
  // Still too late (an evening report yesterday): squeeze the same steps into the time left.
  const f = (w.limit - 2 * HOUR - p.c) / (p.closeAt - p.c)
  const squeeze = (t: number | undefined) => (t === undefined ? undefined : Math.floor(p.c + (t - p.c) * f))
  p.rounds = p.rounds.map((x) => ({
    start: squeeze(x.start)!,
    replyAt: squeeze(x.replyAt),
    dispatchAt: squeeze(x.dispatchAt),
    acceptAt: squeeze(x.acceptAt),
    arriveAt: squeeze(x.arriveAt),
    partsAt: squeeze(x.partsAt),
    doneAt: squeeze(x.doneAt)!,
  }))
  p.window = undefined
  p.closeBy = 'confirm'
  p.closeAt = p.rounds[p.rounds.length - 1].doneAt + 5 * MIN
}

// ——— ratings ———

export const lateAny = (sla: Sla) => DEADLINES.some((k) => sla[k]?.metAt !== undefined && sla[k]!.metAt! > sla[k]!.due)

export function drawAnswer(w: World, p: Plan, at: number, late: boolean, good: boolean): Answer {
  const { r } = w
  let overall = late
    ? weighted(r, [
        [5, 30],
        [4, 32],
        [3, 22],
        [2, 10],
        [1, 6],
      ] as const)
    : weighted(r, [
        [5, 64],
        [4, 27],
        [3, 6],
        [2, 2],
        [1, 1],
      ] as const)
  if (good && overall < 3) overall = 3
  const resolved = overall >= 3 ? good || r() < 0.99 : r() < 0.4
  const tags: SurveyTag[] = []
  if (overall >= 4) {
    if (!late && p.type === 'repair') tags.push('准时')
    if (r() < 0.5)
      tags.push(
        pick(
          r,
          GOOD_TAGS.filter((t) => t !== '准时'),
        ),
      )
  } else if (overall <= 2) {
    if (late) tags.push('不准时')
    if (!resolved) tags.push('没修好')
    if (r() < 0.3) tags.push(p.cost ? '乱收费' : '态度差')
  }
  const clamp = (x: number) => Math.max(1, Math.min(5, x))
  return {
    overall,
    ...(p.type === 'repair' ? { speed: clamp(overall - (late ? 1 : 0) + (r() < 0.2 ? 1 : 0)), attitude: clamp(overall + (r() < 0.3 ? 1 : 0)) } : {}),
    resolved: good ? true : resolved,
    tags: [...new Set(tags)],
    ...(r() < 0.35 ? { comment: pick(r, COMMENTS[overall]) } : {}),
    photos: [],
    source: 'app',
    at,
    firstAt: at,
  }
}

/** 72 h unrated: the agents' callback list; up to three tries in office hours. */
export function drawCall(w: World, sentAt: number, late: boolean, good: boolean): Call {
  const { r } = w
  const createdAt = sentAt + UNRATED_CALLBACK_MS + int(r, 1, 59) * 1000
  const call: Call = { createdAt, dueAt: createdAt + CALLBACK_DUE_MS, attempts: [] }
  let at = addBusinessMinutes(createdAt, int(r, 10, 300), CAL)
  for (let k = 0; k < 3; k++) {
    if (r() < 0.45) {
      let outcome = weighted(
        r,
        late
          ? ([
              ['satisfied', 40],
              ['reached', 40],
              ['dissatisfied', 20],
            ] as const)
          : ([
              ['satisfied', 60],
              ['reached', 32],
              ['dissatisfied', 8],
            ] as const),
      )
      if (good && outcome === 'dissatisfied') outcome = 'reached'
      const overall = outcome === 'reached' ? int(r, 3, 4) : outcome === 'satisfied' ? (r() < 0.75 ? 5 : 4) : 2
      call.attempts.push({ at, outcome, note: pick(r, CALL_NOTES[outcome]), overall })
      return call
    }
    call.attempts.push({ at, outcome: 'unreached', note: pick(r, CALL_NOTES.unreached) })
    at = addBusinessMinutes(at, int(r, 60, 600), CAL)
  }
  return call
}

export const callEnd = (c: Call) => c.attempts[c.attempts.length - 1].at

export function callAnswer(c: Call): Answer | undefined {
  const last = c.attempts[c.attempts.length - 1]
  if (last.outcome === 'unreached') return undefined
  const a = answerFromCall(last.outcome, { overall: last.overall }, last.at)!
  return { ...a, firstAt: last.at }
}

export function whyOf(a: Answer) {
  return [`评分 ${a.overall} 星`, a.resolved ? '' : '问题未解决', ...a.tags.filter((t) => (BAD_TAGS as readonly string[]).includes(t))]
    .filter(Boolean)
    .join('，')
}

/**
 * The survey for a job that closed: rated in the app within the day or two, or called back after
 * 72 h (the default policy) — reached and recorded, or 未回访 after three tries. A bad outcome opens
 * a complaint for the 客服主任, as the ladder does; when that could not finish before today, the
 * rating is drawn fair instead, so nothing of history is left open.
 */
export function planSurvey(w: World, p: Plan, plans: Plan[]) {
  const { r } = w
  const sentAt = p.closeAt + (p.closeBy === 'auto' ? 0 : int(r, 5, 55) * 1000)
  const last = p.rounds[p.rounds.length - 1]
  const late = lateAny(slaOf(p, last, p.rounds.length === 1).sla) || p.rounds.length > 1
  const good = Boolean(p.from)
  const survey: SurveyPlan = { sentAt, updatedAt: sentAt }
  p.survey = survey
  if (p.walkup || r() < 0.15) {
    const call = drawCall(w, sentAt, late, good)
    if (callEnd(call) < w.limit) {
      survey.call = call
      survey.answer = callAnswer(call)
      survey.updatedAt = callEnd(call)
      p.offline = p.from ? p.from.plan.offline : p.walkup && p.closeBy === 'auto'
    }
  }
  if (!survey.call) {
    const wait = weighted(r, [
      [0, 60],
      [1, 30],
      [2, 10],
    ] as const)
    const span = wait === 0 ? [6, 120] : wait === 1 ? [120, 24 * 60] : [24 * 60, 70 * 60]
    const at = Math.min(awake(sentAt + int(r, span[0], span[1]) * MIN), w.limit - MIN)
    survey.answer = drawAnswer(w, p, at, late, good)
    survey.updatedAt = at
  }
  const a = survey.answer
  if (!a || !isBad(a)) return
  if (!good && openComplaint(w, p, a, plans)) return
  // Too close to today for the ladder to finish (or the complaint's own rating): a fair rating instead.
  const fair: Answer = { ...a, overall: 3, resolved: true, tags: [], ...(a.speed ? { speed: 3, attitude: 3 } : {}) }
  delete fair.comment
  survey.answer = fair
  if (survey.call) {
    const lastCall = survey.call.attempts[survey.call.attempts.length - 1]
    lastCall.outcome = 'reached'
    lastCall.overall = 3
    lastCall.note = pick(r, CALL_NOTES.reached)
    survey.answer = callAnswer(survey.call)
  }
}

/** A bad rating's complaint, held by the 客服主任: a call within 24 h, then the fix. */
export function openComplaint(w: World, o: Plan, a: Answer, plans: Plan[]): boolean {
  const { r } = w
  const c = a.at + int(r, 1, 3) * 1000
  const returnJob = Boolean(o.dept) && r() < 0.5
  const cp: Plan = {
    ...blank(w, o.house, c),
    type: 'complaint',
    scope: 'home',
    category: o.category,
    source: a.source === 'callback' ? 'phone' : 'app',
    walkup: o.offline,
    dept: returnJob ? o.dept : undefined,
    desk: w.chief,
    reporter: o.reporter,
    offline: o.offline,
    description: (no) => `回访差评：${no(o)}（${whyOf(a)}）${a.comment ? `。住户留言：${a.comment}` : ''}`.slice(0, 500),
  }
  const callAt = addBusinessMinutes(c, int(r, 10, 100), CAL)
  cp.from = { plan: o, why: whyOf(a), call: { at: callAt, note: returnJob ? '已致电住户致歉，安排师傅返修' : '已致电住户致歉，并当场协调解决' } }
  cp.note = returnJob ? '已返修完成，住户确认问题已解决' : '已向住户致歉并协调解决，住户表示认可'
  const round: Round = { start: c, replyAt: callAt, doneAt: 0 }
  if (returnJob) {
    round.dispatchAt = callAt + int(r, 3, 20) * MIN
    round.acceptAt = addBusinessMinutes(round.dispatchAt, int(r, 5, 40), CAL)
    round.doneAt = addBusinessMinutes(round.acceptAt, int(r, 60, 600), CAL)
  } else round.doneAt = addBusinessMinutes(callAt, int(r, 30, 600), CAL)
  cp.rounds = [round]
  cp.closeBy = cp.source === 'app' && r() < 0.7 ? 'confirm' : 'auto'
  cp.closeAt = cp.closeBy === 'confirm' ? awake(round.doneAt + int(r, 30, 20 * 60) * MIN) : round.doneAt + AUTO_CLOSE_MS + int(r, 10, 59) * 1000
  if (cp.closeAt > w.limit - 2 * HOUR) return false
  planSurvey(w, cp, plans)
  // The same person either way: an offline caller's complaint is answered by callback only.
  if (cp.survey!.updatedAt >= w.limit || cp.offline !== o.offline || (o.offline && !cp.survey!.call)) return false
  o.complaint = cp
  o.survey!.updatedAt = Math.max(o.survey!.updatedAt, c)
  plans.push(cp)
  return true
}

// ——— promises, met and climbed ———

export const levelAt = (d: { warnAt: number; due: number; escalateAt: number }, t: number): 0 | 1 | 2 | 3 =>
  t >= d.escalateAt ? 3 : t >= d.due ? 2 : t >= d.warnAt ? 1 : 0

export type Rung = { key: (typeof DEADLINES)[number]; level: 1 | 2 | 3; at: number; due: number }

/** Each promise climbs the ladder until it is met (or the ticket stops being watched): the level it reached, and a scheduler step per rung. */
export function climb(sla: Sla, until: (d: Deadline) => number): { sla: Sla; rungs: Rung[] } {
  const rungs: Rung[] = []
  for (const key of DEADLINES) {
    const d = sla[key]
    if (!d) continue
    const level = levelAt(d, until(d))
    sla = { ...sla, [key]: { ...d, level } }
    const at = [d.warnAt, d.due, d.escalateAt]
    // The timer runs every minute: a rung is taken within the minute after its threshold.
    for (let l = 1; l <= level; l++) rungs.push({ key, level: l as 1 | 2 | 3, at: Math.ceil(at[l - 1] / MIN) * MIN + 30_000, due: d.due })
  }
  return { sla, rungs }
}

/** A round's promises as the functions would have left them: met when the step happened. */
export function slaOf(p: Plan, x: Round, first: boolean) {
  let sla = computeSla({ type: p.type, priority: priorityOf(p), window: first ? p.window : undefined }, x.start, DEFAULT_SLA, CAL)
  sla = meet(sla, 'respond', x.replyAt ?? x.dispatchAt ?? x.doneAt)
  if (x.arriveAt !== undefined) sla = meet(sla, 'arrive', x.arriveAt)
  sla = meet(meet(sla, 'arrive', x.doneAt), 'resolve', x.doneAt)
  return climb(sla, (d) => d.metAt!)
}

/** A ticket that ended without work (cancelled, merged): its promises unmet, watched until it ended. */
export const slaUnmet = (p: Plan) => climb(computeSla({ type: p.type, priority: priorityOf(p), window: p.window }, p.c, DEFAULT_SLA, CAL), () => p.closeAt)

/** A plan with nothing drawn yet: the drawing functions and a bad rating’s complaint fill it in. */
export function blank(w: World, house: House, c: number): Plan {
  return {
    c,
    type: 'repair',
    scope: 'home',
    category: 'other',
    house,
    building: house.building,
    description: () => '',
    source: 'app',
    walkup: false,
    desk: w.agent,
    end: 'closed',
    rounds: [],
    closeAt: c,
    closeBy: 'confirm',
    dups: [],
    note: '',
    offline: false,
    reporter: w.owners.get(house._id)!,
    id: '',
    no: '',
  }
}
