import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { decideBinding, isLive } from '../../../src/core/account/rules'
import type { BindingDoc } from '../../../src/core/account/types'
import { houseLabel } from '../../../src/core/community/types'
import { AppError } from '../../../src/core/shared/errors'
import { newId } from '../../lib/runtime/ids'
import { bindingView } from '../../lib/account/views'
import { approvedMembers, tellMembers, whoLabel } from '../../lib/account/members'

/** Claims one account may file in a day, across all houses: enough for a family, too few to trawl the archive. */
export const CLAIMS_PER_DAY = 5

export const bindHouse: Handler<typeof accountContract.bindHouse> = async (ctx, input) => {
  const recent = await ctx.store.c.bindings.count({ openid: ctx.openid, createdAt: { $gte: ctx.now - 86_400_000 } })
  if (recent >= CLAIMS_PER_DAY) throw new AppError('RATE_LIMITED', `24 小时内最多提交 ${CLAIMS_PER_DAY} 次绑定申请，请明天再试或联系物业`)
  const verified = ctx.user?.verifiedPhone
  const phone = input.phone ?? verified
  if (!phone) throw new AppError('INVALID_INPUT', '请先验证手机号，或手动填写', { phone: '请先验证手机号，或手动填写' })
  const house = await ctx.store.c.houses.get(input.houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在，请重新选择', { houseId: '房屋不存在' })

  const [archive, members] = await Promise.all([ctx.store.c.archive.get(house._id), approvedMembers(ctx, house._id)])
  const phoneVerified = phone === verified
  const status = decideBinding(archive, { ...input, phone, phoneVerified })
  const binding: BindingDoc = {
    _id: newId(ctx.now),
    openid: ctx.openid,
    communityId: house.communityId,
    houseId: house._id,
    building: house.building,
    role: input.role,
    name: input.name,
    phone,
    status,
    autoApproved: status === 'approved',
    phoneVerified,
    ...(status === 'approved' ? { decidedAt: ctx.now, decidedBy: 'archive' } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const label = houseLabel(house)
  // One live claim per person and house, even when they tap twice: a claim document keyed by
  // both, read and written in the transaction, serialises the check and the insert.
  await ctx.store.transaction(async (tx) => {
    const claimId = `${house._id}_${ctx.openid}`
    const claim = await tx.c.claims.get(claimId)
    const live = claim ? await tx.c.bindings.get(claim.bindingId) : null
    if (live && isLive(live)) {
      throw new AppError('CONFLICT', live.status === 'approved' ? '您已绑定该房屋' : '该房屋的绑定申请正在审核中')
    }
    await tx.c.bindings.set(binding)
    await tx.c.claims.set({ _id: claimId, bindingId: binding._id })
    // The people already in the house hear of every claim: a stranger's is seen before staff decide.
    await tellMembers(
      tx,
      ctx,
      members,
      [ctx.openid],
      status === 'approved'
        ? {
            title: '房屋有新成员',
            body: `${whoLabel(binding)} 已绑定 ${label}。如不认识此人，请在「房屋成员」中移除，或致电物业。`,
            result: '新成员绑定',
            note: whoLabel(binding),
            label,
            houseId: house._id,
            push: true,
          }
        : {
            title: '有人申请绑定您的房屋',
            body: `${whoLabel(binding)} 申请绑定 ${label}，物业核实后才会通过。如不认识此人，请致电物业。`,
            result: '待审核',
            note: whoLabel(binding),
            label,
            houseId: house._id,
            push: false,
          },
    )
  })
  return bindingView(binding, house)
}
