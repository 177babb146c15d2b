import type { Page } from 'playwright-core'
import { e2eHost, go, phone, shot, tap } from './browser'

const env = e2eHost('large-text')

/** The host's HTTP API as a demo account: the steps that put a job on zhang's page, not what this test is about. */
async function call(account: string, fn: string, action: string, data: unknown) {
  const token = (await (await fetch(`${env.host.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ account }) })).json()).data.token as string
  const r = await (
    await fetch(`${env.host.url}/api/fn/${fn}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
  ).json()
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.message}`)
  return r.data
}

/**
 * What a resident of 60 reads on the page now showing: the size of its body text, the smallest
 * text on it (every element that holds text of its own), the lowest tap target, and whether
 * anything is wider than the screen.
 */
async function measure(page: Page) {
  await page.waitForTimeout(400)
  return page.evaluate(() => {
    const shown = document.querySelector('.taro_page:not([style*="display: none"])') ?? document.body
    const root = shown.querySelector('.lt-root') as HTMLElement | null
    const sizes: number[] = []
    for (const el of Array.from(shown.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim())
      const r = (el as HTMLElement).getBoundingClientRect()
      if (own && r.width > 0 && r.height > 0 && !el.closest('canvas')) sizes.push(parseFloat(getComputedStyle(el).fontSize))
    }
    const buttons = Array.from(shown.querySelectorAll('.btn'))
      .map((b) => (b as HTMLElement).getBoundingClientRect().height)
      .filter((x) => x > 0)
    return {
      body: root ? parseFloat(getComputedStyle(root).fontSize) : 0,
      smallest: Math.min(...sizes),
      lowestButton: buttons.length ? Math.min(...buttons) : null,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }
  })
}

const PAGES: [string, string, string][] = [
  ['/pages/index/index', 'community-name', 'lt01-home'],
  ['/pages/report/index', 'report-house', 'lt02-report'],
  ['/pages/bills/index', 'unpaid-total', 'lt03-bills'],
  ['/pages/messages/index', 'unread-count', 'lt04-messages'],
  ['/resident/tickets/list/index', 'tab-all', 'lt05-my-tickets'],
  ['/resident/decoration/home/index?houseId=sunshine-1-1-301', 'decoration-head', 'lt06-decoration'],
  ['/resident/decoration/apply/index?houseId=sunshine-1-1-301', 'da-submit', 'lt07-decoration-apply'],
]

describe('长辈模式, in Chromium', () => {
  it('zhang turns it on in 我的: every page he opens has body text of 18 px or more, nothing under 14 px, big buttons, and fits the screen', async () => {
    const t = await call('resident-zhang', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: 'sunshine-1-1-301',
      category: 'water_electric',
      description: '厨房水管接口漏水，地面已经积水',
      photos: [],
    })
    await call('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await call('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    PAGES.push([`/resident/tickets/detail/index?id=${t.id}`, 'steps', 'lt08-ticket'])
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await go(zhang, env.host.url, '/pages/mine/index')
    await zhang.getByTestId('large-text').waitFor()
    const before = await measure(zhang)
    // The default is already above the old 11–12 px for tags and times.
    expect(before.smallest).toBeGreaterThanOrEqual(13)
    await tap(zhang.getByTestId('large-text-switch'))
    await zhang.waitForFunction(() => getComputedStyle(document.querySelector('.lt-root')!).getPropertyValue('--fs').trim() === '1.3')
    const mine = await measure(zhang)
    expect(mine.body).toBeGreaterThanOrEqual(18)
    expect(mine.smallest).toBeGreaterThanOrEqual(14)
    expect(mine.overflow).toBeLessThanOrEqual(0)
    await shot(zhang, 'lt00-mine')

    for (const [route, ready, name] of PAGES) {
      await go(zhang, env.host.url, route)
      await zhang.getByTestId(ready).first().waitFor()
      const m = await measure(zhang)
      expect({
        route,
        body: m.body >= 18,
        smallest: m.smallest >= 14,
        fits: m.overflow <= 0,
        buttons: m.lowestButton === null || m.lowestButton >= 44,
      }).toEqual({
        route,
        body: true,
        smallest: true,
        fits: true,
        buttons: true,
      })
      await shot(zhang, name)
    }
    // Remembered: a reload keeps it.
    await zhang.reload()
    await zhang
      .getByTestId(PAGES[PAGES.length - 1][1])
      .first()
      .waitFor()
    expect((await measure(zhang)).body).toBeGreaterThanOrEqual(18)
  })
})
