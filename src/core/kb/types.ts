/** 小百科: the answers a 客服 gives every day (rules, pets, parcels, fees), written once. */
export const KB_CATEGORIES = ['renovation', 'pets', 'parcels', 'parking', 'fees', 'emergency', 'living'] as const
export type KbCategory = (typeof KB_CATEGORIES)[number]
export const KB_CATEGORY_LABELS: Record<KbCategory, string> = {
  renovation: '装修管理规定',
  pets: '宠物管理办法',
  parcels: '快递代收',
  parking: '停车',
  fees: '缴费方式',
  emergency: '紧急情况',
  living: '生活服务',
}

/** Articles for every community of the company carry this in place of a community id. */
export const COMPANY_WIDE = '*'

export type ArticleStatus = 'draft' | 'published'

/** kbArticles/<id>: one article, per community or company-wide (`communityId` '*'). */
export interface ArticleDoc {
  _id: string
  communityId: string
  category: KbCategory
  title: string
  body: string
  /** 相关问法: the words residents use that the text may not (养狗, 快递放哪). */
  keywords: string[]
  status: ArticleStatus
  /** The search terms and their weights, computed when the article is saved. */
  terms: Record<string, number>
  useful: number
  useless: number
  /** Residents who started a 咨询, read this and stopped there. */
  deflected: number
  byName: string
  createdAt: number
  updatedAt: number
  publishedAt?: number
}

/** kbVotes/<articleId>_<openid>: one 有用/没用 per person per article; a second tap changes it. */
export interface KbVoteDoc {
  _id: string
  articleId: string
  openid: string
  useful: boolean
  at: number
}

/** kbSolved/<articleId>_<openid>: a 咨询 that ended at this article, counted once per person. */
export interface KbSolvedDoc {
  _id: string
  articleId: string
  communityId: string
  openid: string
  at: number
}

/** kbMisses/<communityId>_<key>: a search that found nothing, counted, for staff to answer. */
export interface KbMissDoc {
  _id: string
  communityId: string
  q: string
  count: number
  lastAt: number
}
