import { harness, CLEAN } from './harness'

/** The resident's pages, opened in WeChat's view engine as resident-zhang (张建国, 1栋1单元301). */
let h: Awaited<ReturnType<typeof harness>>
beforeAll(async () => {
  h = await harness()
  h.backend.as('resident-zhang')
}, 60_000)
afterAll(() => h.close())
beforeEach(() => h.reset())

it('首页 shows the community and the way to report', async () => {
  const page = await h.open('pages/index/index')
  expect(await h.until(page, (t) => t.includes('阳光花园'))).toBe(true)
  expect(h.problems()).toEqual(CLEAN)
})
