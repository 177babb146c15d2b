import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { EventDoc } from '../../cloudfunctions/tickets/events'
import type { ArchiveDoc, BindingDoc, UserDoc } from '../../src/core/account/types'
import { billsFor } from '../../src/core/bills/billing'
import { billId, type BillDoc, type FeeItemDoc, type PayMethod, type ReceiptDoc } from '../../src/core/bills/types'
import { houseLabel, type House } from '../../src/core/community/types'
import { DEPARTMENT_LABELS, type Department, type StaffRole } from '../../src/core/shared/roles'
import { addMonths, formatTime, monthStart, shanghaiDate, shanghaiDayStart, shanghaiHour, shanghaiMonth, shanghaiWeekday } from '../../src/core/shared/time'
import { answerFromCall, CALLBACK_DUE_MS, COMPLAINT_CALLBACK_MS, isBad, newSurvey, UNRATED_CALLBACK_MS } from '../../src/core/surveys/rules'
import { BAD_TAGS, CALL_OUTCOME_LABELS, GOOD_TAGS, type Answer, type CallAttempt, type CallbackDoc, type CallOutcome, type SurveyDoc, type SurveyTag } from '../../src/core/surveys/types'
import { addBusinessMinutes, businessMinutesBetween, DEFAULT_CALENDAR } from '../../src/core/tickets/calendar'
import { derive } from '../../src/core/tickets/escalation'
import { AUTO_CLOSE_MS } from '../../src/core/tickets/machine'
import { counterId, ticketNo } from '../../src/core/tickets/numbering'
import { spoken } from '../../src/core/tickets/promise'
import { computeSla, DEADLINES, DEFAULT_SLA, meet } from '../../src/core/tickets/sla'
import { CATEGORY_DEPARTMENT, DEADLINE_LABELS, type Actor, type Category, type CostItem, type Deadline, type Emergency, type Scope, type Sla, type Source, type TicketDoc, type TicketType } from '../../src/core/tickets/types'
import { writeBatched, type SeedDoc } from './batch'
import { rng } from './community'
import { SAVED_REPLIES } from './tickets'

/**
 * Six months of a community's past, so the 客服主任's dashboard and 月报 mean something on first
 * start: tickets of every type and outcome with their timelines, 回访 ratings and callbacks, and
 * 物业费 bills with payments and receipts. Written as documents (seeding is not a use case), but
 * every ticket walks the same steps the functions take — promises from computeSla, met with meet(),
 * the escalation ladder's rungs where a promise ran late, derive() before the write.
 *
 * What the live app and its tests may rely on:
 * - All of it is finished and strictly before today (Shanghai): no open ticket, survey or
 *   callback, nothing with a next check, so the scheduler never acts on history and 今日新增 is 0.
 * - Reporters are made-up residents of houses nobody is bound to (hist-<houseId>, or offline:<phone>
 *   for calls): no bindings, so notices, campaigns and review queues are unchanged.
 * - Work whose survey falls in the current month goes to staff who cannot sign in (钱伟, 冯霞 …),
 *   so a demo handler's figures for this month start at zero.
 * - Ticket and receipt numbers continue the per-day counters, which are advanced past them.
 * - No bill for a bound house, for the current month, or where a bill already exists.
 *
 * Deterministic: a seeded PRNG, no Math.random and no generated ids; same `now`, same documents.
 */

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const CAL = DEFAULT_CALENDAR
const MONTHS_BACK = 6

// ——— time ———

/** Residents confirm and rate when they are up: a small-hours time moves to the morning. */
const awake = (t: number) => (shanghaiHour(t) < 7 ? t + 7 * HOUR : t)

// ——— randomness ———

type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const between = (r: Rand, a: number, b: number) => a + (b - a) * r()
const int = (r: Rand, a: number, b: number) => Math.floor(between(r, a, b + 1))
function weighted<T extends string | number>(r: Rand, w: readonly (readonly [T, number])[]): T {
  let x = r() * w.reduce((s, [, n]) => s + n, 0)
  for (const [k, n] of w) if ((x -= n) < 0) return k
  return w[w.length - 1][0]
}
/** n distinct items, in their original order. */
function sample<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const idx = xs.map((_, i) => i)
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[idx[i], idx[j]] = [idx[j], idx[i]]
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => xs[i])
}
function hashOf(s: string) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

// ——— what people write ———

type Loc = [location: string, description: string]

