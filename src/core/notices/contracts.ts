import { OFFICE_ROLES } from '../access/scope'
import * as z from '../shared/zod'
import { action, Id, pageFields, line, RequestId, text } from '../shared/contract'
import { CATEGORIES } from '../tickets/types'
import { AUDIENCE_SCOPES, DELIVERY_STATUSES, NOTICE_CATEGORIES } from './types'

const Time = z.number().check(z.int(), z.minimum(0))

export const AudienceInput = z.strictObject({
  scope: z.enum(AUDIENCE_SCOPES, '请选择发布范围'),
  targets: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))).check(z.maxLength(500, '范围最多 500 项')), []),
})

/** What staff fill in on 发布公告. Outages add the area, times and cause; events add sign-ups. */
export const ComposeNotice = z.strictObject({
  category: z.enum(NOTICE_CATEGORIES, '请选择类别'),
  title: line(2, 40, '请填写标题', '标题最多 40 个字'),
  body: text(2, 2000, '请填写正文', '正文最多 2000 个字'),
  audience: AudienceInput,
  pinned: z._default(z.boolean(), false),
  /** Scheduled publish time; default now. */
  publishAt: z.optional(Time),
  expiresAt: z.optional(Time),
  outage: z.optional(
    z.strictObject({
      area: line(2, 40, '请填写影响范围', '影响范围最多 40 个字'),
      startAt: Time,
      etaAt: Time,
      cause: text(2, 100, '请填写原因', '原因最多 100 个字'),
    }),
  ),
  signUp: z.optional(z.strictObject({ capacity: z.number().check(z.int(), z.minimum(1, '名额至少 1 人'), z.maximum(10_000)), deadline: Time })),
  requestId: z.optional(RequestId),
})

const OutageView = z.object({
  area: z.string(),
  startAt: z.number(),
  etaAt: z.number(),
  cause: z.string(),
  state: z.enum(['active', 'updated', 'restored']),
  restoredAt: z.optional(z.number()),
  line: z.string(),
  updates: z.array(z.object({ at: z.number(), text: z.string(), etaAt: z.optional(z.number()) })),
})

export const NoticeSummary = z.object({
  id: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  title: z.string(),
  excerpt: z.string(),
  pinned: z.boolean(),
  urgent: z.boolean(),
  publishAt: z.number(),
  expiresAt: z.optional(z.number()),
  outage: z.optional(OutageView),
  read: z.optional(z.boolean()),
})

export const NoticeDetail = z.object({
  ...NoticeSummary.shape,
  body: z.string(),
  audienceLabel: z.string(),
  signUp: z.optional(z.object({ capacity: z.number(), deadline: z.number(), taken: z.number(), mine: z.boolean(), open: z.boolean() })),
  following: z.boolean(),
})

export const StaffNotice = z.object({
  ...NoticeSummary.shape,
  audienceLabel: z.string(),
  scheduled: z.boolean(),
  sending: z.boolean(),
  recipients: z.number(),
  linkedTickets: z.number(),
  /** Linked repairs still open: what 已恢复 would resolve. */
  openLinkedTickets: z.number(),
  createdByName: z.string(),
})

const ByNotice = z.strictObject({ noticeId: Id })

/** An outage as the staff ticket page names it. */
const OutageRef = z.object({
  id: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  title: z.string(),
  line: z.string(),
  state: z.enum(['active', 'updated', 'restored']),
})

