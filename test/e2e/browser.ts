import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

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
  await page.waitForURL(/pages\/index\/index/)
  await page.getByTestId('community-name').waitFor()
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
