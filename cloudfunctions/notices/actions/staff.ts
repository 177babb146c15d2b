import type { noticesContract } from '../../../src/core/notices/contracts'
import { readShare } from '../../../src/core/notices/rules'
import type { NoticeDoc, SignUpDoc } from '../../../src/core/notices/types'
import { maskPhone } from '../../../src/core/shared/phone'
import type { Handler } from '../../lib/runtime/handler'
import { loadForStaff, staffCommunity } from '../access'
import { staffView } from '../views'

export const manage: Handler<typeof noticesContract.manage> = async (ctx, { offset, limit }) => {
  const communityId = staffCommunity(ctx)
  const zone = ctx.callers.includes('manager') && !ctx.callers.some((c) => c === 'agent' || c === 'supervisor') ? (ctx.user?.staff?.zone ?? []) : null
  const docs = await ctx.store.collection<NoticeDoc>('notices').find({ where: { communityId }, orderBy: [['publishAt', 'desc']], offset, limit })
  const seen = zone ? docs.filter((n) => n.buildings.length > 0 && n.buildings.every((b) => zone.includes(b))) : docs
  return { items: seen.map((n) => staffView(n, ctx.now)) }
}

/** Read share per building: two counts per building over indexed fields, never a scan of the audience. */
export const stats: Handler<typeof noticesContract.stats> = async (ctx, { noticeId }) => {
  const n = await loadForStaff(ctx, noticeId)
  let buildings = n.buildings
  if (!buildings.length) {
    const c = await ctx.store.collection<{ _id: string; buildings: { no: string }[] }>('communities').get(n.communityId)
    buildings = (c?.buildings ?? []).map((b) => b.no)
  }
  const per = await Promise.all(
    buildings.map(async (building) => {
      const [delivered, read] = await Promise.all([
        ctx.store.collection('noticeDeliveries').count({ noticeId, building }),
        ctx.store.collection('noticeReads').count({ noticeId, building }),
      ])
      return { building, delivered, read, share: readShare(read, delivered) }
    }),
  )
  const [signUps, followers, linked] = await Promise.all([
    n.signUp ? ctx.store.collection<SignUpDoc>('signups').find({ where: { noticeId, status: 'active' }, orderBy: [['at', 'asc']], limit: 1000 }) : [],
    ctx.store.collection('noticeFollows').count({ noticeId }),
    ctx.store.collection('tickets').count({ outageId: noticeId }),
  ])
  return {
    notice: staffView(n, ctx.now, linked),
    buildings: per,
    signUps: signUps.map((s) => ({ name: s.name, phone: maskPhone(s.phone), houseLabel: s.houseLabel, at: s.at })),
    followers,
  }
}
