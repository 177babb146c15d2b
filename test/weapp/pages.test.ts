import { harness, CLEAN, WECHAT_LIMITS } from './harness'
import { allPages, canvases } from './harness/wx'
import { ids, makeFixtures, PAGES } from './harness/pages'

/**
 * Every page of dist/weapp/app.json, opened in WeChat's view engine as the person who uses it,
 * with the query it needs, must show its real content and nothing WeChat would object to: no
 * error, no unknown wx API, no missing required option, no route outside app.json or to a tab
 * page with navigateTo; and within WeChat's limits for one setData and a page's nodes.
 */
let h: Awaited<ReturnType<typeof harness>>
beforeAll(async () => {
  h = await harness()
  await makeFixtures(h.backend)
}, 60_000)
afterAll(() => h.close())

it('the table covers every page of app.json, and only those', () => {
  expect(Object.keys(PAGES).sort()).toEqual(allPages(h.app).sort())
})

describe.each(Object.entries(PAGES))('%s', (route, c) => {
  it(`renders its content for ${c.account}, with nothing WeChat would refuse`, async () => {
    h.backend.as(c.account)
    h.reset()
    const page = await h.open(route, c.query?.() ?? {})
    await h.until(page, (t) => c.shows.every((s) => t.includes(s)))
    for (const s of c.shows) expect(page.text()).toContain(s)
    expect(page.text()).not.toContain('出了点问题')
    expect(h.problems()).toEqual(CLEAN)
    const f = h.figures(page)
    expect(f.firstSetData).toBeGreaterThan(0)
    expect(f.largestSetData).toBeLessThan(WECHAT_LIMITS.setDataBytes)
    expect(f.nodes).toBeLessThan(WECHAT_LIMITS.nodes)
  })
})

it('the dashboard charts paint real pixels on a 2d canvas node', async () => {
  h.backend.as('supervisor-liu')
  canvases.length = 0
  const page = await h.open('staff/dashboard/index')
  await h.until(page, (t) => t.includes('近七个月'))
  await h.until(page, () => canvases.length > 0 && canvases.every((c) => c.painted() > 500), 4000)
  expect(canvases.length).toBeGreaterThan(0)
  for (const c of canvases) expect(c.painted()).toBeGreaterThan(500)
})

it("a handler's pages call nothing his role cannot use, and his 工作台 lists the job he holds", async () => {
  const b = h.backend
  await b.ok('agent-chen', 'tickets', 'dispatch', { ticketId: ids.ticket, assignee: 'dev-tech-zhao' })
  b.as('tech-zhao')
  const seen: Record<string, string> = {}
  for (const [route, query] of [
    ['staff/home/index', {}],
    ['staff/inbox/index', {}],
    ['staff/ticket/index', { id: ids.ticket }],
    ['staff/figures/index', {}],
  ] as const) {
    h.reset()
    const page = await h.open(route, query)
    await h.until(page, (t) => t.includes('卫生间地漏堵塞返水') || t.includes('平均分'))
    await new Promise((r) => setTimeout(r, 300))
    seen[route] = page.text()
    expect({ route, ...h.problems() }).toEqual({ route, ...CLEAN })
  }
  expect(seen['staff/home/index']).toContain('卫生间地漏堵塞返水')
  expect(seen['staff/home/index']).not.toContain('暂无待处理事项')
})

it('a page opened with a wrong id offers the way back, not a 重新加载 that fails again', async () => {
  h.backend.as('agent-chen')
  h.reset()
  const page = await h.open('staff/house-bills/index', { houseId: 'sunshine-9-9-999' })
  await h.until(page, (t) => t.includes('没有找到要打开的内容'))
  expect(page.text()).toContain('没有找到要打开的内容')
  expect(page.text()).not.toContain('重新加载')
  expect(page.has('.btn')).toBe(true)
})

it('我的 says who he is at his house (业主), not a generic 住户', async () => {
  h.backend.as('resident-zhang')
  h.reset()
  const page = await h.open('pages/mine/index')
  await h.until(page, (t) => t.includes('我的房屋'))
  expect(page.has('.mine-house-role')).toBe(true)
  expect(page.text()).not.toContain('住户')
})
