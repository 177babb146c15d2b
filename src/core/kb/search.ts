/**
 * 小百科 search without a segmenter: Chinese has no spaces, so an article is indexed by its
 * characters and character pairs, and by concepts that tie the words residents use to the
 * words rules use (养狗 → 宠物, 包裹 → 快递). Terms are weighted by where they stand (title and
 * 相关问法 over body) and a query's terms by how rare they are among the articles, so 宠物
 * in 可以养狗吗 matters and 可以 does not.
 */

import { KB_CATEGORY_LABELS, type KbCategory } from './types'

/** Characters that carry no meaning alone in a question: 我想问一下怎么… */
const STOP = new Set([...'的了吗呢啊吧呀嘛我你您他她它们是在有和与或么怎样什哪能可以要想请问下一个这那就也都还会得着过给把被让对不没很如何为及等从到'])

/** Words that mean the same thing to a resident; each group adds one concept term. */
const CONCEPTS: Record<string, string[]> = {
  pet: ['宠物', '狗', '犬', '猫', '遛', '狂犬', '拴绳', '牵绳'],
  parcel: ['快递', '包裹', '驿站', '代收', '外卖', '丰巢', '取件'],
  parking: ['停车', '车位', '车库', '月卡', '道闸', '车牌', '挪车'],
  fee: ['物业费', '缴费', '交费', '付款', '支付', '缴纳', '收费', '账单', '发票'],
  renovation: ['装修', '施工', '改造', '动工', '装饰', '电钻'],
  emergency: ['紧急', '漏水', '火灾', '着火', '停电', '停水', '燃气', '煤气', '被困', '应急'],
  noise: ['噪音', '吵', '扰民', '声音'],
  garbage: ['垃圾', '分类', '厨余', '回收'],
  key: ['门禁', '钥匙', '门卡', '人脸'],
}

const CJK = /[\u3400-\u9fff]/

/** Lower case, full-width to half-width; everything that is not a letter, digit or Han character splits. */
function runs(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9\u3400-\u9fff]+/)
    .filter(Boolean)
}

/** A text's terms with their counts: Han characters and pairs (pairs with a stop character dropped), Latin words, concepts. */
export function termsOf(text: string): Map<string, number> {
  const out = new Map<string, number>()
  const add = (t: string, n = 1) => out.set(t, (out.get(t) ?? 0) + n)
  for (const run of runs(text)) {
    if (!CJK.test(run)) {
      add(run)
      continue
    }
    const chars = [...run]
    chars.forEach((c, i) => {
      if (!CJK.test(c)) return
      if (!STOP.has(c)) add(c)
      const d = chars[i + 1]
      if (d && CJK.test(d) && !STOP.has(c) && !STOP.has(d)) add(c + d)
    })
  }
  const folded = text.normalize('NFKC')
  for (const [concept, words] of Object.entries(CONCEPTS)) if (words.some((w) => folded.includes(w))) add(`#${concept}`, 2)
  return out
}

const FIELD_WEIGHT = { title: 3, keywords: 3, category: 2, body: 1 } as const

/** What an article is found by (its category by its label), computed when it is saved. Counts are damped so a long body does not drown its title. */
export function indexArticle(a: { title: string; keywords: readonly string[]; category: KbCategory; body: string }): Record<string, number> {
  const terms: Record<string, number> = {}
  const fields = { title: a.title, keywords: a.keywords.join(' '), category: KB_CATEGORY_LABELS[a.category], body: a.body }
  for (const [field, text] of Object.entries(fields) as [keyof typeof FIELD_WEIGHT, string][]) {
    for (const [t, n] of termsOf(text)) terms[t] = Math.round(((terms[t] ?? 0) + FIELD_WEIGHT[field] * (1 + Math.log(n))) * 100) / 100
  }
  return terms
}

/** A Han character alone says little; a pair or a concept says what the question is about. */
const queryWeight = (t: string) => (t.startsWith('#') ? 2 : [...t].length >= 2 || !CJK.test(t) ? 1 : 0.3)

export interface Hit<T> {
  item: T
  score: number
}

/**
 * The articles that answer `q`, best first. An article counts only when it holds at least one
 * pair, word or concept of the question and covers enough of what the question weighs: a
 * question about 电梯 does not list the pet rules because both say 小区.
 */
export function searchArticles<T extends { terms: Record<string, number> }>(q: string, articles: readonly T[], limit = 5, minCover = 0.35): Hit<T>[] {
  const query = [...termsOf(q).keys()]
  if (!query.length || !articles.length) return []
  const n = articles.length
  const idf = (t: string) => Math.log(1 + n / (1 + articles.filter((a) => t in a.terms).length)) + 0.1
  const weights = new Map(query.map((t) => [t, queryWeight(t) * idf(t)]))
  const total = [...weights.values()].reduce((s, w) => s + w, 0)
  const hits: Hit<T>[] = []
  for (const a of articles) {
    let covered = 0
    let score = 0
    let strong = false
    for (const [t, w] of weights) {
      const tf = a.terms[t]
      if (!tf) continue
      covered += w
      score += w * Math.log(1 + tf)
      if (queryWeight(t) >= 1) strong = true
    }
    if (strong && covered / total >= minCover) hits.push({ item: a, score: Math.round(score * 100) / 100 })
  }
  return hits.sort((x, y) => y.score - x.score).slice(0, limit)
}

/** The key a missed search is counted under: the question's meaningful characters, so 能养狗吗？ and 能养狗吗 are one. */
export function missKey(q: string): string {
  let h = 0x811c9dc5
  for (const c of runs(q).join('').slice(0, 40)) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0
  return h.toString(36)
}
