import { AppError } from '../../../src/core/shared/errors'
import { houseLabel } from '../../../src/core/community/types'
import type { noticesContract } from '../../../src/core/notices/contracts'
import { assertCanSignUp, inAudience, isVisible } from '../../../src/core/notices/rules'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'

async function eventFor(ctx: Ctx, noticeId: string) {
  const n = await ctx.store.c.notices.get(noticeId)
  const ids = ctx.houses.map((b) => b.houseId)
  const houses = n && ids.length ? await ctx.store.c.houses.find({ where: { _id: { $in: ids } }, limit: ids.length }) : []
  const house = houses.find((h) => h.communityId === n?.communityId && inAudience(n.audience, h))
  if (!n || !house || !isVisible(n, ctx.now)) throw new AppError('NOT_FOUND', '活动不存在或已结束')
  if (!n.signUp) throw new AppError('INVALID_STATE', '该公告不接受报名')
  return { n, house, signUp: n.signUp, binding: ctx.houses.find((b) => b.houseId === house._id)! }
}

/**
 * The count and the person's sign-up are read and written in one transaction, so when many sign
 * up at once the store's optimistic concurrency lets exactly `capacity` of them in.
 */
export const signUp: Handler<typeof noticesContract.signUp> = async (ctx, { noticeId }) => {
  const { house, signUp: s, binding } = await eventFor(ctx, noticeId)
  return ctx.store.transaction(async (tx) => {
    const id = `${noticeId}_${ctx.openid}`
    const mine = await tx.c.signups.get(id)
    const counter = await tx.c.counters.get(`signup_${noticeId}`)
    const taken = counter?.n ?? 0
    if (mine?.status === 'active') return { taken, mine: true }
    assertCanSignUp(s, taken, ctx.now)
    await tx.c.counters.set({ _id: `signup_${noticeId}`, n: taken + 1 })
    await tx.c.signups.set({
      _id: id,
      noticeId,
      openid: ctx.openid,
      name: binding.name,
      phone: binding.phone,
      houseLabel: houseLabel(house),
      status: 'active',
      at: ctx.now,
    })
    return { taken: taken + 1, mine: true }
  })
}

export const cancelSignUp: Handler<typeof noticesContract.cancelSignUp> = async (ctx, { noticeId }) => {
  const { signUp: s } = await eventFor(ctx, noticeId)
  if (ctx.now > s.deadline) throw new AppError('INVALID_STATE', '报名已截止，无法取消')
  return ctx.store.transaction(async (tx) => {
    const id = `${noticeId}_${ctx.openid}`
    const mine = await tx.c.signups.get(id)
    const counter = await tx.c.counters.get(`signup_${noticeId}`)
    const taken = counter?.n ?? 0
    if (mine?.status !== 'active') return { taken, mine: false }
    await tx.c.counters.set({ _id: `signup_${noticeId}`, n: Math.max(0, taken - 1) })
    await tx.c.signups.update(id, { status: 'cancelled', at: ctx.now })
    return { taken: Math.max(0, taken - 1), mine: false }
  })
}
