import { AppError } from '../../../src/core/shared/errors'
import type { Ctx } from '../runtime/context'

/** A house the caller is bound to; `owner` when the binding is the owner's. */
export async function memberHouse(ctx: Ctx, houseId: string) {
  const binding = ctx.houses.find((b) => b.houseId === houseId)
  if (!binding) throw new AppError('FORBIDDEN', '您没有绑定这套房屋')
  const house = await ctx.store.c.houses.get(houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  return { house, isOwner: binding.role === 'owner', binding }
}
