import type { ActorRole, Department } from '../shared/roles'

/** Service tickets: 报修 / 投诉 / 建议 / 咨询, from report to callback. */

export const TICKET_TYPES = ['repair', 'complaint', 'suggestion', 'question'] as const
export type TicketType = (typeof TICKET_TYPES)[number]
export const TYPE_LABELS: Record<TicketType, string> = { repair: '报修', complaint: '投诉', suggestion: '建议', question: '咨询' }
/** Ticket-number prefixes a person can read over the phone: BX-20261124-0007. */
export const TYPE_PREFIX: Record<TicketType, string> = { repair: 'BX', complaint: 'TS', suggestion: 'JY', question: 'ZX' }

export const SCOPES = ['home', 'public'] as const
export type Scope = (typeof SCOPES)[number]
export const SCOPE_LABELS: Record<Scope, string> = { home: '户内', public: '公共区域' }

export const CATEGORIES = ['water_electric', 'door_window', 'elevator', 'gas', 'facility', 'cleaning', 'greening', 'other'] as const
export type Category = (typeof CATEGORIES)[number]
export const CATEGORY_LABELS: Record<Category, string> = {
  water_electric: '水电',
  door_window: '门窗',
  elevator: '电梯',
  gas: '燃气',
  facility: '公共设施',
  cleaning: '保洁',
  greening: '绿化',
  other: '其他',
}

/** Whose work a category usually is (dispatch preselects it); 其他 has no obvious department. */
export const CATEGORY_DEPARTMENT: Partial<Record<Category, Department>> = {
  water_electric: 'engineering',
  door_window: 'engineering',
  elevator: 'engineering',
  gas: 'engineering',
  facility: 'engineering',
  cleaning: 'cleaning',
  greening: 'greening',
}

export const EMERGENCIES = ['elevator_trap', 'severe_leak', 'gas_leak', 'fire'] as const
export type Emergency = (typeof EMERGENCIES)[number]
export const EMERGENCY_LABELS: Record<Emergency, string> = {
  elevator_trap: '电梯困人',
  severe_leak: '严重漏水',
  gas_leak: '燃气泄漏',
  fire: '火警',
}

export const SOURCES = ['app', 'phone', 'walkin', 'patrol'] as const
export type Source = (typeof SOURCES)[number]
export const SOURCE_LABELS: Record<Source, string> = { app: '小程序', phone: '电话', walkin: '来访', patrol: '巡查' }

export const STATUSES = ['new', 'dispatched', 'accepted', 'in_progress', 'paused', 'resolved', 'closed', 'cancelled', 'merged'] as const
export type Status = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<Status, string> = {
  new: '待受理',
  dispatched: '已派单',
  accepted: '已接单',
  in_progress: '处理中',
  paused: '暂停处理中',
  resolved: '待确认',
  closed: '已完成',
  cancelled: '已取消',
  merged: '已合并',
}
/** Tickets someone still has to act on. */
export const OPEN_STATUSES: readonly Status[] = ['new', 'dispatched', 'accepted', 'in_progress', 'paused']
export const isOpen = (s: Status) => OPEN_STATUSES.includes(s)
/** What a resident still follows in 我的工单: open work, and work done that awaits his confirmation. */
export const FOLLOWED_STATUSES: readonly Status[] = [...OPEN_STATUSES, 'resolved']

