import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { boot } from './host/boot'
import { buildH5IfStale } from './host/h5-build'
import { launch } from '../test/e2e/browser'
import { jsonOut, percentile } from './bench/run'

/**
 * The H5 app's first screen in Chromium, as a phone would load it: the CPU slowed 4× (DevTools'
 * "mid-tier mobile"), on loopback and on a 4G-like link, a first visit (empty cache) and a return
 * visit. Prints time to the sign-in list and to a signed-in resident's home, with the bytes of
 * script sent and unpacked.
 *   npm run bench:screen                       # table
 *   npm run bench:screen -- --json out.json    # also write the records
 */

const RUNS = Number(process.env.RUNS ?? 5)
const CPU_SLOWDOWN = 4
// DevTools' "Fast 4G": 9 Mbit/s down, 1.5 Mbit/s up, 60 ms round trip (the figures are bytes/s).
const FAST_4G = { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 }

interface Load {
  ms: number
  jsSent: number
  jsUnpacked: number
  requests: number
}

type Net = typeof FAST_4G | null
type Storage = Awaited<ReturnType<BrowserContext['storageState']>>

/**
 * A first visit (empty cache) and a return visit (the same browser, its cache kept) of `url`, each
 * timed from the navigation until `ready` shows.
 */
async function visits(browser: Browser, url: string, ready: string, net: Net, storageState?: Storage): Promise<[Load, Load]> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', storageState })
  try {
    const page = await ctx.newPage()
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await cdp.send('Network.enable')
    if (net) await cdp.send('Network.emulateNetworkConditions', net)
    let scripts: Promise<{ sent: number; unpacked: number }>[] = []
    let requests = 0
    page.on('requestfinished', (r) => {
      requests++
      if (r.resourceType() === 'script')
        scripts.push(
          Promise.all([r.sizes(), r.response().then((res) => res?.body())]).then(([s, b]) => ({
            sent: Math.max(0, s.responseBodySize),
            unpacked: b?.length ?? 0,
          })),
        )
    })
    const once = async (): Promise<Load> => {
      scripts = []
      requests = 0
      const t0 = Date.now()
      await page.goto(url)
      await page.getByTestId(ready).waitFor()
      const ms = Date.now() - t0
      const sizes = await Promise.all(scripts)
      return { ms, requests, jsSent: sizes.reduce((a, b) => a + b.sent, 0), jsUnpacked: sizes.reduce((a, b) => a + b.unpacked, 0) }
    }
    const first = await once()
    await page.goto('about:blank')
    return [first, await once()]
  } finally {
    await ctx.close()
  }
}

/** A resident's session as the sign-in page leaves it in the browser (signed in unthrottled). */
async function residentSession(browser: Browser, base: string): Promise<Storage> {
  const ctx = await browser.newContext()
  try {
    const page = await ctx.newPage()
    await page.goto(`${base}/#/pages/login/index`)
    await page.getByTestId('login-resident-zhang').click()
    await page.getByTestId('community-name').waitFor()
    return await ctx.storageState()
  } finally {
    await ctx.close()
  }
}

function summary(loads: Load[]) {
  const ms = loads.map((l) => l.ms).sort((a, b) => a - b)
  const last = loads[loads.length - 1]
  return { p50: percentile(ms, 50), max: ms[ms.length - 1], jsSentKb: last.jsSent / 1024, jsUnpackedKb: last.jsUnpacked / 1024, requests: last.requests }
}

async function main() {
  const out = jsonOut()
  const root = resolve(__dirname, '..')
  buildH5IfStale(root)
  const dataDir = mkdtempSync(join(tmpdir(), 'wuye-screen-'))
  const host = await boot({ dataDir, port: 0, staticDir: join(root, 'dist/h5'), tickMs: 0, quiet: true })
  const browser = await launch()
  const records: Record<string, unknown>[] = []
  try {
    console.log(`Chromium，CPU 降速 ${CPU_SLOWDOWN}×，每项 ${RUNS} 次：首次打开（空缓存）与再次打开（保留缓存）`)
    console.log(`\n${'screen'.padEnd(26)} ${'network'.padEnd(9)} ${'visit'.padEnd(7)} p50 ms   max ms   JS sent KB   JS unpacked KB   requests`)
    const session = await residentSession(browser, host.url)
    for (const [netName, net] of [
      ['loopback', null],
      ['fast 4G', FAST_4G],
    ] as const) {
      for (const [name, url, ready, storage] of [
        ['sign-in list', `${host.url}/`, 'login-resident-zhang', undefined],
        ['resident home (signed in)', `${host.url}/#/pages/index/index`, 'community-name', session],
      ] as const) {
        await visits(browser, url, ready, net, storage) // warm the host and the disk
        const runs: [Load, Load][] = []
        for (let i = 0; i < RUNS; i++) runs.push(await visits(browser, url, ready, net, storage))
        for (const [visit, pick] of [
          ['first', 0],
          ['return', 1],
        ] as const) {
          const s = summary(runs.map((r) => r[pick]))
          records.push({ screen: name, network: netName, visit, cpuSlowdown: CPU_SLOWDOWN, ...s })
          console.log(
            `${name.padEnd(26)} ${netName.padEnd(9)} ${visit.padEnd(7)} ${s.p50.toFixed(0).padStart(6)} ${s.max.toFixed(0).padStart(8)} ${s.jsSentKb.toFixed(0).padStart(12)} ${s.jsUnpackedKb.toFixed(0).padStart(16)} ${String(s.requests).padStart(10)}`,
          )
        }
      }
    }
    if (out) {
      writeFileSync(out, JSON.stringify(records, null, 2) + '\n')
      console.log(`已写入 ${out}`)
    }
  } finally {
    await browser.close()
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