const HOME_REPAIR: Partial<Record<Category, string[]>> = {
  water_electric: ['厨房水龙头关不紧，一直在滴水', '卫生间地漏堵塞，洗澡时积水排不下去', '客厅插座没电，空开合上又跳闸', '马桶水箱一直流水，止不住', '阳台下水管堵了，洗衣机排水往外冒', '卫生间吸顶灯不亮，换了灯泡也不行', '热水器进水管接头渗水，地上一摊水'],
  door_window: ['入户门锁芯坏了，钥匙插进去拧不动', '卧室窗户关不严，刮风时漏风', '阳台推拉门滑轮坏了，推不动', '厨房纱窗破了，想更换'],
  gas: ['燃气灶右边打不着火，点了好几次都不行', '燃气表显示异常，担心计量不准'],
  other: ['空调外机支架松动，运行时有异响', '卫生间墙面渗水发霉，怀疑楼上漏水', '阳台晾衣架升降不了，钢丝绳卡住了'],
}
const PUBLIC_REPAIR: Partial<Record<Category, Loc[]>> = {
  elevator: [['{u}单元电梯', '电梯门关不上，反复开合'], ['{u}单元电梯', '电梯运行时有异响，感觉在抖'], ['{u}单元电梯', '电梯按钮失灵，按了楼层没反应'], ['{u}单元电梯', '电梯停在{f}楼不动了，显示屏黑屏']],
  water_electric: [['{u}单元{f}楼楼道', '楼道灯坏了，晚上一片黑'], ['地下车库', '地下车库有一排灯不亮'], ['{u}单元大堂', '大堂吊灯闪烁，时亮时不亮']],
  facility: [['{u}单元门禁', '单元门禁刷卡没反应，进不了门'], ['地下车库入口', '车库道闸抬杆抬不起来，车在排队'], ['楼前健身区', '健身器材螺丝松动，晃得厉害'], ['{u}单元信报箱', '信报箱门坏了，锁不上']],
  door_window: [['{u}单元大堂门', '单元门闭门器坏了，门关不上'], ['{u}单元{f}楼消防通道门', '消防通道门合页松了，关门声音很大']],
  cleaning: [['{u}单元楼道', '楼道里堆了很多装修垃圾，需要清运'], ['楼前垃圾分类点', '垃圾桶破了，垃圾撒了一地']],
  greening: [['楼前绿化带', '大风把树枝刮断了，挡住了人行道'], ['楼后草坪', '草坪喷灌水管破裂，一直在喷水']],
}
const PUBLIC_COMPLAINT: Partial<Record<Category, Loc[]>> = {
  cleaning: [['{u}单元楼道', '楼道垃圾两天没人清理，有异味'], ['{u}单元电梯', '电梯轿厢很脏，地上有污渍没人打扫'], ['楼前垃圾分类点', '垃圾桶满了溢出来，一直没人收']],
  greening: [['楼前绿化带', '草很久没修剪了，蚊虫特别多'], ['楼后草坪', '浇水时把停在路边的车淋湿了']],
  other: [['消防通道', '消防通道经常被私家车占用'], ['地下车库出入口', '外来车辆乱停，堵住车库出口'], ['楼下', '夜里有人在楼下大声喧哗，影响休息']],
  elevator: [['{u}单元电梯', '电梯最近经常坏，希望彻底检修一次']],
  facility: [['楼前快递柜', '快递柜经常故障，快递取不出来']],
}
const HOME_COMPLAINT: [Category, string][] = [
  ['other', '楼上装修超时施工，晚上九点还在用电钻'],
  ['water_electric', '楼上漏水渗到我家天花板，希望物业协调处理'],
  ['other', '邻居在楼道里堆放杂物，影响通行'],
]
const PUBLIC_SUGGESTION: Partial<Record<Category, Loc[]>> = {
  greening: [['楼前花园', '建议在儿童游乐区旁边多种几棵遮阴的树'], ['楼前绿化带', '建议补种一些开花的灌木']],
  facility: [['{u}单元门口', '建议在单元门口加装雨棚'], ['地下车库', '建议增设电动车充电桩'], ['楼前健身区', '建议增加几张长椅，方便老人休息']],
  cleaning: [['楼前垃圾分类点', '建议在垃圾分类点旁边装个洗手池']],
  other: [['物业服务中心', '建议周末也开放物业活动室']],
}
const HOME_SUGGESTION = ['建议小程序里增加缴费到期提醒', '建议快递能统一放到物业前台代收', '建议每季度公布一次物业费收支情况']
const SUGGESTION_DONE = ['感谢您的建议，已提交物业经理，将纳入下季度改造计划', '感谢建议，已转相关部门评估，结果会在公告中通知大家']
const QUESTIONS: { scope: Scope; category: Category; location?: string; q: string; a: string }[] = [
  { scope: 'home', category: 'other', q: '请问装修需要办理什么手续？', a: '装修前请携带房产证复印件和装修方案到物业服务中心登记，押金在验收后退还' },
  { scope: 'home', category: 'other', q: '物业费可以按年一次性缴纳吗？', a: '可以，在小程序“缴费”页面或物业前台都能按年缴纳' },
  { scope: 'home', category: 'other', q: '小区停车月卡怎么办理？', a: '请携带行驶证到物业服务中心办理，次日生效' },
  { scope: 'home', category: 'other', q: '宠物需要在哪里登记？', a: '请到物业服务中心登记，并携带犬类免疫证明' },
  { scope: 'home', category: 'water_electric', q: '家里电费怎么充值？', a: '电费可通过国家电网 App 充值，也可以到物业前台代缴' },
  { scope: 'home', category: 'facility', q: '小区的快递柜收费吗？', a: '超过 12 小时按快递柜公司标准收费，物业不另收费' },
  { scope: 'public', category: 'facility', location: '地下车库', q: '地下车库晚上几点关闭？', a: '地下车库 24 小时开放，夜间请走 1 号出入口' },
  { scope: 'public', category: 'greening', location: '楼前花园', q: '小区什么时候打药除虫？', a: '每月第一个周六上午打药，前一天会发公告提醒' },
]
const DONE_NOTES: Record<Category, string[]> = {
  water_electric: ['更换水龙头阀芯，试水无渗漏', '疏通下水管，排水正常', '更换漏电开关，通电正常', '更换灯具镇流器，灯已恢复', '更换马桶进水阀，止水正常'],
  door_window: ['更换锁芯，开关顺畅', '调整窗扇并更换密封条', '更换推拉门滑轮', '更换闭门器，门可自动关闭'],
  gas: ['清理灶具点火针，点火正常', '检查燃气管路无泄漏，已请燃气公司复核表具'],
  elevator: ['调整门机皮带和门刀，开关门正常', '更换按钮板，试运行正常', '维保单位到场检修，更换门锁触点'],
  facility: ['更换门禁读卡器，刷卡正常', '道闸电机复位，抬杆正常', '紧固器材螺丝，已可正常使用', '更换信报箱锁具'],
  cleaning: ['已清运完毕，楼道已清扫', '已更换垃圾桶并清理地面', '已加派保洁，已清洁干净'],
  greening: ['已修剪并清理断枝', '已修复喷灌水管', '已修剪草坪并喷洒驱蚊药剂'],
  other: ['已加固支架，运行无异响', '已上门查看，协调楼上住户处理防水', '已现场劝导，并加强夜间巡逻', '已联系车主挪车，并张贴告示'],
}
const COSTS: Partial<Record<Category, CostItem[]>> = {
  water_electric: [{ name: '水龙头阀芯', amount: 3500 }, { name: '漏电开关', amount: 6800 }, { name: '进水阀', amount: 4500 }],
  door_window: [{ name: '锁芯', amount: 12000 }, { name: '密封条', amount: 2500 }, { name: '滑轮', amount: 3000 }],
  gas: [{ name: '点火针', amount: 1500 }],
  other: [{ name: '膨胀螺丝', amount: 800 }],
}
const EMERGENCY_SPEC: Record<Emergency, { scope: Scope; category: Category; location?: string; text: string }> = {
  elevator_trap: { scope: 'public', category: 'elevator', location: '{u}单元电梯', text: '电梯困人！卡在{f}楼和{g}楼之间，里面有老人' },
  severe_leak: { scope: 'home', category: 'water_electric', text: '家里水管爆了，水漫到客厅，总阀关不住' },
  gas_leak: { scope: 'home', category: 'gas', text: '厨房燃气味很重，已开窗，不敢开灯' },
  fire: { scope: 'public', category: 'facility', location: '{u}单元{f}楼楼道', text: '楼道电表箱冒烟，有焦糊味' },
}
const CANCEL_REASONS = ['问题已自行解决', '重复提交了', '家里人已经修好了']
const REOPEN_REASONS = ['师傅走后又开始漏了', '用了两天又坏了', '问题没有彻底解决']
const COMMENTS: Record<number, string[]> = {
  5: ['师傅很专业，修得又快又好', '响应很及时，点赞', '服务很好，谢谢物业'],
  4: ['整体满意，上门再早一点就更好了', '修好了，师傅态度不错'],
  3: ['问题解决了，但等的时间有点长', '一般吧，沟通可以再及时一点'],
  2: ['拖了好几天才来处理', '师傅走了以后问题又出现了'],
  1: ['等了很久都没人来，非常不满意', '修完没多久又坏了，态度也不好'],
}
const CALL_NOTES: Record<CallOutcome, string[]> = {
  satisfied: ['住户表示问题已解决，对服务满意', '住户表示师傅处理及时，很满意'],
  reached: ['住户表示基本满意，希望上门更快一些', '住户表示问题已解决，沟通可以更及时'],
  dissatisfied: ['住户表示问题没有彻底解决', '住户对处理时间很不满意'],
  unreached: ['电话无人接听', '对方关机', '占线，稍后再拨'],
}

