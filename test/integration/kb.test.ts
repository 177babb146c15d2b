import { indexArticle } from '../../src/core/kb/search'
import type { ArticleDoc } from '../../src/core/kb/types'
import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG = { houseId: 'sunshine-1-1-301' }
const LI = { houseId: 'sunshine-1-1-401' }
const titles = (r: { items: { title: string }[] }) => r.items.map((a) => a.title)

const elsewhere: ArticleDoc = {
  _id: 'binjiang-kb-pets',
  communityId: 'binjiang',
  category: 'pets',
  title: '滨江苑养犬规定',
  keywords: ['养狗'],
  body: '滨江苑的犬只须在东门登记，遛狗请拴绳。',
  status: 'published',
  terms: indexArticle({ category: 'pets', title: '滨江苑养犬规定', keywords: ['养狗'], body: '滨江苑的犬只须在东门登记，遛狗请拴绳。' }),
  useful: 0,
  useless: 0,
  deflected: 0,
  byName: '王芳',
  createdAt: 0,
  updatedAt: 0,
  publishedAt: 0,
}

describe('小百科', () => {
  it('lets a resident find the pet rules by asking about a dog, and shows only published articles of their community and the company', async () => {
    await h.store.c.kbArticles.set(elsewhere)
    const all = titles(await h.ok('resident-zhang', 'kb', 'articles', ZHANG))
    expect(all).toEqual(expect.arrayContaining(['小区养犬须知', '快递怎么取？', '物业费的缴纳方式']))
    expect(all).not.toContain('垃圾分类投放时间') // a draft
    expect(all).not.toContain('滨江苑养犬规定') // another community's
    expect(titles(await h.ok('resident-zhang', 'kb', 'articles', { ...ZHANG, category: 'fees' }))).toEqual(['物业费的缴纳方式'])

    expect(titles(await h.ok('resident-zhang', 'kb', 'search', { ...ZHANG, q: '我家可以养条狗吗？' }))[0]).toBe('小区养犬须知')
    expect(titles(await h.ok('resident-zhang', 'kb', 'search', { ...ZHANG, q: '包裹在哪拿' }))[0]).toBe('快递怎么取？')
    expect(await h.call('resident-zhang', 'kb', 'article', { ...ZHANG, id: elsewhere._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('resident-zhang', 'kb', 'article', { ...ZHANG, id: 'sunshine-kb-garbage' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // A house the caller has not bound opens nothing.
    expect(await h.call('resident-zhang', 'kb', 'articles', LI)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('counts one 有用/没用 per person, a changed mind moving the count, and a solved 咨询 once', async () => {
    const id = 'sunshine-kb-parcels'
    expect(await h.ok('resident-zhang', 'kb', 'vote', { ...ZHANG, id, useful: true })).toMatchObject({ useful: 1, myVote: true })
    expect(await h.ok('resident-zhang', 'kb', 'vote', { ...ZHANG, id, useful: true })).toMatchObject({ useful: 1, myVote: true })
    expect(await h.ok('resident-li', 'kb', 'vote', { ...LI, id, useful: true })).toMatchObject({ useful: 2, myVote: true })
    expect(await h.ok('resident-zhang', 'kb', 'vote', { ...ZHANG, id, useful: false })).toMatchObject({ useful: 1, myVote: false })

    expect(await h.ok('resident-zhang', 'kb', 'solved', { ...ZHANG, id })).toMatchObject({ solved: true })
    await h.ok('resident-zhang', 'kb', 'solved', { ...ZHANG, id })
    const staff = await h.ok('agent-chen', 'kb', 'manage', {})
    expect(staff.items.find((a: { id: string }) => a.id === id)).toMatchObject({ useful: 1, useless: 1, deflected: 1, status: 'published' })
  })

  it('shows staff the searches nothing answers, most asked first, until an article answers them', async () => {
    for (const q of ['小区有游泳池吗', '小区有游泳池吗？', '健身房几点开门']) await h.ok('resident-zhang', 'kb', 'search', { ...ZHANG, q })
    // Typing in 报事 is not a search the resident asked for.
    await h.ok('resident-zhang', 'kb', 'search', { ...ZHANG, q: '充电桩装在哪里', record: false })
    expect((await h.ok('agent-chen', 'kb', 'manage', {})).misses).toEqual([
      expect.objectContaining({ q: '小区有游泳池吗', count: 2 }),
      expect.objectContaining({ q: '健身房几点开门', count: 1 }),
    ])

    const pool = {
      category: 'living',
      title: '游泳池开放时间',
      body: '会所游泳池每年 6 月至 9 月开放，每天 9:00–21:00，凭业主卡入场。',
      keywords: ['游泳'],
    }
    const draft = await h.ok('agent-chen', 'kb', 'save', { ...pool, requestId: 'kb-pool-0001', status: 'draft' })
    // A draft answers nobody: the miss stays, residents do not see it.
    expect((await h.ok('agent-chen', 'kb', 'manage', {})).misses).toHaveLength(2)
    expect(titles(await h.ok('resident-zhang', 'kb', 'search', { ...ZHANG, q: '游泳池', record: false }))).toEqual([])

    await h.ok('agent-chen', 'kb', 'save', { ...pool, requestId: 'kb-pool-0002', status: 'published', id: draft.id })
    expect((await h.ok('agent-chen', 'kb', 'manage', {})).misses.map((m: { q: string }) => m.q)).toEqual(['健身房几点开门'])
    expect(titles(await h.ok('resident-zhang', 'kb', 'search', { ...ZHANG, q: '小区有游泳池吗' }))).toEqual(['游泳池开放时间'])

    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'kbArticle' }, orderBy: [['at', 'asc']], limit: 5 })
    expect(audit.map((a) => [a.actorName, a.summary])).toEqual([
      ['陈静', '新建小百科「游泳池开放时间」'],
      ['陈静', '发布小百科「游泳池开放时间」'],
    ])
  })

  it('keeps company-wide articles to the 客服主任, writes once per form, and refuses bad input writing nothing', async () => {
    const form = {
      requestId: 'kb-form-0001',
      category: 'fees',
      title: '缴费发票怎么开',
      body: '电子发票在缴费完成后 3 个工作日内开具。',
      status: 'published',
      companyWide: true,
    }
    const writes = h.store.stats.writes
    expect(await h.call('agent-chen', 'kb', 'save', form)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('agent-chen', 'kb', 'save', { ...form, id: 'kb-fees', companyWide: false, requestId: 'kb-form-0002' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('agent-chen', 'kb', 'save', { ...form, companyWide: false, body: '太短' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { body: '正文至少 10 个字' } },
    })
    for (const who of ['resident-zhang', 'tech-zhao', 'manager-zhou'])
      expect(await h.call(who, 'kb', 'save', { ...form, companyWide: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'kb', 'manage', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(h.store.stats.writes).toBe(writes)

    const first = await h.ok('supervisor-liu', 'kb', 'save', form)
    const again = await h.ok('supervisor-liu', 'kb', 'save', form)
    expect(again.id).toBe(first.id)
    expect(first).toMatchObject({ companyWide: true, editable: true })
    expect((await h.ok('agent-chen', 'kb', 'manage', {})).items.filter((a: { title: string }) => a.title === '缴费发票怎么开')).toEqual([
      expect.objectContaining({ editable: false }),
    ])
  })
})
