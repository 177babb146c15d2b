import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
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

/** Calls a page made that the server refused for the caller's role: a page should never ask for what its user may not have. */
const refused: string[] = []
/** Pages a test sends where their user may not go, to see them refused. */
const refusalsExpected = new WeakSet<Page>()
export const expectRefusals = (page: Page) => refusalsExpected.add(page)

/** A phone-sized page signed in as a demo account through the real sign-in page. */
export async function phone(browser: Browser, baseUrl: string, account: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await ctx.newPage()
  page.on('pageerror', (e) => console.error(`[${account} page error]`, e.message))
  page.on('response', (r) => {
    if (r.status() !== 403 || !r.url().includes('/api/fn/') || refusalsExpected.has(page)) return
    const action = (JSON.parse(r.request().postData() ?? '{}') as { action?: string }).action
    refused.push(`${account} → ${r.url().split('/api/fn/')[1]}.${action} on ${page.url().split('#')[1]}`)
  })
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
  afterEach(() => {
    expect(refused.splice(0)).toEqual([])
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.host?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })
  return env
}

/** A real PNG of one colour, small enough to write inline: what a phone camera would hand over. */
export function png(rgb: [number, number, number], size = 24): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** Taro's H5 chooseImage opens a hidden file input: answer its file chooser like a person would. */
export async function addPhoto(page: Page, scope: string, name: string, rgb: [number, number, number]) {
  const picker = page.getByTestId(scope)
  const before = await picker.getByTestId('photo-thumb').count()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.getByTestId('add-photo').click()])
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: png(rgb) })
  await picker.getByTestId('photo-thumb').nth(before).waitFor()
}

/** Fixed action bars cover the bottom of the page: bring a control to the middle, then tap it. */
export async function tap(l: Locator) {
  await l.evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await l.click()
}

/**
 * Taro's H5 time picker, as a thumb would use it: open it, drag each column (hours, minutes) to
 * the wanted value a few rows at a time, then tap 确定.
 */
export async function pickTime(page: Page, trigger: Locator, hhmm: string) {
  const ROW = 34
  await tap(trigger)
  // The overlay itself has no box; its sheet (header, columns) is what shows.
  const overlay = page.locator('.weui-picker__overlay').filter({ has: page.locator('.weui-picker__hd:visible') })
  await overlay.locator('.weui-picker__hd').waitFor()
  const columns = overlay.locator('.weui-picker__group')
  const wanted = hhmm.split(':')
  for (let i = 0; i < 2; i++) {
    const column = columns.nth(i)
    const content = column.locator('.weui-picker__content')
    for (;;) {
      const { at, texts } = await content.evaluate((el) => ({
        at: new DOMMatrix(getComputedStyle(el).transform).m42,
        texts: Array.from(el.children).map((c) => c.textContent ?? ''),
      }))
      const current = Math.round((102 - at) / ROW)
      if (texts[current] === wanted[i]) break
      const target = texts
        .map((t, k) => (t === wanted[i] ? k : -1))
        .filter((k) => k >= 0)
        .sort((a, b) => Math.abs(a - current) - Math.abs(b - current))[0]
      const rows = Math.max(-4, Math.min(4, current - target))
      const box = (await column.boundingBox())!
      const x = box.x + box.width / 2
      const y = box.y + box.height / 2
      await page.mouse.move(x, y)
      await page.mouse.down()
      await page.mouse.move(x, y + rows * ROW, { steps: 8 })
      await page.mouse.up()
      await page.waitForTimeout(350)
    }
  }
  const sheet = overlay.locator('.weui-picker__hd')
  await overlay.locator('.weui-picker__action').last().click()
  await sheet.waitFor({ state: 'hidden' })
}
