import { searchArticles, missKey } from '../../../src/core/kb/search'
import type { kbContract } from '../../../src/core/kb/contracts'
import type { Handler } from '../../lib/runtime/handler'
import { articleRow, articlesOf, personKey, publishedFor, residentCommunity, residentView } from '../../lib/kb/views'

export const articles: Handler<typeof kbContract.articles> = async (ctx, { houseId, category }) => {
  const all = await articlesOf(ctx, residentCommunity(ctx, houseId))
  const shown = all.filter((a) => a.status === 'published' && (!category || a.category === category))
  return { items: shown.map(articleRow) }
}

/** A search the resident asked for that finds nothing is a question the 小百科 does not answer yet: counted per community. */
export const search: Handler<typeof kbContract.search> = async (ctx, { houseId, q, record }) => {
  const communityId = residentCommunity(ctx, houseId)
  const published = (await articlesOf(ctx, communityId)).filter((a) => a.status === 'published')
  const hits = searchArticles(q, published)
  if (!hits.length && record) {
    const id = `${communityId}_${missKey(q)}`
    await ctx.store.transaction(async (tx) => {
      const cur = await tx.c.kbMisses.get(id)
      await tx.c.kbMisses.set({ _id: id, communityId, q: cur?.q ?? q, count: (cur?.count ?? 0) + 1, lastAt: ctx.now })
    })
  }
  return { items: hits.map((h) => articleRow(h.item)) }
}

export const article: Handler<typeof kbContract.article> = async (ctx, { houseId, id }) =>
  residentView(ctx, await publishedFor(ctx.store.c.kbArticles, residentCommunity(ctx, houseId), id))

/** One rating per person: a changed mind moves the count from one side to the other, in the same transaction. */
export const vote: Handler<typeof kbContract.vote> = async (ctx, { houseId, id, useful }) => {
  const communityId = residentCommunity(ctx, houseId)
  const after = await ctx.store.transaction(async (tx) => {
    const key = personKey(id, ctx.openid)
    const [a, prior] = await Promise.all([publishedFor(tx.c.kbArticles, communityId, id), tx.c.kbVotes.get(key)])
    if (prior?.useful === useful) return a
    const next = { ...a, ...(prior ? (prior.useful ? { useful: a.useful - 1 } : { useless: a.useless - 1 }) : {}) }
    if (useful) next.useful += 1
    else next.useless += 1
    await tx.c.kbArticles.set(next)
    await tx.c.kbVotes.set({ _id: key, articleId: id, openid: ctx.openid, useful, at: ctx.now })
    return next
  })
  return residentView(ctx, after)
}

export const solved: Handler<typeof kbContract.solved> = async (ctx, { houseId, id }) => {
  const communityId = residentCommunity(ctx, houseId)
  const after = await ctx.store.transaction(async (tx) => {
    const key = personKey(id, ctx.openid)
    const [a, prior] = await Promise.all([publishedFor(tx.c.kbArticles, communityId, id), tx.c.kbSolved.get(key)])
    if (prior) return a
    const next = { ...a, deflected: a.deflected + 1 }
    await tx.c.kbArticles.set(next)
    await tx.c.kbSolved.set({ _id: key, articleId: id, communityId, openid: ctx.openid, at: ctx.now })
    return next
  })
  return residentView(ctx, after)
}
