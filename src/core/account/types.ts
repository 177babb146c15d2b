import * as z from '../shared/zod'
import { STAFF_ROLES, DEPARTMENTS } from '../shared/roles'

export const HOUSE_ROLES = ['owner', 'tenant', 'family'] as const
export type HouseRole = (typeof HOUSE_ROLES)[number]
export const HOUSE_ROLE_LABELS: Record<HouseRole, string> = { owner: '业主', tenant: '租户', family: '家属' }

export const BINDING_STATUSES = ['pending', 'approved', 'rejected', 'removed'] as const
export type BindingStatus = (typeof BINDING_STATUSES)[number]
export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  pending: '待审核',
  approved: '已绑定',
  rejected: '未通过',
  removed: '已解除',
}

/** Who ended a binding: the person themselves, the house's owner, or staff (with a reason). */
export const REMOVED_BY = ['self', 'owner', 'staff'] as const
export type RemovedBy = (typeof REMOVED_BY)[number]
export const REMOVED_BY_LABELS: Record<RemovedBy, string> = { self: '本人解除', owner: '业主移除', staff: '物业解除' }

/** A staff member's place in the company, kept on the user document. */
export const StaffProfileSchema = z.object({
  name: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  communityId: z.string(),
  department: z.optional(z.enum(DEPARTMENTS)),
  /** Buildings a 管理员 answers for. */
  zone: z.optional(z.array(z.string())),
  onDuty: z.optional(z.boolean()),
})
export type StaffProfile = z.infer<typeof StaffProfileSchema>

/** users/<openid> */
export interface UserDoc {
  _id: string
  nickname?: string
  /** The avatar's stored file id. */
  avatar?: string
  /** A staff member's work phone, set in 团队. */
  phone?: string
  /** The number WeChat verified for this account (手机号快速验证), and when. */
  verifiedPhone?: string
  phoneVerifiedAt?: number
  staff?: StaffProfile
  privacyAcceptedAt?: number
  createdAt: number
  updatedAt: number
}

/** bindings/<id>: a person's claim on a house, and its decision. */
export interface BindingDoc {
  _id: string
  openid: string
  communityId: string
  houseId: string
  building: string
  role: HouseRole
  name: string
  phone: string
  status: BindingStatus
  autoApproved: boolean
  /** The phone is the one WeChat verified for this account, not one typed in. */
  phoneVerified?: boolean
  reason?: string
  decidedBy?: string
  decidedAt?: number
  removedBy?: RemovedBy
  removedAt?: number
  createdAt: number
  updatedAt: number
}

/** archive/<houseId>: the owner archive the management office keeps (业主档案). */
export interface ArchiveDoc {
  _id: string
  communityId: string
  members: { name: string; phone: string; role: HouseRole }[]
}

/** houseNotes/<id>: a staff note on a house file. Staff only: no resident-facing call reads them. */
export interface HouseNoteDoc {
  _id: string
  communityId: string
  houseId: string
  building: string
  text: string
  by: { openid: string; name: string }
  at: number
}
