import * as z from '../shared/zod'
import { action, Empty, Id, line, text } from '../shared/contract'
import { DEPARTMENTS, STAFF_ROLES } from '../shared/roles'
import { CALLBACK_POLICIES } from '../surveys/types'
import { MAX_REVIEW_ABOVE } from '../bills/offline-review'

/* Team and settings (客服主任): staff and the on-duty roster, saved replies, the callback and 催缴 policies. */

/** WeChat openids (and the local host's dev-… ones): letters, digits, - and _. */
const Openid = z
  .string('请填写 openid')
  .check(z.trim(), z.minLength(1, '请填写 openid'), z.maxLength(64, 'openid 最长 64 个字符'), z.regex(/^[A-Za-z0-9_-]+$/, 'openid 只含字母、数字、- 和 _'))

const Profile = {
  name: line(1, 10, '请填写姓名', '姓名最多 10 个字'),
  roles: z
    .array(z.enum(STAFF_ROLES, '角色只能是客服、维修/服务人员、管理员或客服主任'))
    .check(z.minLength(1, '请至少选择一个角色'), z.maxLength(4, '角色最多 4 个')),
  department: z.optional(z.enum(DEPARTMENTS, '部门只能是工程部、保洁部、保安部或绿化部')),
  /** Buildings a 管理员 answers for; each must exist in the community (checked against communities/<id>). */
  zone: z._default(z.array(line(1, 8, '请选择楼栋', '楼栋号最多 8 个字')).check(z.maxLength(100, '楼栋最多 100 个')), []),
  onDuty: z.boolean('请选择是否值班'),
}

export const MemberInput = z.strictObject({ openid: Openid, ...Profile })

const MemberView = z.object({
  openid: z.string(),
  name: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  department: z.optional(z.enum(DEPARTMENTS)),
  zone: z.array(z.string()),
  onDuty: z.boolean(),
  /** Masked (138****1234): the roster is not where staff phone numbers are read. */
  phone: z.optional(z.string()),
  isMe: z.boolean(),
})

export const ReplyInput = z.strictObject({
  /** Absent: a new reply, placed last. */
  id: z.optional(Id),
  title: line(1, 12, '请填写标题', '标题最多 12 个字'),
  text: text(1, 200, '请填写回复内容', '回复内容最多 200 个字'),
})

const ReplyView = z.object({ id: z.string(), title: z.string(), text: z.string(), order: z.number() })

const WholeNumber = (min: number, max: number, msg: string) => z.number(msg).check(z.int(msg), z.minimum(min, msg), z.maximum(max, msg))
const Hour = (msg: string) => WholeNumber(0, 23, msg)

/** billSettings/<communityId>.policy, whole: read by the daily 催缴 job and by campaigns. */
export const ReminderPolicyInput = z.strictObject({
  daysBefore: WholeNumber(0, 30, '提前天数须为 0–30 的整数（0 表示不提前提醒）'),
  onDue: z.boolean('请选择到期当天是否提醒'),
  overdueDays: z.array(WholeNumber(1, 365, '逾期天数须为 1–365 的正整数')).check(z.maxLength(10, '逾期提醒最多 10 次')),
  minGapDays: WholeNumber(1, 30, '两次提醒的间隔须为 1–30 天'),
  hour: Hour('每日提醒时间须为 0–23 点'),
  quiet: z.strictObject({ start: Hour('免打扰开始须为 0–23 点'), end: Hour('免打扰结束须为 0–23 点') }),
})

/** billSettings/<communityId>.offlineReview: desk payments above this many fen need a second person. */
export const OfflinePolicyInput = z.strictObject({
  reviewAbove: WholeNumber(0, MAX_REVIEW_ABOVE, '复核金额须为 0–100000 元，最多两位小数（0 表示每笔都复核）'),
})

