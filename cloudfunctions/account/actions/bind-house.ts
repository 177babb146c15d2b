import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { decideBinding, isLive } from '../../../src/core/account/rules'
import type { ArchiveDoc, BindingDoc } from '../../../src/core/account/types'
import type { House } from '../../../src/core/community/types'
import { AppError } from '../../../src/core/shared/errors'
import { newId } from '../../lib/runtime/ids'
import { bindingView } from '../views'

export const bindHouse: Handler<typeof accountContract.bindHouse> = async (ctx, input) => {
  const house = await ctx.store.collection<House>('houses').get(input.houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在，请重新选择', { houseId: '房屋不存在' })

  const mine = await ctx.store
    .collection<BindingDoc>('bindings')
    .find({ where: { houseId: house._id, openid: ctx.openid }, limit: 20 })
  const live = mine.find(isLive)
  if (live) {
    throw new AppError('CONFLICT', live.status === 'approved' ? '您已绑定该房屋' : '该房屋的绑定申请正在审核中')
  }

  const archive = await ctx.store.collection<ArchiveDoc>('archive').get(house._id)
  const status = decideBinding(archive, input)
  const binding: BindingDoc = {
    _id: newId(ctx.now),
    openid: ctx.openid,
    communityId: house.communityId,
    houseId: house._id,
    building: house.building,
    role: input.role,
    name: input.name,
    phone: input.phone,
    status,
    autoApproved: status === 'approved',
    ...(status === 'approved' ? { decidedAt: ctx.now, decidedBy: 'archive' } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  await ctx.store.collection<BindingDoc>('bindings').add(binding)
  return bindingView(binding, house)
}
