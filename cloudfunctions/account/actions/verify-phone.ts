import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import type { UserDoc } from '../../../src/core/account/types'
import { maskPhone } from '../../../src/core/shared/phone'

/**
 * 手机号快速验证: the button's one-time code goes to WeChat from here, never the number from the
 * client, so what is kept on the account is a number WeChat vouches for.
 */
export const verifyPhone: Handler<typeof accountContract.verifyPhone> = async (ctx, { code }) => {
  const { phone } = await ctx.phones.numberOf(code)
  const base: UserDoc = ctx.user ?? { _id: ctx.openid, createdAt: ctx.now, updatedAt: ctx.now }
  await ctx.store.c.users.set({ ...base, verifiedPhone: phone, phoneVerifiedAt: ctx.now, updatedAt: ctx.now })
  return { phone: maskPhone(phone) }
}