// ——— people ———

interface Staffer {
  openid: string
  name: string
  roles: StaffRole[]
  department?: Department
  onDuty?: boolean
  zone?: string[]
  /** A demo account someone signs in as: kept out of the current month's work. */
  login: boolean
}

/** Handlers of the past who cannot sign in; each department has one, so the current month can do without the demo accounts. */
export const HISTORY_STAFF: { openid: string; name: string; department: Department }[] = [
  { openid: 'staff-qian', name: '钱伟', department: 'engineering' },
  { openid: 'staff-feng', name: '冯霞', department: 'cleaning' },
  { openid: 'staff-wu', name: '吴芳', department: 'greening' },
  { openid: 'staff-zheng', name: '郑勇', department: 'security' },
]

const SYSTEM: Actor = { openid: 'system', role: 'system', name: '系统' }
const LEVEL_WORDS = { 1: '即将超时', 2: '已超时', 3: '严重超时' } as const

// ——— the plan of one ticket's life, before ids and numbers exist ———

interface Round {
  start: number
  replyAt?: number
  dispatchAt?: number
  acceptAt?: number
  arriveAt?: number
  /** Waiting for parts: an internal note, and the reason the job ran late. */
  partsAt?: number
  doneAt: number
}

interface Call {
  createdAt: number
  dueAt: number
  attempts: { at: number; outcome: CallOutcome; note: string; overall?: number }[]
}

interface SurveyPlan {
  sentAt: number
  answer?: Answer
  call?: Call
  updatedAt: number
}

