import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { harness, WEAPP, WECHAT_LIMITS, type PageFigures } from '../test/weapp/harness'
import { makeFixtures, PAGES } from '../test/weapp/harness/pages'
import { kb } from './lib/size'
import { jsonOut } from './bench/run'

/**
 * Every page of the weapp build in WeChat's view engine (the platform tests' harness), opened as
 * the person who uses it: the size of its first setData, the largest one and all of them until its
 * content showed, and the nodes it renders — against WeChat's limits of 256 KB and 1,000 nodes.
 *   npm run build:weapp && npm run bench:weapp [-- --json out.json]
 */

/** A chart or a late list may still be arriving when the words show. */
const SETTLE_MS = 300

async function main() {
  if (!existsSync(join(WEAPP, 'app.json'))) throw new Error('dist/weapp 不存在，请先运行 npm run build:weapp')
  const out = jsonOut()
  const h = await harness()
  const rows: (PageFigures & { route: string })[] = []
  try {
    await makeFixtures(h.backend)
    for (const [route, c] of Object.entries(PAGES)) {
      h.backend.as(c.account)
      h.reset()
      const page = await h.open(route, c.query?.() ?? {})
      if (!(await h.until(page, (t) => c.shows.every((s) => t.includes(s))))) throw new Error(`${route} did not show ${c.shows.join('、')}`)
      await new Promise((r) => setTimeout(r, SETTLE_MS))
      rows.push({ route, ...h.figures(page) })
    }
  } finally {
    await h.close()
  }
  const pad = (s: string, n: number) => s.padStart(n)
  console.log(`page${' '.repeat(28)}first setData   largest     all (calls)   nodes`)
  for (const r of rows)
    console.log(
      `${r.route.padEnd(32)}${pad(kb(r.firstSetData), 13)}${pad(kb(r.largestSetData), 10)}${pad(kb(r.setDataBytes), 10)} (${String(r.setDataCalls).padStart(2)})${pad(String(r.nodes), 8)}`,
    )
  const worst = (k: 'largestSetData' | 'nodes') => rows.reduce((a, b) => (b[k] > a[k] ? b : a))
  const big = worst('largestSetData')
  const many = worst('nodes')
  console.log(
    `\nlargest setData ${kb(big.largestSetData)} (${big.route}) of ${kb(WECHAT_LIMITS.setDataBytes)}; most nodes ${many.nodes} (${many.route}) of ${WECHAT_LIMITS.nodes}`,
  )
  if (out) writeFileSync(out, JSON.stringify(rows, null, 2))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
