import * as z from '../shared/zod'
import { action, Empty, Id, line, RequestId, text } from '../shared/contract'
import { OFFICE_ROLES } from '../access/scope'
import { KB_CATEGORIES } from './types'

const Category = z.enum(KB_CATEGORIES)

const ArticleRow = z.object({
  id: z.string(),
  category: Category,
  title: z.string(),
  /** The first line of the body, for the list. */
  excerpt: z.string(),
  /** Written once for every community of the company. */
  companyWide: z.boolean(),
})

const ArticleView = z.object({
  ...ArticleRow.shape,
  body: z.string(),
  updatedAt: z.number(),
  useful: z.number(),
  /** This person's 有用 (true) / 没用 (false), if they rated it. */
  myVote: z.nullable(z.boolean()),
  solved: z.boolean(),
})

const StaffArticle = z.object({
  ...ArticleRow.shape,
  body: z.string(),
  keywords: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  useful: z.number(),
  useless: z.number(),
  deflected: z.number(),
  byName: z.string(),
  updatedAt: z.number(),
  /** This caller may change it: company-wide articles are the 客服主任's. */
  editable: z.boolean(),
})

const Miss = z.object({ q: z.string(), count: z.number(), lastAt: z.number() })

const ForHouse = { houseId: Id }
const Query = line(1, 50, '请输入要查找的问题', '最多 50 个字')

export const kbContract = {
  articles: action({
    summary: "小百科 for the house's community: its published articles and the company's, by category.",
    callers: ['signedIn'],
    input: z.strictObject({ ...ForHouse, category: z.optional(Category) }),
    output: z.object({ items: z.array(ArticleRow) }),
  }),
  search: action({
    summary:
      '搜索小百科 (Chinese text search: 养狗 finds 宠物管理办法). `record`: a search the resident asked for; one that finds nothing is counted for staff as a question to answer.',
    callers: ['signedIn'],
    input: z.strictObject({ ...ForHouse, q: Query, record: z._default(z.boolean(), true) }),
    output: z.object({ items: z.array(ArticleRow) }),
  }),
  article: action({
    summary: 'One published article, with its 有用 count and this person’s rating.',
    callers: ['signedIn'],
    input: z.strictObject({ ...ForHouse, id: Id }),
    output: ArticleView,
  }),
  vote: action({
    summary: '有用 / 没用: once per person per article; a second tap changes the rating.',
    callers: ['signedIn'],
    input: z.strictObject({ ...ForHouse, id: Id, useful: z.boolean() }),
    output: ArticleView,
  }),
  solved: action({
    summary: 'A resident who started a 咨询 found the answer here and stops: counted once per person as a deflected 咨询.',
    callers: ['signedIn'],
    input: z.strictObject({ ...ForHouse, id: Id }),
    output: ArticleView,
  }),
  manage: action({
    summary:
      "Staff's 小百科: the community's and the company's articles, drafts included, with 有用/没用 and deflected counts, and the top searches no published article answers (articles to write).",
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.object({ items: z.array(StaffArticle), misses: z.array(Miss) }),
  }),
  save: action({
    summary:
      'Write or change an article (客服 and 客服主任; company-wide ones only the 客服主任): category, title, body, 相关问法, draft or published; once per form; audited.',
    callers: ['agent', 'supervisor'],
    input: z.strictObject({
      id: z.optional(Id),
      requestId: RequestId,
      companyWide: z._default(z.boolean(), false),
      category: Category,
      title: line(2, 40, '请填写标题', '标题最多 40 个字'),
      body: text(10, 3000, '正文至少 10 个字', '正文最多 3000 个字'),
      keywords: z._default(z.array(line(1, 20, '相关问法不能为空', '每个相关问法最多 20 个字')).check(z.maxLength(20, '最多 20 个相关问法')), []),
      status: z.enum(['draft', 'published']),
    }),
    output: StaffArticle,
  }),
} as const