interface Plan {
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

interface World {
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

const slaRule = (p: Pick<Plan, 'type' | 'emergency'>) => (p.emergency ? DEFAULT_SLA.emergency : DEFAULT_SLA[p.type])
const priorityOf = (p: Pick<Plan, 'emergency'>) => (p.emergency ? ('emergency' as const) : ('normal' as const))
const fill = (w: World, tpl: string, unit: string) => {
  const f = int(w.r, 2, 17)
  return tpl.replace('{u}', unit).replace('{f}', String(f)).replace('{g}', String(f + 1))
}

/** Add minutes on the ticket's own clock: emergencies run 24 h, the rest in business time. */
const on = (p: Pick<Plan, 'emergency'>, t: number, minutes: number) => Math.round(p.emergency ? t + minutes * MIN : addBusinessMinutes(t, minutes, CAL))

function placeOf(p: Plan) {
  return p.scope === 'home' ? houseLabel(p.house) : `${p.building}栋 ${p.location}`
}

// ——— one round of work: respond, dispatch, accept, arrive, finish ———

function workRound(w: World, p: Plan, start: number, first: boolean, fast: boolean): Round {
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
    else if (first && p.window && p.window.start > round.acceptAt) round.arriveAt = p.window.start + Math.floor(between(r, 0, 0.85) * (p.window.end - p.window.start))
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
function live(w: World, p: Plan, fast: boolean) {
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

function lifecycle(w: World, p: Plan) {
  live(w, p, false)
  if (p.closeAt <= w.limit - 2 * HOUR) return
  // Reported in the last days: a quick job, confirmed in the app (by someone who has it).
  p.walkup = false
  live(w, p, true)
  if (p.closeAt <= w.limit - 2 * HOUR) return
  // Still too late (an evening report yesterday): squeeze the same steps into the time left.
  const f = (w.limit - 2 * HOUR - p.c) / (p.closeAt - p.c)
  const squeeze = (t: number | undefined) => (t === undefined ? undefined : Math.floor(p.c + (t - p.c) * f))
  p.rounds = p.rounds.map((x) => ({ start: squeeze(x.start)!, replyAt: squeeze(x.replyAt), dispatchAt: squeeze(x.dispatchAt), acceptAt: squeeze(x.acceptAt), arriveAt: squeeze(x.arriveAt), partsAt: squeeze(x.partsAt), doneAt: squeeze(x.doneAt)! }))
  p.window = undefined
  p.closeBy = 'confirm'
  p.closeAt = p.rounds[p.rounds.length - 1].doneAt + 5 * MIN
}

// ——— ratings ———

const lateAny = (sla: Sla) => DEADLINES.some((k) => sla[k]?.metAt !== undefined && sla[k]!.metAt! > sla[k]!.due)

function drawAnswer(w: World, p: Plan, at: number, late: boolean, good: boolean): Answer {
  const { r } = w
  let overall = late
    ? weighted(r, [[5, 30], [4, 32], [3, 22], [2, 10], [1, 6]] as const)
    : weighted(r, [[5, 64], [4, 27], [3, 6], [2, 2], [1, 1]] as const)
  if (good && overall < 3) overall = 3
  const resolved = overall >= 3 ? good || r() < 0.99 : r() < 0.4
  const tags: SurveyTag[] = []
  if (overall >= 4) {
    if (!late && p.type === 'repair') tags.push('准时')
    if (r() < 0.5) tags.push(pick(r, GOOD_TAGS.filter((t) => t !== '准时')))
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
function drawCall(w: World, sentAt: number, late: boolean, good: boolean): Call {
  const { r } = w
  const createdAt = sentAt + UNRATED_CALLBACK_MS + int(r, 1, 59) * 1000
  const call: Call = { createdAt, dueAt: createdAt + CALLBACK_DUE_MS, attempts: [] }
  let at = addBusinessMinutes(createdAt, int(r, 10, 300), CAL)
  for (let k = 0; k < 3; k++) {
    if (r() < 0.45) {
      let outcome = weighted(r, late ? ([['satisfied', 40], ['reached', 40], ['dissatisfied', 20]] as const) : ([['satisfied', 60], ['reached', 32], ['dissatisfied', 8]] as const))
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

const callEnd = (c: Call) => c.attempts[c.attempts.length - 1].at

function callAnswer(c: Call): Answer | undefined {
  const last = c.attempts[c.attempts.length - 1]
  if (last.outcome === 'unreached') return undefined
  const a = answerFromCall(last.outcome, { overall: last.overall }, last.at)!
  return { ...a, firstAt: last.at }
}

function whyOf(a: Answer) {
  return [`评分 ${a.overall} 星`, a.resolved ? '' : '问题未解决', ...a.tags.filter((t) => (BAD_TAGS as readonly string[]).includes(t))].filter(Boolean).join('，')
}

/**
 * The survey for a job that closed: rated in the app within the day or two, or called back after
 * 72 h (the default policy) — reached and recorded, or 未回访 after three tries. A bad outcome opens
 * a complaint for the 客服主任, as the ladder does; when that could not finish before today, the
 * rating is drawn fair instead, so nothing of history is left open.
 */
function planSurvey(w: World, p: Plan, plans: Plan[]) {
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
    const wait = weighted(r, [[0, 60], [1, 30], [2, 10]] as const)
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
function openComplaint(w: World, o: Plan, a: Answer, plans: Plan[]): boolean {
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

const levelAt = (d: { warnAt: number; due: number; escalateAt: number }, t: number): 0 | 1 | 2 | 3 => (t >= d.escalateAt ? 3 : t >= d.due ? 2 : t >= d.warnAt ? 1 : 0)

type Rung = { key: (typeof DEADLINES)[number]; level: 1 | 2 | 3; at: number; due: number }

/** Each promise climbs the ladder until it is met (or the ticket stops being watched): the level it reached, and a scheduler step per rung. */
function climb(sla: Sla, until: (d: Deadline) => number): { sla: Sla; rungs: Rung[] } {
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
function slaOf(p: Plan, x: Round, first: boolean) {
  let sla = computeSla({ type: p.type, priority: priorityOf(p), window: first ? p.window : undefined }, x.start, DEFAULT_SLA, CAL)
  sla = meet(sla, 'respond', x.replyAt ?? x.dispatchAt ?? x.doneAt)
  if (x.arriveAt !== undefined) sla = meet(sla, 'arrive', x.arriveAt)
  sla = meet(meet(sla, 'arrive', x.doneAt), 'resolve', x.doneAt)
  return climb(sla, (d) => d.metAt!)
}

/** A ticket that ended without work (cancelled, merged): its promises unmet, watched until it ended. */
const slaUnmet = (p: Plan) => climb(computeSla({ type: p.type, priority: priorityOf(p), window: p.window }, p.c, DEFAULT_SLA, CAL), () => p.closeAt)

// ——— drawing the plans ———

function blank(w: World, house: House, c: number): Plan {
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

/** When residents report, by hour of the day: mornings and evenings, hardly at night. */
const CREATE_HOURS = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1, 2, 3, 3, 2.5, 2, 2, 2.5, 2.5, 2.5, 2, 2.5, 3, 3, 2, 1, 0.4].map((weight, hour) => [hour, weight] as const)

function departmentOf(type: TicketType, category: Category, scope: Scope, r: Rand): Department | undefined {
  if (type === 'suggestion' || type === 'question') return undefined
  if (category === 'other' && type === 'complaint') return scope === 'public' || r() < 0.5 ? 'security' : undefined
  if (type === 'complaint' && category !== 'cleaning' && category !== 'greening' && r() < 0.15) return undefined
  return CATEGORY_DEPARTMENT[category] ?? 'engineering'
}

/** One ordinary report on a given day: type, what and where, who. */
function drawReport(w: World, day: number, last: boolean): Plan {
  const { r } = w
  const type = weighted(r, [['repair', 66], ['complaint', 10], ['suggestion', 12], ['question', 12]] as const)
  const source = weighted(r, [['app', 80], ['phone', 15], ['walkin', 5]] as const)
  const office = source !== 'app'
  let hour = office ? int(r, 9, 17) : weighted(r, CREATE_HOURS)
  if (last) hour = Math.min(hour, 15)
  const c = day + hour * HOUR + int(r, 0, 59) * MIN + int(r, 0, 59) * 1000
  const house = pick(r, w.houses)
  const p = blank(w, house, c)
  p.type = type
  p.source = source
  p.walkup = source !== 'app' && r() < 0.6
  const unit = house.unit
  const setPublic = (loc: Loc, category: Category) => {
    p.scope = 'public'
    p.category = category
    p.location = fill(w, loc[0], unit)
    const text = fill(w, loc[1], unit)
    p.description = () => text
  }
  const setHome = (category: Category, text: string) => {
    p.scope = 'home'
    p.category = category
    p.description = () => text
  }
  if (type === 'repair') {
    if (r() < 0.58) {
      const category = weighted(r, [['water_electric', 45], ['door_window', 25], ['gas', 8], ['other', 12]] as const)
      setHome(category, pick(r, HOME_REPAIR[category]!))
      // A visit window the resident picked: tomorrow morning or afternoon.
      if (source === 'app' && r() < 0.3) {
        const tomorrow = shanghaiDayStart(c) + DAY
        const am = r() < 0.5
        p.window = { start: tomorrow + (am ? 9 : 14) * HOUR, end: tomorrow + (am ? 12 : 18) * HOUR }
        if (p.window.end > w.limit - 6 * HOUR) p.window = undefined
      }
    } else {
      const category = weighted(r, [['elevator', 35], ['water_electric', 20], ['facility', 25], ['door_window', 8], ['cleaning', 6], ['greening', 6]] as const)
      setPublic(pick(r, PUBLIC_REPAIR[category]!), category)
    }
  } else if (type === 'complaint') {
    if (r() < 0.75) {
      const category = weighted(r, [['cleaning', 35], ['greening', 15], ['other', 30], ['elevator', 10], ['facility', 10]] as const)
      setPublic(pick(r, PUBLIC_COMPLAINT[category]!), category)
    } else {
      const [category, text] = pick(r, HOME_COMPLAINT)
      setHome(category, text)
    }
  } else if (type === 'suggestion') {
    if (r() < 0.7) {
      const category = weighted(r, [['greening', 30], ['facility', 40], ['cleaning', 15], ['other', 15]] as const)
      setPublic(pick(r, PUBLIC_SUGGESTION[category]!), category)
    } else setHome('other', pick(r, HOME_SUGGESTION))
    p.note = pick(r, SUGGESTION_DONE)
  } else {
    const q = pick(r, QUESTIONS)
    if (q.scope === 'public') setPublic([q.location!, q.q], q.category)
    else setHome(q.category, q.q)
    p.note = q.a
  }
  p.dept = departmentOf(type, p.category, p.scope, r)
  return p
}

function drawEmergency(w: World, day: number, last: boolean): Plan {
  const { r } = w
  const kind = weighted(r, [['elevator_trap', 45], ['severe_leak', 35], ['gas_leak', 12], ['fire', 8]] as const)
  const spec = EMERGENCY_SPEC[kind]
  const hour = last ? int(r, 7, 15) : int(r, 0, 23)
  const house = pick(r, w.houses)
  const p = blank(w, house, day + hour * HOUR + int(r, 0, 59) * MIN + int(r, 0, 59) * 1000)
  p.emergency = kind
  p.scope = spec.scope
  p.category = spec.category
  p.source = r() < 0.5 ? 'phone' : 'app'
  p.walkup = p.source === 'phone' && r() < 0.5
  if (spec.location) p.location = fill(w, spec.location, house.unit)
  const text = fill(w, spec.text, house.unit)
  p.description = () => text
  p.dept = 'engineering'
  return p
}

/** A place that keeps breaking this month: the same lift or gate, reported 3–6 times. */
function drawHotSpot(w: World, days: number[]): Plan[] {
  const { r } = w
  const building = pick(r, [...w.byBuilding.keys()])
  const houses = w.byBuilding.get(building)!
  const unit = pick(r, houses).unit
  const category = weighted(r, [['elevator', 50], ['facility', 30], ['water_electric', 20]] as const)
  const spot = pick(r, category === 'elevator' ? PUBLIC_REPAIR.elevator! : category === 'facility' ? PUBLIC_REPAIR.facility!.slice(0, 2) : PUBLIC_REPAIR.water_electric!.slice(1, 2))
  const location = fill(w, spot[0], unit)
  // A lift fails in different ways; a gate or a light the same way each time.
  const texts = category === 'elevator' ? PUBLIC_REPAIR.elevator!.map((l) => l[1]) : [spot[1]]
  return sample(r, days, Math.min(int(r, 3, 6), days.length)).map((day, i) => {
    const p = blank(w, pick(r, houses), day + int(r, 8, 20) * HOUR + int(r, 0, 59) * MIN)
    p.scope = 'public'
    p.category = category
    p.location = location
    const text = fill(w, pick(r, texts), unit)
    p.description = () => (i >= 2 && category === 'elevator' ? `又坏了！${text}，这个月已经第 ${i + 1} 次了` : text)
    p.type = i >= 3 && r() < 0.5 ? 'complaint' : 'repair'
    p.source = r() < 0.8 ? 'app' : 'phone'
    p.dept = 'engineering'
    return p
  })
}

/** A neighbour reports the same fault a little later; the agent merges it into the first. */
function drawDuplicate(w: World, master: Plan): Plan | null {
  const { r } = w
  const c = master.c + int(r, 10, 60) * MIN
  const mergeAt = addBusinessMinutes(c, int(r, 2, 12), CAL)
  const firstDone = master.rounds[0].doneAt
  if (mergeAt >= firstDone || mergeAt >= w.limit - HOUR) return null
  const houses = w.byBuilding.get(master.building)!.filter((h) => h._id !== master.house._id)
  const p = blank(w, pick(r, houses), c)
  Object.assign(p, { type: master.type, scope: master.scope, category: master.category, location: master.location, source: 'app', dept: master.dept })
  const text = `${master.description(() => '')}，麻烦尽快处理`
  p.description = () => text
  p.end = 'merged'
  p.closeBy = 'merge'
  p.closeAt = mergeAt
  p.master = master
  master.dups.push(p)
  return p
}

function drawCancelled(w: World, p: Plan) {
  p.end = 'cancelled'
  p.closeBy = 'cancel'
  p.closeAt = p.c + int(w.r, 3, 25) * MIN
  p.reason = pick(w.r, CANCEL_REASONS)
  p.window = undefined
}

// ——— documents ———

function actorOf(s: Staffer, role: Actor['role']): Actor {
  return { openid: s.openid, role, name: s.name }
}

interface Built {
  ticket: TicketDoc
  events: Omit<EventDoc, '_id' | 'ticketId' | 'communityId'>[]
}

function buildTicket(w: World, p: Plan): Built {
  const no = (x: Plan) => x.no
  const resident: Actor = { openid: reporterOpenid(p), role: 'resident', name: p.reporter.name }
  const deskRole = p.desk.roles.includes('supervisor') && !p.desk.roles.includes('agent') ? 'supervisor' : 'agent'
  const desk = actorOf(p.desk, deskRole)
  const events: Built['events'] = []
  const ev = (at: number, kind: string, actor: Actor, text: string, extra: { internal?: boolean; data?: Record<string, unknown> } = {}) =>
    events.push({ at, kind, actor, text, internal: extra.internal ?? false, ...(extra.data ? { data: extra.data } : {}) })

  const createdText = p.source === 'app' ? '提交了工单' : `代客登记（${p.reporter.name}）`
  ev(p.c, 'created', p.from ? SYSTEM : p.source === 'app' ? resident : actorOf(w.agent, 'agent'), createdText)
  if (p.emergency) {
    const paged = w.staff.filter((s) => s.onDuty || (s.roles.includes('manager') && s.zone?.includes(p.building)))
    ev(p.c, 'paged', SYSTEM, `已通知值班人员：${paged.map((s) => s.name).join('、') || '（无值班人员）'}`, { data: { paged: paged.map((s) => s.openid) } })
  }
  if (p.from) {
    const due = p.c + COMPLAINT_CALLBACK_MS
    ev(p.c, 'survey_complaint', SYSTEM, `由 ${p.from.plan.no} 的回访差评生成，客服主任${w.chief.name}须在 ${formatTime(due)} 前回访住户`, { data: { from: p.from.plan.id, surveyId: surveyIdOf(p.from.plan), dueAt: due } })
  }

  // The ladder's steps: the holder is warned, then the building's 管理员, then the 客服主任.
  const ladder = (rungs: Rung[], holderAt: (at: number) => Staffer[]) => {
    for (const g of rungs) {
      const who = g.level === 1 ? holderAt(g.at) : g.level === 2 ? w.staff.filter((s) => s.roles.includes('manager') && s.zone?.includes(p.building)) : w.staff.filter((s) => s.roles.includes('supervisor'))
      ev(g.at, g.level === 1 ? 'warned' : 'escalated', SYSTEM, `${DEADLINE_LABELS[g.key]}${LEVEL_WORDS[g.level]}（时限 ${spoken(g.due, g.at)}），已通知${who.map((s) => s.name).join('、') || '相关人员'}`, {
        internal: true,
        data: { key: g.key, level: g.level, to: who.map((s) => s.openid) },
      })
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
      if (x.dispatchAt !== undefined) ev(x.dispatchAt, 'dispatched', desk, `派单给${DEPARTMENT_LABELS[h!.department!]}${h!.name}`, { data: { assignee: h!.openid } })
      if (x.acceptAt !== undefined) {
        const arrive = computeSla({ type: p.type, priority: priorityOf(p), window: first ? p.window : undefined }, x.start, DEFAULT_SLA, CAL).arrive
        const eta = p.type === 'repair' && arrive ? `，预计 ${spoken(arrive.due, x.acceptAt)} 前上门` : ''
        ev(x.acceptAt, 'accepted', handlerActor!, `已接单${eta}`)
      }
      if (x.arriveAt !== undefined) ev(x.arriveAt, 'arrived', handlerActor!, '已到达现场')
      if (x.partsAt !== undefined) ev(x.partsAt, 'note', handlerActor!, '需要更换配件，已下单，到货后继续处理，已告知住户', { internal: true })
      if (h) {
        const fee = p.cost && i === p.rounds.length - 1 ? `，费用 ${(total(p.cost) / 100).toFixed(2)} 元（${p.cost.map((c) => `${c.name} ${(c.amount / 100).toFixed(2)}`).join('、')}）` : ''
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
      const words = a ? `回访${CALL_OUTCOME_LABELS[x.outcome]}（${a.overall} 星${a.resolved ? '' : '，未解决'}）：${x.note}` : `回访未接通（第 ${i + 1} 次）${missed ? '，已关闭为未回访' : ''}：${x.note}`
      ev(x.at, 'callback', actorOf(w.agent, 'agent'), words, { internal: true, data: { outcome: x.outcome, taskId: surveyIdOf(p) } })
    })
  } else if (s?.answer) {
    const a = s.answer
    ev(a.at, 'rated', resident, `住户评价：${a.overall} 星${a.resolved ? '' : '，问题未解决'}${a.tags.length ? `，${a.tags.join('、')}` : ''}${a.comment ? `：${a.comment}` : ''}`)
  }
  if (p.complaint) ev(p.complaint.c, 'bad_rating', SYSTEM, `回访差评（${p.complaint.from!.why}），已生成投诉 ${p.complaint.no}`, { internal: true, data: { complaintId: p.complaint.id } })
  if (p.from) ev(p.from.call.at, 'callback', actorOf(w.chief, 'supervisor'), `回访${CALL_OUTCOME_LABELS.satisfied}（5 星）：${p.from.call.note}`, { internal: true, data: { outcome: 'satisfied', taskId: `cb_${p.id}` } })

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

const total = (items: CostItem[]) => items.reduce((n, i) => n + i.amount, 0)
const reporterOpenid = (p: Plan) => (p.offline ? `offline:${p.reporter.phone}` : `hist-${p.house._id}`)
const surveyIdOf = (p: Plan) => `${p.id}_${p.rounds.length > 1 ? 2 : 1}`

function buildSurvey(w: World, p: Plan, t: TicketDoc): { survey: SurveyDoc; callbacks: CallbackDoc[] } {
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
      _id: base._id,
      kind: 'routine',
      surveyId: base._id,
      ticketId: t._id,
      ticketNo: t.no,
      communityId: w.communityId,
      place: t.place,
      residentName: t.reporter.name,
      phone: t.reporter.phone,
      state: s.answer ? 'done' : 'missed',
      dueAt: s.call.dueAt,
      attempts: s.call.attempts.map((x): CallAttempt => ({ at: x.at, by: w.agent.openid, byName: w.agent.name, outcome: x.outcome, note: x.note })),
      createdAt: s.call.createdAt,
      updatedAt: callEnd(s.call),
    })
  }
  return { survey, callbacks }
}

/** The 客服主任's task for a bad rating's complaint, done on the first call. */
function complaintCallback(w: World, cp: Plan, t: TicketDoc): CallbackDoc {
  const from = cp.from!
  return {
    _id: `cb_${cp.id}`,
    kind: 'complaint',
    surveyId: surveyIdOf(from.plan),
    ticketId: t._id,
    ticketNo: t.no,
    communityId: w.communityId,
    place: t.place,
    residentName: t.reporter.name,
    phone: t.reporter.phone,
    state: 'done',
    dueAt: cp.c + COMPLAINT_CALLBACK_MS,
    assignee: w.chief.openid,
    assigneeName: w.chief.name,
    attempts: [{ at: from.call.at, by: w.chief.openid, byName: w.chief.name, outcome: 'satisfied', note: from.call.note }],
    createdAt: cp.c,
    updatedAt: from.call.at,
  }
}

// ——— bills ———

/**
 * 物业费 for the six months before this one: most paid (WeChat, cash at the desk, transfer),
 * the rest still owed by the same few households month after month, so the collection rate
 * runs from ~96% six months back to ~86% last month, differently per building.
 */
async function billHistory(w: World, store: Store, months: string[], docs: SeedDoc[]) {
  const { r } = w
  const items = await store.collection<FeeItemDoc>('feeItems').find({ where: { communityId: w.communityId, kind: 'property' }, limit: 10 })
  const property = items.find((i) => i.active) ?? items[0]
  if (!property) return 0
  const existing = new Map<string, BillDoc>()
  for (let offset = 0; ; offset += 1000) {
    const page = await store.collection<BillDoc>('bills').find({ where: { communityId: w.communityId, period: { $in: months } }, orderBy: [['_id', 'asc']], offset, limit: 1000 })
    for (const b of page) existing.set(b._id, b)
    if (page.length < 1000) break
  }
  const reliability = new Map(w.houses.map((h) => [h._id, r()]))
  const lean = new Map([...w.byBuilding.keys()].map((b) => [b, between(r, -0.025, 0.02)]))
  const paid: BillDoc[] = []
  let count = 0
  months.forEach((period, k) => {
    const ago = months.length - k
    const base = [0.88, 0.91, 0.925, 0.94, 0.95, 0.96][Math.min(ago, 6) - 1]
    const createdAt = monthStart(period) + 10 * HOUR
    for (const [building, houses] of w.byBuilding) {
      const target = Math.min(0.97, Math.max(0.85, base + lean.get(building)! + between(r, -0.01, 0.01)))
      const fresh = houses.filter((h) => !existing.has(billId(w.communityId, period, property._id, h._id)))
      const owing = houses.filter((h) => existing.get(billId(w.communityId, period, property._id, h._id))?.status === 'unpaid').length
      const unpaid = Math.max(0, Math.round(houses.length * (1 - target)) - owing)
      // The least reliable payers owe, with a little noise so it is not the same list every month.
      const order = fresh.map((h) => ({ id: h._id, key: reliability.get(h._id)! + r() * 0.15 })).sort((a, b) => a.key - b.key)
      const owes = new Set(order.slice(0, unpaid).map((x) => x.id))
      fresh.forEach((h, i) => {
        const at = createdAt + i * 20
        const [bill] = billsFor(h, [property], period, [], [], at)
        count++
        if (owes.has(h._id)) docs.push({ collection: 'bills', doc: bill })
        else {
          const prompt = reliability.get(h._id)! > 0.35
          const days = prompt ? between(r, 0.2, 25) : between(r, 15, 75)
          const method = weighted(r, [['wechat', 75], ['cash', 12], ['transfer', 13]] as const) as PayMethod
          let paidAt = at + Math.floor(days * DAY)
          const hour = shanghaiHour(paidAt)
          if (method !== 'wechat' && (hour < 9 || hour >= 17)) paidAt = shanghaiDayStart(paidAt) + int(r, 9, 16) * HOUR + int(r, 0, 59) * MIN
          if (paidAt >= w.limit - HOUR) paidAt = at + Math.floor(r() * (w.limit - HOUR - at))
          paid.push({ ...bill, status: 'paid', paidAt, paidVia: method, paidAmount: bill.amount, updatedAt: paidAt })
        }
      })
    }
  })
  // Receipt numbers in order of the day, after any the counters already handed out.
  paid.sort((a, b) => a.paidAt! - b.paidAt! || a._id.localeCompare(b._id))
  const counters = new Map<string, number>()
  for (const b of paid) {
    const day = shanghaiDate(b.paidAt!).replace(/-/g, '')
    const cid = `receipt_${day}`
    if (!counters.has(cid)) counters.set(cid, (await store.collection<{ _id: string; n: number }>('counters').get(cid))?.n ?? 0)
    const n = counters.get(cid)! + 1
    counters.set(cid, n)
    const receiptNo = `SJ${day}-${String(n).padStart(5, '0')}`
    const openid = `hist-${b.houseId}`
    const receipt: ReceiptDoc = {
      _id: receiptNo,
      communityId: w.communityId,
      houseIds: [b.houseId],
      ...(b.paidVia === 'wechat' ? { openid, transactionId: `42000${day}${String(hashOf(b._id) % 1e9).padStart(9, '0')}${String(n).padStart(6, '0')}` } : { recordedBy: w.agent.openid, note: b.paidVia === 'cash' ? '前台现金缴费' : '银行转账到账' }),
      method: b.paidVia!,
      amount: b.amount,
      lines: [{ billId: b._id, label: b.houseLabel, itemName: b.itemName, periodLabel: b.periodLabel, amount: b.amount }],
      createdAt: b.paidAt!,
    }
    const bill: BillDoc = { ...b, receiptNo }
    docs.push({ collection: 'bills', doc: bill }, { collection: 'receipts', doc: receipt })
  }
  for (const [cid, n] of counters) docs.push({ collection: 'counters', doc: { _id: cid, n } as { _id: string } })
  return count
}

// ——— the whole past ———

async function load(store: Store, communityId: string) {
  const houses: House[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.collection<House>('houses').find({ where: { communityId }, orderBy: [['_id', 'asc']], offset, limit: 1000 })
    houses.push(...page)
    if (page.length < 1000) break
  }
  const archive = await store.collection<ArchiveDoc>('archive').find({ where: { communityId }, limit: 1000 })
  const bound = new Set((await store.collection<BindingDoc>('bindings').find({ where: { communityId }, limit: 1000 })).map((b) => b.houseId))
  const users = await store.collection<UserDoc>('users').find({ where: { 'staff.communityId': communityId }, limit: 200 })
  return { houses, archive, bound, users }
}

export async function seedHistory(store: Store, communityId: string, now: number): Promise<{ tickets: number; surveys: number; bills: number }> {
  const { houses: all, archive, bound, users } = await load(store, communityId)
  const r = rng(hashOf(`history:${communityId}`))
  const today = shanghaiDayStart(now)
  const month = shanghaiMonth(now)
  const first = addMonths(month, -MONTHS_BACK)
  // Houses somebody is bound to (the demo accounts') keep a history of their own making.
  const houses = all.filter((h) => !bound.has(h._id))
  const owners = new Map<string, { name: string; phone: string }>()
  for (const a of archive) if (a.members[0]) owners.set(a._id, { name: a.members[0].name, phone: a.members[0].phone })
  for (const h of houses) if (!owners.has(h._id)) owners.set(h._id, { name: '住户', phone: `139${String(hashOf(h._id) % 1e8).padStart(8, '0')}` })
  const byBuilding = new Map<string, House[]>()
  for (const h of houses) byBuilding.set(h.building, [...(byBuilding.get(h.building) ?? []), h])

  const since = monthStart(first) - 30 * DAY
  const extras: UserDoc[] = HISTORY_STAFF.map((s) => ({ _id: s.openid, nickname: s.name, createdAt: since, updatedAt: since, staff: { name: s.name, communityId, roles: ['handler'], department: s.department } }))
  const staff: Staffer[] = [
    ...users.filter((u) => u.staff).map((u) => ({ openid: u._id, name: u.staff!.name, roles: u.staff!.roles, department: u.staff!.department, onDuty: u.staff!.onDuty, zone: u.staff!.zone, login: true })),
    ...HISTORY_STAFF.map((s) => ({ ...s, roles: ['handler'] as StaffRole[], login: false })),
  ]
  const agent = staff.find((s) => s.roles.includes('agent'))
  const chief = staff.find((s) => s.roles.includes('supervisor') && s.onDuty) ?? staff.find((s) => s.roles.includes('supervisor')) ?? agent
  if (!agent || !chief || houses.length === 0) throw new Error(`seedHistory: community ${communityId} needs houses, an agent and a supervisor first`)
  const w: World = { r, communityId, now, limit: today, currentMonthStart: monthStart(month), houses, byBuilding, owners, staff, agent, chief }

  // Reports, day by day: about five a day, more in the summer and at weekends.
  const plans: Plan[] = []
  const lastDay = today - DAY
  const monthsOfHistory = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(first, i))
  for (const m of monthsOfHistory) {
    const days: number[] = []
    for (let d = monthStart(m); d < monthStart(addMonths(m, 1)) && d <= lastDay; d += DAY) days.push(d)
    const summer = ['06', '07', '08'].includes(m.slice(5))
    for (const day of days) {
      const weekend = [0, 6].includes(shanghaiWeekday(day))
      const mean = 3.6 * (summer ? 1.2 : 1) * (weekend ? 1.15 : 1)
      const n = Math.max(1, Math.round(mean + (r() + r() + r() - 1.5) * 2.2))
      const last = day === lastDay
      for (let i = 0; i < n; i++) plans.push(drawReport(w, day, last))
      if (r() < 0.1) plans.push(drawEmergency(w, day, last))
    }
    // Hot spots stay clear of the last two days, so their repeats and merges can finish.
    const spotDays = days.filter((d) => d < lastDay - DAY)
    if (spotDays.length >= 3) for (let k = int(r, 2, 3); k > 0; k--) plans.push(...drawHotSpot(w, spotDays))
  }
  plans.sort((a, b) => a.c - b.c)

  // Outcomes: a few cancelled by the resident at once; the rest worked to the end.
  const dups: Plan[] = []
  for (const p of plans) {
    if (!p.emergency && p.source === 'app' && r() < 0.05) {
      drawCancelled(w, p)
      continue
    }
    if (p.type === 'repair' && p.scope === 'home' && p.dept && r() < 0.25) p.cost = [pick(r, COSTS[p.category] ?? COSTS.other!)]
    if (p.type !== 'question' && p.type !== 'suggestion') p.note = pick(r, DONE_NOTES[p.category])
    p.reply = SAVED_REPLIES[p.type === 'repair' ? (p.scope === 'public' ? 3 : 0) : p.type === 'complaint' ? pick(r, [0, 1]) : 1].text
    lifecycle(w, p)
  }
  // Duplicates: a public fault reported twice within the hour, merged into the first report.
  for (const p of plans) {
    if (p.end === 'closed' && p.scope === 'public' && p.type === 'repair' && !p.emergency && r() < 0.06) {
      const d = drawDuplicate(w, p)
      if (d) dups.push(d)
    }
  }
  plans.push(...dups)
  for (const p of [...plans]) if (p.end === 'closed') planSurvey(w, p, plans)
  plans.sort((a, b) => a.c - b.c)

  // Handlers: demo accounts for past months; staff who cannot sign in for work surveyed this month.
  for (const p of plans) {
    if (!p.dept || p.end !== 'closed') continue
    const current = p.c >= w.currentMonthStart || p.closeAt + 5 * MIN >= w.currentMonthStart
    const own = p.from?.plan.handler
    const team = staff.filter((s) => s.roles.includes('handler') && s.department === p.dept && (!current || !s.login))
    p.handler = own && team.includes(own) ? own : team.find((s) => s.login && r() < 0.55) ?? team.find((s) => !s.login) ?? team[0]
  }

  // Numbers, per type and day in order of creation, after anything the counters already gave out.
  const counters = new Map<string, number>()
  for (const p of plans) {
    const cid = counterId(communityId, p.type, p.c)
    if (!counters.has(cid)) counters.set(cid, (await store.collection<{ _id: string; n: number }>('counters').get(cid))?.n ?? 0)
    const n = counters.get(cid)! + 1
    counters.set(cid, n)
    p.no = ticketNo(p.type, p.c, n)
    // A bad rating's complaint has the ladder's own id (cp_<survey>), as if the ladder had opened it.
    p.id = p.from ? `cp_${surveyIdOf(p.from.plan)}` : `${communityId}-h-${p.no}`
  }

  const docs: SeedDoc[] = extras.map((u) => ({ collection: 'users', doc: u }))
  let surveys = 0
  for (const p of plans) {
    const { ticket, events } = buildTicket(w, p)
    docs.push({ collection: 'tickets', doc: ticket })
    events
      .sort((a, b) => a.at - b.at)
      .forEach((e, i) => docs.push({ collection: 'ticketEvents', doc: { _id: `${p.id}-e${String(i).padStart(2, '0')}`, ticketId: p.id, communityId, ...e } as EventDoc }))
    if (p.survey) {
      const { survey, callbacks } = buildSurvey(w, p, ticket)
      surveys++
      docs.push({ collection: 'surveys', doc: survey }, ...callbacks.map((c) => ({ collection: 'callbacks', doc: c })))
    }
    if (p.from) docs.push({ collection: 'callbacks', doc: complaintCallback(w, p, ticket) })
  }
  for (const [cid, n] of counters) docs.push({ collection: 'counters', doc: { _id: cid, n } as { _id: string } })

  const bills = await billHistory(w, store, monthsOfHistory.slice(0, MONTHS_BACK), docs)
  await writeBatched(store, docs)
  return { tickets: plans.length, surveys, bills }
}
