import { AppError } from '../../../src/core/shared/errors'
import type { noticesContract } from '../../../src/core/notices/contracts'
import { isActiveOutage, matchesRepair, outageAffects, outageLine, outageView, readShare } from '../../../src/core/notices/rules'
import { DELIVERY_STATUSES, type NoticeDoc } from '../../../src/core/notices/types'
import { isOpen } from '../../../src/core/tickets/types'
import { maskPhone } from '../../../src/core/shared/phone'
import type { Handler } from '../../lib/runtime/handler'
import { loadTicket } from '../../lib/tickets/access'
import { canManage, checkedAudience, loadForStaff, staffCommunity } from '../../lib/notices/access'
import { countReach } from '../../lib/notices/send'
import { outageLinks, staffView } from '../../lib/notices/views'

export const manage: Handler<typeof noticesContract.manage> = async (ctx, { offset, limit }) => {
  const communityId = staffCommunity(ctx)
  const docs = await ctx.store.c.notices.find({ where: { communityId }, orderBy: [['publishAt', 'desc']], offset, limit })
  const mine = docs.filter((n) => canManage(ctx, n))
  return { items: await Promise.all(mine.map(async (n) => staffView(n, ctx.now, await outageLinks(ctx.store, n)))) }
}

/** Read share per building: two counts per building over indexed fields, never a scan of the audience. */
export const stats: Handler<typeof noticesContract.stats> = async (ctx, { noticeId }) => {
  const n = await loadForStaff(ctx, noticeId)
  let buildings = n.buildings
  if (!buildings.length) {
    const c = await ctx.store.c.communities.get(n.communityId)
    buildings = (c?.buildings ?? []).map((b) => b.no)
  }
  const per = await Promise.all(
    buildings.map(async (building) => {
      const [delivered, read] = await Promise.all([
        ctx.store.c.noticeDeliveries.count({ noticeId, building }),
        ctx.store.c.noticeReads.count({ noticeId, building }),
      ])
      return { building, delivered, read, share: readShare(read, delivered) }
    }),
  )
  const [signUps, followers, linked, statuses] = await Promise.all([
    n.signUp ? ctx.store.c.signups.find({ where: { noticeId, status: 'active' }, orderBy: [['at', 'asc']], limit: 1000 }) : [],
    ctx.store.c.noticeFollows.count({ noticeId }),
    outageLinks(ctx.store, n),
    // One count per status over the (noticeId, status) index: each recipient's last round, as recorded.
    Promise.all(DELIVERY_STATUSES.map(async (status) => ({ status, count: await ctx.store.c.noticeDeliveries.count({ noticeId, status }) }))),
  ])
  return {
    notice: staffView(n, ctx.now, linked),
    buildings: per,
    signUps: signUps.map((s) => ({ name: s.name, phone: maskPhone(s.phone), houseLabel: s.houseLabel, at: s.at })),
    followers,
    statuses,
  }
}

/** What the staff ticket page says of outages: the one a repair is linked to, else those it could be. */
export const forTicket: Handler<typeof noticesContract.forTicket> = async (ctx, { ticketId }) => {
  const communityId = staffCommunity(ctx)
  const t = await loadTicket(ctx, ticketId)
  if (t.communityId !== communityId) throw new AppError('NOT_FOUND', '工单不存在')
  const ref = (n: NoticeDoc) => ({ id: n._id, category: n.category, title: n.title, line: outageLine(n, ctx.now), state: outageView(n) ?? 'active' })
  if (t.outageId) {
    const n = await ctx.store.c.notices.get(t.outageId)
    return { ...(n && n.communityId === communityId && n.outage ? { linked: ref(n) } : {}), candidates: [] }
  }
  if (t.type !== 'repair' || !isOpen(t.status)) return { candidates: [] }
  const house = t.houseId ? await ctx.store.c.houses.get(t.houseId) : null
  // A community posts tens of notices a month: one page by publish time holds every live outage.
  const live = await ctx.store.c.notices.find({ where: { communityId, publishAt: { $lte: ctx.now } }, orderBy: [['publishAt', 'desc']], limit: 200 })
  const hits = live.filter((n) => isActiveOutage(n, ctx.now) && outageAffects(n, { building: t.building, house }) && canManage(ctx, n))
  const matching = (n: NoticeDoc) => matchesRepair(n.category, t.category)
  return { candidates: [...hits.filter(matching), ...hits.filter((n) => !matching(n))].map((n) => ({ ...ref(n), matches: matching(n) })) }
}

export const reach: Handler<typeof noticesContract.reach> = async (ctx, input) => countReach(ctx.store, await checkedAudience(ctx, input.audience))