/** The steps a ticket's timeline records (ticketEvents.kind). */
export const EVENT_KINDS = [
  'created',
  'paged',
  'survey_complaint',
  'merged',
  'merged_in',
  'linked',
  'outage_linked',
  'dispatched',
  'reassigned',
  'accepted',
  'declined',
  'rescheduled',
  'arrived',
  'paused',
  'resumed',
  'completed',
  'resolved',
  'confirmed',
  'reopened',
  'cancelled',
  'auto_closed',
  'reply',
  'note',
  'urged',
  'warned',
  'escalated',
  'rated',
  'rating_amended',
  'bad_rating',
  'rating_reply',
  'callback',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const PAUSE_REASONS = ['parts', 'absent', 'other'] as const
export type PauseReason = (typeof PAUSE_REASONS)[number]
export const PAUSE_LABELS: Record<PauseReason, string> = { parts: '等待配件', absent: '住户不在家', other: '其他原因' }

export type Clock = 'business' | '24h'
export type DeadlineKey = 'respond' | 'arrive' | 'resolve'
export const DEADLINE_LABELS: Record<DeadlineKey, string> = { respond: '响应', arrive: '上门', resolve: '解决' }

/** One promise with its escalation thresholds, all as wall-clock ms. */
export interface Deadline {
  due: number
  /** 80% of the way: warn whoever holds the ticket. */
  warnAt: number
  /** Past due by a further margin: the 客服主任. */
  escalateAt: number
  metAt?: number
  /** 0 none, 1 warned, 2 管理员 told, 3 客服主任 told. */
  level: 0 | 1 | 2 | 3
}

export interface Sla {
  clock: Clock
  startedAt: number
  respond?: Deadline
  arrive?: Deadline
  resolve?: Deadline
  pausedAt?: number
}

export interface CostItem {
  name: string
  /** Integer fen. */
  amount: number
}

export interface Person {
  openid?: string
  name: string
  /** Full number; shown masked except to the assigned handler. */
  phone: string
}

/** The inspection a ticket was found on: a patrol round, or a vacant unit's monthly check (id: the house). */
export const ORIGIN_KINDS = ['patrol', 'vacancy'] as const
export const ORIGIN_LABELS: Record<(typeof ORIGIN_KINDS)[number], string> = { patrol: '来自巡查', vacancy: '来自空置房检查' }
export interface TicketOrigin {
  kind: (typeof ORIGIN_KINDS)[number]
  id: string
  label: string
}

/** tickets/<id> */
export interface TicketDoc {
  _id: string
  no: string
  communityId: string
  type: TicketType
  scope: Scope
  category: Category
  description: string
  photos: string[]
  emergency?: Emergency
  priority: 'emergency' | 'normal'
  houseId?: string
  building: string
  /** Door number (301) for search; absent for public areas. */
  room?: string
  /** 新工单 order: 0 emergency, 0.5 normal work the resident has urged, 1 the rest. */
  rank: 0 | 0.5 | 1
  /** 1栋1单元301, or 3栋 + the location text for public areas. */
  place: string
  /** The resident's wish, from 报事: a visit in this window. */
  window?: { start: number; end: number }
  /** The visit the handler agreed with the resident at 接单 (by phone): the arrive promise is its end. */
  visit?: { start: number; end: number; agreedAt: number; /** Times the visit was moved after 接单 (改约). */ moved?: number }
  reporter: Person
  reporterOpenid: string
  phoneTail: string
  source: Source
  status: Status
  /** Where a paused ticket goes back to. */
  pausedFrom?: Status
  pauseReason?: PauseReason
  department?: string
  /** The agent who took the ticket on (first response or dispatch): their 我的 tab. */
  owner?: string
  /** Where an inspection found it (a patrol round): the staff page links back to it. */
  origin?: TicketOrigin
  assignee?: string
  assigneeName?: string
  sla: Sla
  /** Any unmet deadline is past due. Kept by the scheduler and every transition, for the inbox. */
  overdue: boolean
  /** Open with a promise escalated to the 客服主任 (level 3): kept by derive(), indexed for the dashboard. */
  escalated?: boolean
  /** A complaint opened by a bad 回访 rating (surveys/ladder.ts): the dashboard's 差评待回访 tile. */
  lowRating?: boolean
  /** Someone still has to act (status in OPEN_STATUSES): indexed, so queues never scan history. */
  open: boolean
  /** The outage notice this repair is about: restoring the outage resolves it. */
  outageId?: string
  /** The bill a 对账单有疑问 ticket is about. */
  billId?: string
  /** When the scheduler must look again (a threshold, or auto-close); null: nothing to watch. */
  nextCheckAt: number | null
  respondedAt?: number
  arrivedAt?: number
  resolvedAt?: number
  closedAt?: number
  /** 回访: `due` when the job closed done, until the scheduler sends the survey (indexed). */
  surveyState?: 'due' | 'sent'
  reopenCount: number
  mergedInto?: string
  mergedIntoNo?: string
  /** Reporters of duplicates merged into this one: they follow its steps. */
  followers: string[]
  links: string[]
  afterPhotos: string[]
  completionNote?: string
  cost?: { items: CostItem[]; total: number }
  /** The bill the cost became (a home repair): the resident pays it in 账单. */
  feeBillId?: string
  lastUrgeAt?: number
  /** When the resident may 催单 next (urge.ts). */
  urgeAt?: number
  urgeCount: number
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface Actor {
  openid: string
  role: ActorRole
  name: string
}
