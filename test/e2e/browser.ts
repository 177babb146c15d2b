import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { boot } from '../../scripts/host/boot'
import type { Clock } from '../../cloudfunctions/lib/ports/clock'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SHOTS = resolve(__dirname, '../../test-output/screenshots')

/** Debian's Chromium, headless (Playwright gives each launch a fresh profile), with nothing that would phone home on this closed network. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (npm test does this when run as root)`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A phone-sized page signed in as a demo account through the real sign-in page. */
export async function phone(browser: Browser, baseUrl: string, account: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await ctx.newPage()
  page.on('pageerror', (e) => console.error(`[${account} page error]`, e.message))
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await page.getByTestId(`login-${account}`).click()
  // Residents land on 首页, staff on their 工作台.
  await page.waitForURL(/pages\/index\/index|staff\/home\/index/)
  await page.getByTestId('community-name').or(page.getByTestId('staff-hello')).waitFor()
  return page
}

/** Taro animates page transitions: give it a beat before a picture. */
export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

export async function go(page: Page, baseUrl: string, route: string) {
  await page.goto(`${baseUrl}/#${route}`)
}

export interface E2E {
  host: Awaited<ReturnType<typeof boot>>
  browser: Browser
}

/**
 * One suite's world: the local host on a fresh data folder (seeded demo, any port, the scheduler
 * left to the test) serving the H5 build, and Chromium. Fields are filled in beforeAll.
 */
export function e2eHost(name: string, opts: { clock?: Clock } = {}): E2E {
  const env = {} as E2E
  let dataDir = ''
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `wuye-e2e-${name}-`))
    env.host = await boot({ dataDir, port: 0, staticDir: resolve(__dirname, '../../dist/h5'), tickMs: 0, clock: opts.clock })
    env.browser = await launch()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.host?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })
  return env
}