export const noticesContract = {
  publish: action({
    summary: 'Staff publish a notice to the community, buildings, units or rooms (a 管理员 only within their zone); sent in chunks by the scheduler.',
    callers: OFFICE_ROLES,
    input: ComposeNotice,
    output: StaffNotice,
  }),
  reach: action({
    summary: 'Before 发布: how many households and residents an audience reaches now (approved bindings; a person with two houses counts once).',
    callers: OFFICE_ROLES,
    input: z.strictObject({ audience: AudienceInput }),
    output: z.object({ households: z.number(), residents: z.number() }),
  }),
  update: action({
    summary: 'Post an update on an outage (e.g. a later ETA); pushed to the same audience and the followers.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ noticeId: Id, text: text(2, 200, '请填写进展', '最多 200 个字'), etaAt: z.optional(Time) }),
    output: StaffNotice,
  }),
  restore: action({
    summary: 'Close out an outage (已恢复): resolves every linked open ticket, tells the followers and the audience.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ noticeId: Id, note: z.optional(text(2, 200, '请填写说明')) }),
    output: z.object({ notice: StaffNotice, resolved: z.number(), followers: z.number() }),
  }),
  manage: action({
    summary: "Staff's list of the community's notices, newest first.",
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...pageFields }),
    output: z.object({ items: z.array(StaffNotice) }),
  }),
  stats: action({
    summary: 'Read share per building, delivery progress and the sign-up list of one notice.',
    callers: OFFICE_ROLES,
    input: ByNotice,
    output: z.object({
      notice: StaffNotice,
      buildings: z.array(z.object({ building: z.string(), delivered: z.number(), read: z.number(), share: z.number() })),
      signUps: z.array(z.object({ name: z.string(), phone: z.string(), houseLabel: z.string(), at: z.number() })),
      followers: z.number(),
      /** How many recipients' last message stands where: subscribe message sent, in-app only, queued … */
      statuses: z.array(z.object({ status: z.enum(DELIVERY_STATUSES), count: z.number() })),
    }),
  }),
  linkTicket: action({
    summary: 'Link an existing open repair to an outage, so restoring the outage resolves it.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ noticeId: Id, ticketId: Id }),
    output: z.object({ linked: z.boolean() }),
  }),
  forTicket: action({
    summary: 'Staff ticket page: the outage a repair is linked to, else the active outages that reach it and the caller may link (matching category first).',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ticketId: Id }),
    output: z.object({ linked: z.optional(OutageRef), candidates: z.array(z.object({ ...OutageRef.shape, matches: z.boolean() })) }),
  }),
  list: action({
    summary: "Notices for the resident's houses: active outages first, then pinned, then newest; with unread markers.",
    callers: ['signedIn'],
    input: z.strictObject({ ...pageFields }),
    output: z.object({ items: z.array(NoticeSummary), unread: z.number() }),
  }),
  home: action({
    summary: '首页: active outages for one house, then pinned notices (a small payload).',
    callers: ['signedIn'],
    input: z.strictObject({ houseId: Id }),
    output: z.object({
      outages: z.array(z.object({ id: z.string(), title: z.string(), line: z.string() })),
      pinned: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  }),
  activeOutages: action({
    summary: 'Active outages affecting a house, optionally only those that explain a repair category (停水 ↔ 水电).',
    callers: ['signedIn'],
    input: z.strictObject({ houseId: Id, category: z.optional(z.enum(CATEGORIES)) }),
    output: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), line: z.string(), following: z.boolean() })) }),
  }),
  detail: action({
    summary: 'One notice; records the read receipt.',
    callers: ['signedIn'],
    input: ByNotice,
    output: NoticeDetail,
  }),
  follow: action({
    summary: 'Follow an outage instead of filing a repair: told of every update and of the restore.',
    callers: ['signedIn'],
    input: z.strictObject({ noticeId: Id, houseId: Id }),
    output: z.object({ following: z.boolean() }),
  }),
  signUp: action({
    summary: 'Sign up for a community event; refused when full or past the deadline.',
    callers: ['signedIn'],
    input: ByNotice,
    output: z.object({ taken: z.number(), mine: z.boolean() }),
  }),
  cancelSignUp: action({
    summary: 'Cancel a sign-up before the deadline.',
    callers: ['signedIn'],
    input: ByNotice,
    output: z.object({ taken: z.number(), mine: z.boolean() }),
  }),
} as const
