import { AppError } from '../../../src/core/shared/errors'
import { indexArticle, searchArticles } from '../../../src/core/kb/search'
import type { kbContract } from '../../../src/core/kb/contracts'
import { COMPANY_WIDE, type ArticleDoc } from '../../../src/core/kb/types'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { auditChange } from '../../lib/runtime/audit'
import { communityOf } from '../../lib/runtime/scope'
import { newId } from '../../lib/runtime/ids'
import { madeBefore, remember } from '../../lib/runtime/requests'
import { articleRow, articlesOf } from '../../lib/kb/views'

const COMPANY_ONLY = '全公司通用的文章只有客服主任可以编辑'

/** Company-wide articles speak for every community: only the 客服主任 writes them. */
const mayEdit = (ctx: Ctx, a: Pick<ArticleDoc, 'communityId'>) => a.communityId !== COMPANY_WIDE || ctx.callers.includes('supervisor')

const staffView = (ctx: Ctx, a: ArticleDoc) => ({
  ...articleRow(a),
  body: a.body,
  keywords: a.keywords,
  status: a.status,
  useful: a.useful,
  useless: a.useless,
  deflected: a.deflected,
  byName: a.byName,
  updatedAt: a.updatedAt,
  editable: mayEdit(ctx, a),
})

/** The articles, and the most asked searches that no published article answers now (one written since drops off). */
export const manage: Handler<typeof kbContract.manage> = async (ctx) => {
  const communityId = communityOf(ctx)
  const [all, misses] = await Promise.all([
    articlesOf(ctx, communityId),
    ctx.store.c.kbMisses.find({ where: { communityId }, orderBy: [['count', 'desc']], limit: 50 }),
  ])
  const published = all.filter((a) => a.status === 'published')
  const open = misses.filter((m) => !searchArticles(m.q, published, 1).length).slice(0, 10)
  return { items: all.map((a) => staffView(ctx, a)), misses: open.map((m) => ({ q: m.q, count: m.count, lastAt: m.lastAt })) }
}

export const save: Handler<typeof kbContract.save> = async (ctx, input) => {
  const communityId = communityOf(ctx)
  const target = input.companyWide ? COMPANY_WIDE : communityId
  if (!mayEdit(ctx, { communityId: target })) throw new AppError('FORBIDDEN', COMPANY_ONLY)
  const saved = await ctx.store.transaction(async (tx) => {
    // A retried 保存 of a new article returns the one the first try made.
    const made = input.id ? null : await madeBefore(tx, ctx.openid, input.requestId)
    if (made) return (await tx.c.kbArticles.get(made))!
    const prior = input.id ? await tx.c.kbArticles.get(input.id) : null
    if (input.id && (!prior || (prior.communityId !== communityId && prior.communityId !== COMPANY_WIDE))) throw new AppError('NOT_FOUND', '文章不存在')
    if (prior && !mayEdit(ctx, prior)) throw new AppError('FORBIDDEN', COMPANY_ONLY)
    const fields = { category: input.category, title: input.title, body: input.body, keywords: input.keywords }
    const next: ArticleDoc = {
      _id: prior?._id ?? newId(ctx.now),
      communityId: target,
      ...fields,
      status: input.status,
      terms: indexArticle(fields),
      useful: prior?.useful ?? 0,
      useless: prior?.useless ?? 0,
      deflected: prior?.deflected ?? 0,
      byName: ctx.user?.staff?.name ?? '',
      createdAt: prior?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
      ...(input.status === 'published' ? { publishedAt: prior?.publishedAt ?? ctx.now } : {}),
    }
    await tx.c.kbArticles.set(next)
    if (!prior) await remember(tx, ctx.openid, input.requestId, next._id, ctx.now)
    const verb = !prior ? '新建' : prior.status !== next.status ? (next.status === 'published' ? '发布' : '下线') : '修改'
    await auditChange(tx, ctx, communityId, {
      kind: 'kbArticle',
      summary: `${verb}小百科「${next.title}」${target === COMPANY_WIDE ? '（全公司）' : ''}`,
      before: prior ? { ...prior, terms: undefined } : null,
      after: { ...next, terms: undefined },
    })
    return next
  })
  return staffView(ctx, saved)
}
