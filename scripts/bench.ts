import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localDeps } from '../cloudfunctions/lib/adapters/local'
import { fixedClock } from '../cloudfunctions/lib/ports/clock'
import { FUNCTIONS } from './host/functions'
import { countDocs, dbSizeMb, seedBench } from './bench/dataset'
import { accountCases } from './bench/account'
import { billsCases, billsTotals, seedBillsBench } from './bench/bills'
import { seedTickets, ticketCases } from './bench/tickets'
import { seedSurveys, surveyCases } from './bench/surveys'
import { noticeCases, noticesTotals } from './bench/notices'
import { seedChiefs, supervisorCases } from './bench/supervisor'
import { formatDay, modelDay, pushCost, tickDay } from './bench/day'
import { formatTable, jsonOut, runCase, toRecord, type BenchCase, type BenchResult, type CallFn } from './bench/run'

/**
 * In-process latency and store cost of every action on a realistically large SQLite store.
 *   npm run bench                       # table
 *   npm run bench -- --json out.json    # also write the records
 * A later feature adds its cases next to bench/account.ts and lists them in `cases` below.
 */

/** 2026-11-24 10:00 in Shanghai, as in the integration tests: a weekday inside service hours. */
const T0 = Date.UTC(2026, 10, 24, 2, 0, 0)

async function main() {
  const out = jsonOut()
  const dir = mkdtempSync(join(tmpdir(), 'wuye-bench-'))
  const clock = fixedClock(T0)
  const local = localDeps(dir, clock)
  try {
    const t0 = performance.now()
    const data = await seedBench(local.store, T0)
    const ticketData = await seedTickets(local.store, data, T0)
    await seedBillsBench(local.store, data, T0)
    const surveyData = await seedSurveys(local.store, data)
    const chiefs = await seedChiefs(local.store, data, T0)
    const seedMs = performance.now() - t0
    const docs = await countDocs(local.store)
    const mb = dbSizeMb(dir)
    console.log(`写入数据：${docs} 条文档，用时 ${(seedMs / 1000).toFixed(1)} 秒（${data.communities.length + 1} 个小区），数据库 ${mb.toFixed(0)} MB\n`)

    // A second passes between calls, as between taps, so time-ordered ids and createdAt advance.
    const call: CallFn = (openid, fn, action, payload) => {
      clock.advance(1000)
      return FUNCTIONS[fn].call({ action, data: payload }, { openid, source: 'test' }, local.deps)
    }
    const tick = () => {
      clock.advance(1000)
      return FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, local.deps)
    }
    // Bills' reminders run at 2026-11-27 10:00 Shanghai: three days before November's bills fall due.
    const bills = billsCases(data, call, { deps: local.deps, setNow: (ms) => clock.set(ms), reminderAt: Date.UTC(2026, 10, 27, 2, 0, 0) })
    const cases: BenchCase[] = [
      ...accountCases(data, call),
      ...ticketCases(data, ticketData, call, tick),
      ...bills,
      ...surveyCases(data, surveyData, call, '2026-11'),
      ...noticeCases(data, call, local.deps),
      ...supervisorCases(data, chiefs, call, () => clock.advance(11 * 60_000), '2026-10', local.deps),
    ]

    const results: BenchResult[] = []
    for (const c of cases) results.push(await runCase(local.store, c))
    console.log(formatTable(results.map(toRecord)))
    for (const t of noticesTotals) console.log(`${t.name}: ${(t.ms / 1000).toFixed(2)} s (${t.note})`)
    for (const t of billsTotals) console.log(`${t.name}: ${(t.ms / 1000).toFixed(2)} s (${t.note})`)

    // CloudBase bills reads and writes per day: the timer by itself, then a model day.
    const ticks = await tickDay(T0)
    const notices = noticesTotals[0]
    const day = modelDay(results.map(toRecord), { perNotice: notices.households / notices.notices, ticks, push: await pushCost(T0), pushes: 2_000 + 160 })
    console.log('\n' + formatDay(day, ticks))

    if (out) {
      writeFileSync(out, JSON.stringify(results.map(toRecord), null, 2) + '\n')
      console.log(`\n已写入 ${out}`)
    }

    const failed = results.filter((r) => r.failures.length)
    if (failed.length) {
      for (const r of failed) {
        const first = r.failures[0]
        console.error(`${r.name}：${r.failures.length}/${r.n} 次调用失败，例如第 ${first.i} 次：${first.code} ${first.message}`)
      }
      process.exitCode = 1
    }
  } finally {
    local.store.close?.()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
