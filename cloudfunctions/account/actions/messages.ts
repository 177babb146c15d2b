import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'

const unread = (ctx: Parameters<Handler<typeof accountContract.unreadCount>>[0]) => ctx.store.c.messages.count({ openid: ctx.openid, read: false })

export const messages: Handler<typeof accountContract.messages> = async (ctx, { offset, limit }) => {
  const coll = ctx.store.c.messages
  const [items, total, n] = await Promise.all([
    coll.find({ where: { openid: ctx.openid }, orderBy: [['createdAt', 'desc']], offset, limit }),
    coll.count({ openid: ctx.openid }),
    unread(ctx),
  ])
  return { items: items.map(({ _id, openid: _o, ...m }) => ({ id: _id, ...m })), total, unread: n }
}

export const unreadCount: Handler<typeof accountContract.unreadCount> = async (ctx) => ({ unread: await unread(ctx) })

/** Only the caller's own messages are touched, whatever ids are sent. */
export const markRead: Handler<typeof accountContract.markRead> = async (ctx, { ids, all }) => {
  const coll = ctx.store.c.messages
  const targets = all
    ? await coll.find({ where: { openid: ctx.openid, read: false }, limit: 1000 })
    : (await coll.find({ where: { _id: { $in: ids ?? [] } }, limit: 50 })).filter((m) => m.openid === ctx.openid && !m.read)
  for (const m of targets) await coll.update(m._id, { read: true })
  return { unread: await unread(ctx) }
}
