import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import type { UserDoc } from '../../../src/core/account/types'
import { meView } from '../../lib/account/views'
import { requireOwnUploads } from '../../lib/files/uploads'

/** The user document is created on the first profile write, not on every visit. */
export const updateProfile: Handler<typeof accountContract.updateProfile> = async (ctx, input) => {
  await requireOwnUploads(ctx, ctx.openid, input.avatar ? [input.avatar] : [], 'avatar')
  const base: UserDoc = ctx.user ?? { _id: ctx.openid, createdAt: ctx.now, updatedAt: ctx.now }
  const next: UserDoc = {
    ...base,
    ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
    ...(input.avatar !== undefined ? { avatar: input.avatar } : {}),
    ...(input.acceptPrivacy ? { privacyAcceptedAt: base.privacyAcceptedAt ?? ctx.now } : {}),
    updatedAt: ctx.now,
  }
  await ctx.store.c.users.set(next)
  return meView(ctx, next)
}
