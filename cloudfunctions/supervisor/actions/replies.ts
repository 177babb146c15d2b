import { AppError } from '../../../src/core/shared/errors'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import type { SavedReplyDoc } from '../../../src/core/supervisor/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { newId } from '../../lib/runtime/ids'
import { auditChange } from '../../lib/runtime/audit'
import { communityOf } from '../../lib/runtime/scope'

/** tickets.savedReplies shows 50: more would be saved and never seen. */
const MAX_REPLIES = 50

const view = (r: SavedReplyDoc) => ({ id: r._id, title: r.title, text: r.text, order: r.order })

const listOf = (ctx: Ctx, communityId: string) => ctx.store.c.savedReplies.find({ where: { communityId }, orderBy: [['order', 'asc']], limit: 100 })

const notFound = () => new AppError('NOT_FOUND', '这条常用回复不存在或已被删除')

export const replies: Handler<typeof supervisorContract.replies> = async (ctx) => (await listOf(ctx, communityOf(ctx))).map(view)

/** Create (placed last) or edit. tickets.savedReplies reads the collection on every call: agents see the change at once. */
export const saveReply: Handler<typeof supervisorContract.saveReply> = async (ctx, { id, title, text }) => {
  const communityId = communityOf(ctx)
  const all = await listOf(ctx, communityId)
  if (all.some((r) => r.title === title && r._id !== id)) throw new AppError('INVALID_INPUT', '已有同名的常用回复', { title: '已有同名的常用回复' })
  if (!id && all.length >= MAX_REPLIES) throw new AppError('INVALID_STATE', `常用回复最多 ${MAX_REPLIES} 条，请先删除不用的`)
  const saved = await ctx.store.transaction(async (tx) => {
    const coll = tx.c.savedReplies
    if (!id) {
      const doc: SavedReplyDoc = { _id: newId(ctx.now), communityId, title, text, order: Math.max(0, ...all.map((r) => r.order)) + 1, updatedAt: ctx.now }
      await coll.set(doc)
      await auditChange(tx, ctx, communityId, { kind: 'savedReplies', summary: `新增常用回复「${title}」`, before: null, after: { id: doc._id, title, text } })
      return doc
    }
    const prev = await coll.get(id)
    if (!prev || prev.communityId !== communityId) throw notFound()
    if (prev.title === title && prev.text === text) return prev
    const doc = { ...prev, title, text, updatedAt: ctx.now }
    await coll.set(doc)
    const what = [prev.title !== title ? `标题改为「${title}」` : '', prev.text !== text ? '内容' : ''].filter(Boolean).join('、')
    await auditChange(tx, ctx, communityId, {
      kind: 'savedReplies',
      summary: `修改常用回复「${prev.title}」：${what}`,
      before: { id, title: prev.title, text: prev.text },
      after: { id, title, text },
    })
    return doc
  })
  return view(saved)
}

export const deleteReply: Handler<typeof supervisorContract.deleteReply> = async (ctx, { id }) => {
  const communityId = communityOf(ctx)
  await ctx.store.transaction(async (tx) => {
    const prev = await tx.c.savedReplies.get(id)
    if (!prev || prev.communityId !== communityId) throw notFound()
    await tx.c.savedReplies.remove(id)
    await auditChange(tx, ctx, communityId, {
      kind: 'savedReplies',
      summary: `删除常用回复「${prev.title}」`,
      before: { id, title: prev.title, text: prev.text },
      after: null,
    })
  })
  return { id }
}

/** The whole order at once (every reply exactly once), so two people reordering cannot interleave into a mix of both. */
export const orderReplies: Handler<typeof supervisorContract.orderReplies> = async (ctx, { ids }) => {
  const communityId = communityOf(ctx)
  const current = await listOf(ctx, communityId)
  const known = new Set(current.map((r) => r._id))
  if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
    throw new AppError('INVALID_INPUT', '顺序须包含全部常用回复，且每条只出现一次（列表可能已被他人修改，请刷新）', {
      ids: '顺序须包含全部常用回复，且每条只出现一次',
    })
  }
  const saved = await ctx.store.transaction(async (tx) => {
    const coll = tx.c.savedReplies
    const docs = await Promise.all(ids.map((id) => coll.get(id)))
    if (docs.some((d) => !d || d.communityId !== communityId)) throw notFound()
    const rows = docs as SavedReplyDoc[]
    const before = [...rows].sort((a, b) => a.order - b.order).map((r) => r.title)
    const next = rows.map((r, i) => ({ ...r, order: i + 1 }))
    const after = next.map((r) => r.title)
    if (JSON.stringify(before) === JSON.stringify(after) && rows.every((r, i) => r.order === i + 1)) return next
    for (const [i, r] of next.entries()) if (rows[i].order !== r.order) await coll.set({ ...r, updatedAt: ctx.now })
    // Name the reply that moved furthest: what the person dragged, whatever else shifted with it.
    const moved = after.reduce((m, t, i) => (Math.abs(before.indexOf(t) - i) > Math.abs(before.indexOf(after[m]) - m) ? i : m), 0)
    await auditChange(tx, ctx, communityId, { kind: 'savedReplies', summary: `调整常用回复顺序：「${after[moved]}」移到第 ${moved + 1} 位`, before, after })
    return next
  })
  return saved.map(view)
}
