/** Notices (公告): announcements, outage notices (停水/停电/停气) and community events (社区活动). */

export const NOTICE_CATEGORIES = ['water', 'power', 'gas', 'elevator', 'event', 'safety', 'general', 'other'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  water: '停水',
  power: '停电',
  gas: '停气',
  elevator: '电梯维保',
  event: '社区活动',
  safety: '安全提示',
  general: '物业通知',
  other: '其他',
}

/** Outages are incidents: they carry an ETA, updates and a close-out, and they are urgent. */
export const OUTAGE_CATEGORIES = ['water', 'power', 'gas'] as const satisfies readonly NoticeCategory[]
export type OutageCategory = (typeof OUTAGE_CATEGORIES)[number]

/** Who a notice is for: the whole community, or buildings ('1'), units ('1-1') or rooms (house ids). */
export const AUDIENCE_SCOPES = ['community', 'buildings', 'units', 'rooms'] as const
export type AudienceScope = (typeof AUDIENCE_SCOPES)[number]
export interface Audience {
  scope: AudienceScope
  targets: string[]
}

export type OutageState = 'active' | 'restored'
export interface OutageUpdate {
  at: number
  text: string
  etaAt?: number
}
export interface Outage {
  area: string
  startAt: number
  etaAt: number
  cause: string
  state: OutageState
  restoredAt?: number
  updates: OutageUpdate[]
}

export interface EventSignUp {
  capacity: number
  deadline: number
}

/**
 * notices/<id>. `round` counts what has to reach the audience (0 the notice, then each update and
 * the close-out); the send job walks the audience with `cursor` until `sendPending` is false.
 */
export interface NoticeDoc {
  _id: string
  communityId: string
  category: NoticeCategory
  title: string
  body: string
  audience: Audience
  /** Buildings the audience touches ([] for the whole community): read stats and zone checks. */
  buildings: string[]
  pinned: boolean
  publishAt: number
  expiresAt?: number
  withdrawn: boolean
  urgent: boolean
  outage?: Outage
  signUp?: EventSignUp
  round: number
  /** What the current round says, for the messages the send job writes. */
  roundTitle: string
  roundBody: string
  sendPending: boolean
  cursor: string | null
  recipients: number
  createdBy: string
  createdByName: string
  createdAt: number
  updatedAt: number
}

/**
 * What became of the last round a recipient was told. The in-app message always lands; the push
 * waits in the outbox (`pending`) until it is sent, refused for want of a subscribe grant
 * (`no_quota`: in-app only) or given up (`failed`). `ticket`: they heard it through their linked
 * repair ticket instead.
 */
export const DELIVERY_STATUSES = ['pending', 'sent', 'no_quota', 'failed', 'ticket'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '微信提醒排队中',
  sent: '已发订阅消息',
  no_quota: '未开启微信提醒，已发到消息中心',
  failed: '微信提醒没发出，已发到消息中心',
  ticket: '已由关联工单告知',
}

/**
 * noticeDeliveries/<noticeId>_<openid>: the last round this person was told, so no one is told
 * twice, and what became of it. While `pending`, the scheduler looks at the outbox again from
 * `checkAt` on (the push's own not-before time, so pushes held for quiet hours wait quietly).
 */
export interface DeliveryDoc {
  _id: string
  noticeId: string
  openid: string
  building: string
  round: number
  at: number
  status: DeliveryStatus
  messageId?: string
  outboxId?: string
  checkAt?: number
}

/** noticeReads/<noticeId>_<openid>: a read receipt. */
export interface ReadDoc {
  _id: string
  noticeId: string
  openid: string
  building: string
  at: number
}

/** noticeFollows/<noticeId>_<openid>: a resident who follows an outage instead of filing a repair. */
export interface FollowDoc {
  _id: string
  noticeId: string
  openid: string
  houseId: string
  building: string
  at: number
}

/** signups/<noticeId>_<openid>; the count lives in counters/signup_<noticeId>, read and written in one transaction. */
export interface SignUpDoc {
  _id: string
  noticeId: string
  openid: string
  name: string
  phone: string
  houseLabel: string
  status: 'active' | 'cancelled'
  at: number
}
