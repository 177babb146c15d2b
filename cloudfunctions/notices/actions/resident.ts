import { AppError } from '../../../src/core/shared/errors'
import type { noticesContract } from '../../../src/core/notices/contracts'
import { inAudience, isActiveOutage, isVisible, matchesRepair, outageLine, residentOrder } from '../../../src/core/notices/rules'
import type { NoticeDoc } from '../../../src/core/notices/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { audienceLabel, summary } from '../../lib/notices/views'
import { scopeOf } from '../../../src/core/access/scope'

/** Notices a community has live now: one page by publish time (a community posts tens a month, not thousands). */
async function liveNotices(ctx: Ctx, communityId: string) {
  const docs = await ctx.store.c.notices.find({ where: { communityId, publishAt: { $lte: ctx.now } }, orderBy: [['publishAt', 'desc']], limit: 200 })
  return docs.filter((n) => isVisible(n, ctx.now))
}

async function myHouses(ctx: Ctx) {
  const ids = [...new Set(ctx.houses.map((b) => b.houseId))]
  return ids.length ? ctx.store.c.houses.find({ where: { _id: { $in: ids } }, limit: ids.length }) : []
}

async function oneHouse(ctx: Ctx, houseId: string) {
  if (!ctx.houses.some((b) => b.houseId === houseId)) throw new AppError('FORBIDDEN', '只能查看您已绑定的房屋')
  const h = await ctx.store.c.houses.get(houseId)
  if (!h) throw new AppError('NOT_FOUND', '房屋不存在')
  return h
}

async function readSet(ctx: Ctx, ids: string[]) {
  if (!ids.length) return new Set<string>()
  const reads = await ctx.store.c.noticeReads.find({ where: { openid: ctx.openid, noticeId: { $in: ids } }, limit: ids.length })
  return new Set(reads.map((r) => r.noticeId))
}

export const list: Handler<typeof noticesContract.list> = async (ctx, { offset, limit }) => {
  const houses = await myHouses(ctx)
  const mine: NoticeDoc[] = []
  for (const cid of new Set(houses.map((h) => h.communityId))) {
    for (const n of await liveNotices(ctx, cid)) if (houses.some((h) => h.communityId === cid && inAudience(n.audience, h))) mine.push(n)
  }
  const read = await readSet(
    ctx,
    mine.map((n) => n._id),
  )
  const ordered = residentOrder(mine, ctx.now)
  return { items: ordered.slice(offset, offset + limit).map((n) => summary(n, ctx.now, read.has(n._id))), unread: mine.filter((n) => !read.has(n._id)).length }
}

export const home: Handler<typeof noticesContract.home> = async (ctx, { houseId }) => {
  const h = await oneHouse(ctx, houseId)
  const live = (await liveNotices(ctx, h.communityId)).filter((n) => inAudience(n.audience, h))
  const outages = live.filter((n) => isActiveOutage(n, ctx.now))
  const pinned = live.filter((n) => n.pinned && !outages.includes(n)).slice(0, 3)
  // Only what 首页 draws: the main package has no room for a bigger shape.
  return {
    outages: outages.map((n) => ({ id: n._id, title: n.title, line: outageLine(n, ctx.now) })),
    pinned: pinned.map((n) => ({ id: n._id, title: n.title })),
  }
}

export const activeOutages: Handler<typeof noticesContract.activeOutages> = async (ctx, { houseId, category }) => {
  const h = await oneHouse(ctx, houseId)
  const hits = (await liveNotices(ctx, h.communityId)).filter(
    (n) => isActiveOutage(n, ctx.now) && inAudience(n.audience, h) && matchesRepair(n.category, category),
  )
  const follows = hits.length
    ? await ctx.store.c.noticeFollows.find({ where: { _id: { $in: hits.map((n) => `${n._id}_${ctx.openid}`) } }, limit: hits.length })
    : []
  return { items: hits.map((n) => ({ id: n._id, title: n.title, line: outageLine(n, ctx.now), following: follows.some((f) => f.noticeId === n._id) })) }
}

/** Residents see a notice only when one of their houses is in its audience; staff of the community always. */
async function loadForResident(ctx: Ctx, id: string) {
  const n = await ctx.store.c.notices.get(id)
  const staff = Boolean(n) && scopeOf(ctx.user?.staff)?.communityId === n!.communityId
  const houses = n ? (await myHouses(ctx)).filter((h) => h.communityId === n.communityId && inAudience(n.audience, h)) : []
  if (!n || (!staff && (!houses.length || !isVisible(n, ctx.now)))) throw new AppError('NOT_FOUND', '公告不存在或已过期')
  return { n, houses }
}

export const detail: Handler<typeof noticesContract.detail> = async (ctx, { noticeId }) => {
  const { n, houses } = await loadForResident(ctx, noticeId)
  const id = `${noticeId}_${ctx.openid}`
  if (houses.length && !(await ctx.store.c.noticeReads.get(id))) {
    await ctx.store.c.noticeReads.set({ _id: id, noticeId, openid: ctx.openid, building: houses[0].building, at: ctx.now })
  }
  const [follow, counter, mine] = await Promise.all([
    ctx.store.c.noticeFollows.get(id),
    n.signUp ? ctx.store.c.counters.get(`signup_${noticeId}`) : null,
    n.signUp ? ctx.store.c.signups.get(id) : null,
  ])
  return {
    ...summary(n, ctx.now, true),
    body: n.body,
    audienceLabel: audienceLabel(n.audience),
    ...(n.signUp
      ? {
          signUp: {
            ...n.signUp,
            taken: counter?.n ?? 0,
            mine: mine?.status === 'active',
            open: ctx.now <= n.signUp.deadline && (counter?.n ?? 0) < n.signUp.capacity,
          },
        }
      : {}),
    following: Boolean(follow),
  }
}

export const follow: Handler<typeof noticesContract.follow> = async (ctx, { noticeId, houseId }) => {
  const h = await oneHouse(ctx, houseId)
  const n = await ctx.store.c.notices.get(noticeId)
  if (!n || n.communityId !== h.communityId || !isActiveOutage(n, ctx.now) || !inAudience(n.audience, h))
    throw new AppError('INVALID_STATE', '该通知已结束或不影响此房屋')
  const id = `${noticeId}_${ctx.openid}`
  await ctx.store.c.noticeFollows.set({ _id: id, noticeId, openid: ctx.openid, houseId, building: h.building, at: ctx.now })
  return { following: true }
}
