import { OFFICE_ROLES } from '../access/scope'
import * as z from '../shared/zod'
import { action, Empty, FileId, Id, pageFields, line, text } from '../shared/contract'
import { STAFF_ROLES, DEPARTMENTS } from '../shared/roles'
import { CommunitySchema } from '../community/types'
import { BINDING_STATUSES, HOUSE_ROLES, REMOVED_BY } from './types'
import { houseFileContract } from './house-file-contracts'
import { BindRequest } from './bind-input'

export { BindRequest }

/** What an upload is for: the folder it goes to and the records that may attach it. */
export const UPLOAD_PURPOSES = ['tickets', 'surveys', 'avatars', 'decoration'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

export const HouseRef = z.object({
  houseId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  label: z.string(),
  role: z.enum(HOUSE_ROLES),
})

export const BindingView = z.object({
  id: z.string(),
  houseId: z.string(),
  communityId: z.string(),
  label: z.string(),
  role: z.enum(HOUSE_ROLES),
  name: z.string(),
  /** Always masked: 138****1234. */
  phone: z.string(),
  status: z.enum(BINDING_STATUSES),
  autoApproved: z.boolean(),
  /** The phone is the one WeChat verified for the claimant's account. */
  phoneVerified: z.boolean(),
  reason: z.optional(z.string()),
  createdAt: z.number(),
  decidedAt: z.optional(z.number()),
  removedBy: z.optional(z.enum(REMOVED_BY)),
  removedAt: z.optional(z.number()),
})

/** One person on a house, as its members and staff in scope see them. */
export const HouseMember = z.object({
  bindingId: z.string(),
  name: z.string(),
  role: z.enum(HOUSE_ROLES),
  status: z.enum(BINDING_STATUSES),
  /** Masked: 138****1234. */
  phone: z.string(),
  phoneVerified: z.boolean(),
  isMe: z.boolean(),
  since: z.number(),
  /** The caller may end this binding (their own; a tenant or family member for the owner; any for staff). */
  canRemove: z.boolean(),
})

export const Me = z.object({
  openid: z.string(),
  nickname: z.optional(z.string()),
  /** A link to show the avatar (short-lived, as every file link). */
  avatarUrl: z.optional(z.string()),
  privacyAccepted: z.boolean(),
  /** The number WeChat verified for this account, masked; absent until 手机号快速验证. */
  verifiedPhone: z.optional(z.string()),
  houses: z.array(HouseRef),
  staff: z.optional(
    z.object({
      name: z.string(),
      roles: z.array(z.enum(STAFF_ROLES)),
      communityId: z.string(),
      department: z.optional(z.enum(DEPARTMENTS)),
      zone: z.optional(z.array(z.string())),
    }),
  ),
})

/** Why staff end someone's binding: the person reads it. */
const RemoveReason = text(2, 100, '请填写解除原因', '原因最多 100 个字')

export const accountContract = {
  ...houseFileContract,
  whoami: action({
    summary: 'Who the caller is: profile, staff roles and approved houses.',
    callers: ['signedIn'],
    input: Empty,
    output: Me,
  }),
  updateProfile: action({
    summary: 'Set nickname and avatar (chosen the WeChat way), or record privacy consent.',
    callers: ['signedIn'],
    input: z.strictObject({
      nickname: z.optional(line(1, 20, '昵称不能为空', '昵称最多 20 个字')),
      avatar: z.optional(FileId),
      acceptPrivacy: z.optional(z.literal(true)),
    }),
    output: Me,
  }),
  subscribeTemplates: action({
    summary: 'Template ids for wx.requestSubscribeMessage, by our template keys (ids are per deployment).',
    callers: ['signedIn'],
    input: z.strictObject({ keys: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(5)) }),
    output: z.array(z.object({ key: z.string(), id: z.string(), title: z.string() })),
  }),
  recordSubscriptions: action({
    summary: 'What the resident answered in the subscribe panel; each accept allows exactly one message.',
    callers: ['signedIn'],
    input: z.strictObject({
      results: z.record(z.string().check(z.maxLength(40)), z.enum(['accept', 'reject', 'ban', 'filter'])),
    }),
    output: z.object({ granted: z.array(z.string()) }),
  }),
  messages: action({
    summary: 'The in-app message center: every step that concerns the caller, newest first, with the unread count.',
    callers: ['signedIn'],
    input: z.strictObject(pageFields),
    output: z.object({
      items: z.array(z.object({ id: z.string(), title: z.string(), body: z.string(), page: z.string(), read: z.boolean(), createdAt: z.number() })),
      total: z.number(),
      unread: z.number(),
    }),
  }),
  unreadCount: action({
    summary: 'Unread messages, for the tab badge.',
    callers: ['signedIn'],
    input: Empty,
    output: z.object({ unread: z.number() }),
  }),
  markRead: action({
    summary: 'Mark messages read: the given ids, or all of them.',
    callers: ['signedIn'],
    input: z.strictObject({ ids: z.optional(z.array(Id).check(z.maxLength(50))), all: z.optional(z.literal(true)) }),
    output: z.object({ unread: z.number() }),
  }),
  communities: action({
    summary: 'Communities with their buildings and units, for the house picker and the home page.',
    callers: ['signedIn'],
    input: Empty,
    output: z.array(CommunitySchema),
  }),
  rooms: action({
    summary: 'Rooms of one unit, for the house picker.',
    callers: ['signedIn'],
    input: z.strictObject({ communityId: Id, building: line(1, 8, '请选择楼栋'), unit: line(1, 8, '请选择单元') }),
    output: z.array(z.object({ houseId: z.string(), room: z.string(), floor: z.number() })),
  }),
  verifyPhone: action({
    summary: 'Exchange the code of the 手机号快速验证 button (getPhoneNumber) for the number WeChat verified, kept on the account.',
    callers: ['signedIn'],
    input: z.strictObject({ code: z.string().check(z.minLength(1, '请重新点击验证'), z.maxLength(128)) }),
    output: z.object({ phone: z.string() }),
  }),
  registerUpload: action({
    summary: 'Record a file the caller just uploaded to cloud storage as theirs, after checking by its bytes that it is an image; answers a link to show it.',
    callers: ['signedIn'],
    input: z.strictObject({ fileId: FileId, purpose: z.enum(UPLOAD_PURPOSES) }),
    output: z.object({ fileId: z.string(), url: z.string(), type: z.string(), size: z.number() }),
  }),
  bindHouse: action({
    summary:
      'Claim a house. Approved at once only when name, role and a WeChat-verified phone match the owner archive; else pending. The house’s members are told.',
    callers: ['signedIn'],
    input: BindRequest,
    output: BindingView,
  }),
  myHouses: action({
    summary: "The caller's bindings, including pending and rejected ones with the reason.",
    callers: ['signedIn'],
    input: Empty,
    output: z.array(BindingView),
  }),
  houseMembers: action({
    summary: 'The people bound to a house (and pending claims), for its approved members and for staff in scope.',
    callers: ['signedIn'],
    input: z.strictObject({ houseId: Id }),
    output: z.object({
      houseId: z.string(),
      label: z.string(),
      /** What the caller is here: owner and member by binding; staff by scope (removing needs a reason). */
      standing: z.enum(['owner', 'member', 'staff']),
      members: z.array(HouseMember),
    }),
  }),
  removeBinding: action({
    summary:
      'End a binding: one’s own, a tenant’s or family member’s by the owner, any by staff in scope (reason required). Access ends at once; audited; the people of the house are told.',
    callers: ['signedIn'],
    input: z.strictObject({ bindingId: Id, reason: z.optional(RemoveReason) }),
    output: BindingView,
  }),
  pendingBindings: action({
    summary: 'Staff: bindings waiting for a decision in the caller’s community (a 管理员: their zone).',
    callers: OFFICE_ROLES,
    input: z.strictObject(pageFields),
    output: z.object({ items: z.array(BindingView), total: z.number() }),
  }),
  approveBinding: action({
    summary: 'Staff: approve a pending binding.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ bindingId: Id }),
    output: BindingView,
  }),
  rejectBinding: action({
    summary: 'Staff: reject a pending binding with a reason the resident will read.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ bindingId: Id, reason: text(2, 100, '请填写驳回原因', '原因最多 100 个字') }),
    output: BindingView,
  }),
} as const
