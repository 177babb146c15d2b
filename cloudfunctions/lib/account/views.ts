import { maskPhone } from '../../../src/core/shared/phone'
import { houseLabel, type House } from '../../../src/core/community/types'
import type { BindingDoc, UserDoc } from '../../../src/core/account/types'
import type { Ctx } from '../runtime/context'

export const houseLabelOf = (b: Pick<BindingDoc, 'houseId'>, house: House | null) => (house ? houseLabel(house) : b.houseId)

export function bindingView(b: BindingDoc, house: House | null) {
  return {
    id: b._id,
    houseId: b.houseId,
    communityId: b.communityId,
    label: houseLabelOf(b, house),
    role: b.role,
    name: b.name,
    phone: maskPhone(b.phone),
    status: b.status,
    autoApproved: b.autoApproved,
    phoneVerified: Boolean(b.phoneVerified),
    reason: b.reason,
    createdAt: b.createdAt,
    decidedAt: b.decidedAt,
    removedBy: b.removedBy,
    removedAt: b.removedAt,
  }
}

/** Houses by id in one query (≤ 50 ids per call in practice), for labelling bindings. */
export async function housesById(ctx: Ctx, ids: string[]): Promise<Map<string, House>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = await ctx.store.c.houses.find({ where: { _id: { $in: unique } }, limit: unique.length })
  return new Map(rows.map((h) => [h._id, h]))
}

export async function meView(ctx: Ctx, user: UserDoc | null) {
  const houses = await housesById(
    ctx,
    ctx.houses.map((b) => b.houseId),
  )
  const communityIds = [...new Set(ctx.houses.map((b) => b.communityId))]
  const communities = communityIds.length ? await ctx.store.c.communities.find({ where: { _id: { $in: communityIds } } }) : []
  const names = new Map(communities.map((c) => [c._id, c.name]))
  const staff = user?.staff
  return {
    openid: ctx.openid,
    nickname: user?.nickname,
    avatarUrl: user?.avatar ? (await ctx.files.urls([user.avatar]))[user.avatar] : undefined,
    privacyAccepted: Boolean(user?.privacyAcceptedAt),
    verifiedPhone: user?.verifiedPhone ? maskPhone(user.verifiedPhone) : undefined,
    houses: ctx.houses.map((b) => ({
      houseId: b.houseId,
      communityId: b.communityId,
      communityName: names.get(b.communityId) ?? '',
      label: houseLabelOf(b, houses.get(b.houseId) ?? null),
      role: b.role,
    })),
    staff:
      staff && staff.roles.length
        ? { name: staff.name, roles: staff.roles, communityId: staff.communityId, department: staff.department, zone: staff.zone }
        : undefined,
  }
}