const Changed = { updatedAt: z.optional(z.number()), updatedByName: z.optional(z.string()) }
const CallbackView = z.object({ policy: z.enum(CALLBACK_POLICIES), isDefault: z.boolean() })
const RemindersView = z.object({ policy: ReminderPolicyInput, isDefault: z.boolean(), ...Changed })
const OfflineView = z.object({ reviewAbove: z.number(), isDefault: z.boolean(), ...Changed })

export const teamContract = {
  team: action({
    summary: "The community's staff (roles, department, zone, on duty; phone masked), its buildings, and how many are 客服主任 and on duty.",
    callers: ['supervisor'],
    input: Empty,
    output: z.object({ members: z.array(MemberView), buildings: z.array(z.string()), supervisors: z.number(), onDuty: z.number() }),
  }),
  addMember: action({
    summary: 'Make someone who has opened the mini-program (users/<openid> exists) staff of this community. Audited.',
    callers: ['supervisor'],
    input: MemberInput,
    output: MemberView,
  }),
  updateMember: action({
    summary:
      "Change a member's name, roles, department, zone or on-duty flag. Handlers need a department, 管理员 at least one existing building; never leaves the community without a 客服主任 or with nobody on duty. Audited.",
    callers: ['supervisor'],
    input: MemberInput,
    output: MemberView,
  }),
  removeMember: action({
    summary: 'Take the staff role away (the person stays a resident). Never oneself, the last 客服主任 or the last person on duty. Audited.',
    callers: ['supervisor'],
    input: z.strictObject({ openid: Openid }),
    output: z.object({ openid: z.string() }),
  }),
  replies: action({
    summary: "The community's saved replies in their order (what tickets.savedReplies shows agents).",
    callers: ['supervisor'],
    input: Empty,
    output: z.array(ReplyView),
  }),
  saveReply: action({
    summary: 'Create (no id; placed last) or edit a saved reply: title ≤ 12 characters, text ≤ 200; at most 50. Audited.',
    callers: ['supervisor'],
    input: ReplyInput,
    output: ReplyView,
  }),
  deleteReply: action({
    summary: 'Delete a saved reply. Audited.',
    callers: ['supervisor'],
    input: z.strictObject({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  orderReplies: action({
    summary: 'Put the saved replies in this order: every id of the community exactly once. Audited.',
    callers: ['supervisor'],
    input: z.strictObject({ ids: z.array(Id).check(z.minLength(1, '请给出常用回复的顺序'), z.maxLength(50, '常用回复最多 50 条')) }),
    output: z.array(ReplyView),
  }),
  policies: action({
    summary:
      'The callback policy (settings/<communityId>.callbackPolicy), the 催缴 reminder policy and the desk-payment review threshold (billSettings/<communityId>), defaults until changed.',
    callers: ['supervisor'],
    input: Empty,
    output: z.object({ callback: CallbackView, reminders: RemindersView, offline: OfflineView }),
  }),
  setCallbackPolicy: action({
    summary: 'Change the callback policy: always, only when not rated within 72 h, or never; applies to jobs finished from now on. Audited.',
    callers: ['supervisor'],
    input: z.strictObject({ policy: z.enum(CALLBACK_POLICIES, '回访策略只能是全部回访、72 小时未评价的回访或不回访') }),
    output: CallbackView,
  }),
  saveReminderPolicy: action({
    summary:
      'Change the 催缴 reminder policy: days before due, on the due date, overdue offsets (positive, ascending, distinct), minimum days between prompts, daily hour, quiet hours. The next daily run uses it. Audited.',
    callers: ['supervisor'],
    input: ReminderPolicyInput,
    output: RemindersView,
  }),
  saveOfflinePolicy: action({
    summary:
      'Change the review threshold for cash and transfers taken at the desk (fen; default ¥2,000): above it a payment waits for a second staff member before it is credited. Applies to the next payment. Audited.',
    callers: ['supervisor'],
    input: OfflinePolicyInput,
    output: OfflineView,
  }),
} as const
