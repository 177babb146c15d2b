import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localDeps } from '../../cloudfunctions/lib/adapters/local'
import { fixedClock } from '../../cloudfunctions/lib/ports/clock'
import { notify } from '../../cloudfunctions/lib/outbox/notify'
import { grant } from '../../cloudfunctions/lib/outbox/quota'
import { deliverOutbox } from '../../cloudfunctions/lib/outbox/deliver'
import { seedDemo } from '../seed/demo'
import { FUNCTIONS } from '../host/functions'
import type { BenchRecord } from './run'

/** CloudBase's basic plan, per day. */
export const PLAN = { reads: 50_000, writes: 30_000 }
const HOUSEHOLDS = 2_000

interface Cost {
  reads: number
  writes: number
}

/**
 * The scheduler's day on the demo community: 1,440 timer ticks with nothing new coming in, so
 * what is counted is what the timer costs by itself (its sweeps, the 10:00 reminder run).
 */
export async function tickDay(now: number): Promise<Cost & { idleTick: Cost; busyTick: Cost }> {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-day-'))
  const clock = fixedClock(now)
  const local = localDeps(dir, clock)
  try {
    await seedDemo(local.store, now)
    const total = { reads: 0, writes: 0 }
    const ticks: Cost[] = []
    for (let m = 0; m < 1440; m++) {
      clock.advance(60_000)
      const before = { ...local.store.stats }
      await FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, local.deps)
      const c = { reads: local.store.stats.reads - before.reads, writes: local.store.stats.writes - before.writes }
      total.reads += c.reads
      total.writes += c.writes
      ticks.push(c)
    }
    const sorted = [...ticks].sort((a, b) => a.reads - b.reads)
    return { ...total, idleTick: sorted[0], busyTick: sorted[Math.floor(sorted.length * 0.99)] }
  } finally {
    local.store.close?.()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One subscribe-message push through the outbox (claim, quota, send, result), per push. */
export async function pushCost(now: number, n = 100): Promise<Cost> {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-push-'))
  const local = localDeps(dir, fixedClock(now))
  try {
    for (let i = 0; i < n; i++) {
      await grant(local.store, `push-${i}`, ['noticePublished'], now)
      await local.store.transaction((tx) =>
        notify(tx, now, {
          openid: `push-${i}`,
          title: '通知',
          body: '通知',
          page: '/pages/index/index',
          push: { templateKey: 'noticePublished', data: { title: '通知', category: '通知', time: '今天', note: '' } },
        }),
      )
    }
    const before = { ...local.store.stats }
    while ((await deliverOutbox(local.deps)).sent) {
      /* until the queue is empty */
    }
    return { reads: (local.store.stats.reads - before.reads) / n, writes: (local.store.stats.writes - before.writes) / n }
  } finally {
    local.store.close?.()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A busy weekday of one 2,000-household community, from the per-call counts the bench measured:
 * [bench row, calls that day, what they are]. A bill run and the reminder day are put on the
 * same day, and one community-wide notice, so the figure is a bad day, not an average one.
 */
const DAY: [string, (h: { perNotice: number }) => number, string][] = [
  ['account.whoami', () => 800, '800 app opens (40% of households)'],
  ['notices.home', () => 800, 'the home board on each open'],
  ['account.myHouses', () => 400, 'house switcher and 我的'],
  ['bills.myBills', () => 300, '账单 opened'],
  ['tickets.mine', () => 200, '我的报事 opened'],
  ['tickets.detail', () => 400, 'a ticket opened (residents and staff)'],
  ['tickets.create', () => 40, '40 tickets'],
  ['tickets.dispatch', () => 40, 'each dispatched'],
  ['tickets.complete', () => 40, 'each completed'],
  ['surveys.submit', () => 30, 'three in four rated'],
  ['tickets.inbox', () => 600, '3 agents refreshing the inbox'],
  ['supervisor.dashboard (today tiles)', () => 30, 'the 客服主任 and 管理员'],
  ['supervisor.trend (warm)', () => 30, 'with the dashboard'],
  ['notices.publish + scheduler send (one community)', (h) => HOUSEHOLDS / h.perNotice, 'one notice to every household'],
  ['bills.runBills (1,000-house chunk)', () => HOUSEHOLDS / 1000, 'the month’s bill run'],
  ['bills.runBills (empty tail)', () => 1, 'its last call'],
  ['scheduler billReminders (20,000 bills)', () => (HOUSEHOLDS * 0.3) / 20_000, 'reminders for 30% unpaid'],
]

export function modelDay(records: BenchRecord[], opts: { perNotice: number; ticks: Cost; push: Cost; pushes: number }) {
  const rows: { what: string; calls: number; reads: number; writes: number }[] = []
  for (const [name, calls, what] of DAY) {
    const r = records.find((x) => x.name === name)
    if (!r) throw new Error(`bench 没有 ${name} 这一行`)
    const n = calls(opts)
    rows.push({ what: `${name}: ${what}`, calls: n, reads: n * r.reads, writes: n * r.writes })
  }
  rows.push({
    what: 'outbox pushes: the notice and the tickets’ messages',
    calls: opts.pushes,
    reads: opts.pushes * opts.push.reads,
    writes: opts.pushes * opts.push.writes,
  })
  rows.push({ what: 'scheduler: 1,440 timer ticks', calls: 1440, reads: opts.ticks.reads, writes: opts.ticks.writes })
  const total = rows.reduce((t, r) => ({ reads: t.reads + r.reads, writes: t.writes + r.writes }), { reads: 0, writes: 0 })
  return { rows, total }
}

export function formatDay(day: ReturnType<typeof modelDay>, ticks: { idleTick: Cost; busyTick: Cost }) {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)}%`
  const lines = day.rows.map(
    (r) =>
      `  ${r.what.padEnd(78)} ${String(Math.round(r.calls)).padStart(5)} 次  ${String(Math.round(r.reads)).padStart(6)} 读  ${String(Math.round(r.writes)).padStart(6)} 写`,
  )
  return [
    `一天（${HOUSEHOLDS} 户小区的忙碌工作日，按上表每次调用的读写数推算）：`,
    ...lines,
    `  合计 ${Math.round(day.total.reads)} 读（基础版 ${PLAN.reads} 的 ${pct(day.total.reads, PLAN.reads)}），${Math.round(day.total.writes)} 写（${PLAN.writes} 的 ${pct(day.total.writes, PLAN.writes)}）`,
    `  定时器：空闲一次 ${ticks.idleTick.reads} 读 ${ticks.idleTick.writes} 写，忙碌一次（p99）${ticks.busyTick.reads} 读 ${ticks.busyTick.writes} 写`,
  ].join('\n')
}
