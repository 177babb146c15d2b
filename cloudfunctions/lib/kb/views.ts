import { AppError } from '../../../src/core/shared/errors'
import { COMPANY_WIDE, type ArticleDoc } from '../../../src/core/kb/types'
import type { Ctx } from '../runtime/context'
import type { TxCollection } from '../ports/store'

/** The community of a house this person has bound: a resident's 小百科 is that community's and the company's. */
export function residentCommunity(ctx: Ctx, houseId: string): string {
  const b = ctx.houses.find((h) => h.houseId === houseId)
  if (!b) throw new AppError('FORBIDDEN', '只能查看您已绑定房屋所在小区的小百科')
  return b.communityId
}

/** Every article a community's people may be shown or its staff manage: its own and the company's. */
export const articlesOf = (ctx: Ctx, communityId: string) =>
  ctx.store.c.kbArticles.find({ where: { communityId: { $in: [communityId, COMPANY_WIDE] } }, orderBy: [['updatedAt', 'desc']], limit: 500 })

export const excerpt = (body: string) => [...(body.split('\n').find((l) => l.trim()) ?? '')].slice(0, 60).join('')

export const articleRow = (a: ArticleDoc) => ({
  id: a._id,
  category: a.category,
  title: a.title,
  excerpt: excerpt(a.body),
  companyWide: a.communityId === COMPANY_WIDE,
})

/** A published article of this community or the company, read through the store or a transaction; anything else is not there for a resident. */
export async function publishedFor(articles: Pick<TxCollection<ArticleDoc>, 'get'>, communityId: string, id: string): Promise<ArticleDoc> {
  const a = await articles.get(id)
  if (!a || a.status !== 'published' || (a.communityId !== communityId && a.communityId !== COMPANY_WIDE)) throw new AppError('NOT_FOUND', '文章不存在或已下线')
  return a
}

export const personKey = (articleId: string, openid: string) => `${articleId}_${openid}`

export async function residentView(ctx: Ctx, a: ArticleDoc) {
  const [vote, solved] = await Promise.all([ctx.store.c.kbVotes.get(personKey(a._id, ctx.openid)), ctx.store.c.kbSolved.get(personKey(a._id, ctx.openid))])
  return { ...articleRow(a), body: a.body, updatedAt: a.updatedAt, useful: a.useful, myVote: vote ? vote.useful : null, solved: !!solved }
}
