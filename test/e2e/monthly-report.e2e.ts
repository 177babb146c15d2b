import { readFileSync } from 'node:fs'
import type { Locator } from 'playwright-core'
import { e2eHost, go, phone, shot } from './browser'
import { addMonths, monthStart, shanghaiMonth } from '../../src/core/shared/time'

const env = e2eHost('monthly-report')

interface T {
  _id: string
  type: string
  status: string
  createdAt: number
  building: string
  reopenCount: number
  sla: { respond?: { due: number; metAt?: number }; resolve?: { due: number; metAt?: number } }
}
interface S {
  _id: string
  ticketId: string
  round: number
  month: string
  building: string
  answer?: { overall: number }
}
interface B {
  _id: string
  itemId: string
  amount: number
  status: string
  dueDate: string
  building: string
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—')

/** The month's counts straight from the raw documents, with none of the product's own figure code. */
async function facts(month: string, zone: string[] | null) {
  const store = env.host.local.store
  const start = monthStart(month)
  const end = monthStart(addMonths(month, 1))
  const inZone = (b: string) => !zone || zone.includes(b)
  const all = async <X extends { _id: string }>(name: string) => {
    const out: X[] = []
    for (;;) {
      const page = await store.collection<X>(name).find({ where: { communityId: 'sunshine' }, orderBy: [['_id', 'asc']], offset: out.length, limit: 1000 })
      out.push(...page)
      if (page.length < 1000) return out
    }
  }
  const tickets = (await all<T>('tickets')).filter((t) => t.createdAt >= start && t.createdAt < end && t.status !== 'merged' && inZone(t.building))
  const met = (k: 'respond' | 'resolve') => tickets.filter((t) => t.sla[k]?.metAt !== undefined)
  const onTime = (k: 'respond' | 'resolve') => met(k).filter((t) => t.sla[k]!.metAt! <= t.sla[k]!.due).length
  const closed = tickets.filter((t) => t.status === 'closed')
  const latest = new Map<string, S>()
  for (const s of (await all<S>('surveys')).filter((s) => s.month === month && inZone(s.building))) {
    if (!latest.has(s.ticketId) || latest.get(s.ticketId)!.round < s.round) latest.set(s.ticketId, s)
  }
  const answered = [...latest.values()].filter((s) => s.answer)
  // A 装修押金 comes back when the work is done: money held, not a fee collected.
  const bills = (await all<B>('bills')).filter(
    (b) => b.dueDate.startsWith(month) && b.status !== 'waived' && b.itemId !== 'decoration-deposit' && inZone(b.building),
  )
  return {
    tickets,
    respond: [onTime('respond'), met('respond').length],
    resolve: [onTime('resolve'), met('resolve').length],
    closed,
    answered,
    owed: bills.reduce((n, b) => n + b.amount, 0),
    paid: bills.filter((b) => b.status === 'paid').reduce((n, b) => n + b.amount, 0),
  }
}

/**
 * The month's figures recomputed here from the raw documents, with none of the product's own
 * figure code: what the page shows must be what the records say.
 */
async function recompute(month: string, zone: string[] | null) {
  const { tickets, respond, resolve, closed, answered, owed, paid } = await facts(month, zone)
  return {
    tickets: String(tickets.length),
    complaints: String(tickets.filter((t) => t.type === 'complaint').length),
    respondOnTime: pct(respond[0], respond[1]),
    resolveOnTime: pct(resolve[0], resolve[1]),
    firstTimeFix: pct(closed.filter((t) => t.reopenCount === 0).length, closed.length),
    averageScore: answered.length ? (Math.round((answered.reduce((n, s) => n + s.answer!.overall, 0) / answered.length) * 100) / 100).toFixed(2) : '—',
    satisfiedShare: pct(answered.filter((s) => s.answer!.overall >= 4).length, answered.length),
    collectionRate: pct(paid, owed),
  }
}

/** Fen as a report prints it: ¥1,234.50. */
const money = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/** A count against the month before as the 月报 states it: ↑ 12 单 · 4%. */
function countChange(now: number, before: number) {
  const d = now - before
  const p = before ? Math.round((Math.abs(d) / before) * 100) : 0
  return d === 0 ? '持平' : `${d > 0 ? '↑' : '↓'} ${Math.abs(d)} 单${p ? ` · ${p}%` : ''}`
}

/** A rate against the month before, in percentage points: ↓ 3.2 个百分点. */
function pointsChange([n, d]: number[], [bn, bd]: number[]) {
  if (!d || !bd) return '—'
  const pp = Math.round((n / d - bn / bd) * 1000) / 10
  return pp === 0 ? '持平' : `${pp > 0 ? '↑' : '↓'} ${Math.abs(pp)} 个百分点`
}

/** Whether a control carries the disabled attribute, and the colour it is painted. */
const look = (l: Locator) => l.evaluate((e) => ({ disabled: e.hasAttribute('disabled'), background: getComputedStyle(e).backgroundColor }))

describe('supervisor dashboard and 月报 on six months of demo history, in Chromium', () => {
  it('liu sees seven months of charts and last month’s report matches the records; zhou sees only 1–3栋', async () => {
    const last = addMonths(shanghaiMonth(Date.now()), -1)
    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/dashboard/index')
    await liu.getByTestId('db-chart-rates').waitFor()
    await liu.getByTestId('db-now-tickets').waitFor()
    // Both charts are painted: their canvases hold more than the blank background.
    for (const id of ['db-chart-volume', 'db-chart-rates']) {
      const inked = await liu
        .getByTestId(id)
        .locator('canvas')
        .evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
          let n = 0
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++
          return n
        })
      expect(inked).toBeGreaterThan(500)
    }
    await shot(liu, 'r01-dashboard-trend')
    await liu.getByTestId('db-chart-rates').scrollIntoViewIfNeeded()
    await shot(liu, 'r02-dashboard-charts')
    await liu.getByTestId('db-by-handler').click()
    // This month may be a day old (or empty on the 1st): any handler row, or the empty line.
    await liu.getByTestId('db-groups').locator('[data-testid^="db-group-"], .muted').first().waitFor()
    await liu.getByTestId('db-groups').scrollIntoViewIfNeeded()
    await shot(liu, 'r03-dashboard-by-handler')
    // The month under way: its money in yuan beside 收缴率, and what piles up set beside last month's whole figure, not against it.
    const now = await facts(shanghaiMonth(Date.now()), null)
    const lastFacts = await facts(last, null)
    await liu.getByTestId('db-now-billed').scrollIntoViewIfNeeded()
    await expect(liu.getByTestId('db-now-billed').innerText()).resolves.toBe(money(now.owed))
    await expect(liu.getByTestId('db-now-collected').innerText()).resolves.toBe(money(now.paid))
    await expect(liu.getByTestId('db-now-change-tickets').innerText()).resolves.toBe(`上月 ${lastFacts.tickets.length} 单`)
    await shot(liu, 'r03b-dashboard-month-vs-last')

    await liu.getByTestId('db-report').click()
    await liu.getByTestId('rp-total-tickets').waitFor()
    // The month now running says so; a finished one does not.
    await liu.getByTestId('rp-partial').waitFor()
    // No month to come: 下月 is plainly off, and looks it; 上月 and the exports are on, and look it.
    const [prevOn, nextOff, csvOn] = await Promise.all(['rp-prev', 'rp-next', 'rp-export'].map((id) => look(liu.getByTestId(id))))
    expect([prevOn.disabled, nextOff.disabled, csvOn.disabled]).toEqual([false, true, false])
    expect(nextOff.background).not.toBe(prevOn.background)
    await expect(look(liu.getByTestId('rp-export-image'))).resolves.toMatchObject({ disabled: false, background: 'rgb(31, 122, 92)' })
    await expect(liu.getByTestId('rp-total-change-tickets').innerText()).resolves.toBe(`上月 ${lastFacts.tickets.length} 单`)
    await shot(liu, 'r03c-report-live-month')
    await liu.getByTestId('rp-prev').click()
    await liu.getByTestId('rp-month').getByText(last).waitFor()
    await expect(liu.getByTestId('rp-partial').count()).resolves.toBe(0)
    const [prevAgain, nextOn] = await Promise.all(['rp-prev', 'rp-next'].map((id) => look(liu.getByTestId(id))))
    expect(nextOn).toEqual({ disabled: false, background: prevAgain.background })
    await liu.getByTestId('rp-scope').getByText('全小区').waitFor()
    const want = await recompute(last, null)
    expect(Number(want.tickets)).toBeGreaterThan(50)
    for (const [k, v] of Object.entries(want)) {
      await expect(liu.getByTestId(`rp-total-${k}`).innerText()).resolves.toBe(v)
    }
    // Against the month before it, from the records too; and the money behind 收缴率.
    const before = await facts(addMonths(last, -1), null)
    await expect(liu.getByTestId('rp-total-change-tickets').innerText()).resolves.toBe(countChange(lastFacts.tickets.length, before.tickets.length))
    await expect(liu.getByTestId('rp-total-change-resolveOnTime').innerText()).resolves.toBe(pointsChange(lastFacts.resolve, before.resolve))
    await expect(liu.getByTestId('rp-total-billed').innerText()).resolves.toBe(money(lastFacts.owed))
    await expect(liu.getByTestId('rp-total-collected').innerText()).resolves.toBe(money(lastFacts.paid))
    await expect(liu.getByTestId('rp-summary').innerText()).resolves.toContain(`共受理工单 ${want.tickets} 单`)
    await shot(liu, 'r04-report-liu')
    await liu.getByTestId('rp-top').scrollIntoViewIfNeeded()
    await shot(liu, 'r05-report-top-problems')
    const download = liu.waitForEvent('download')
    await liu.getByTestId('rp-export').click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`月报-${last}.csv`)
    await liu.getByTestId('rp-building').scrollIntoViewIfNeeded()
    await shot(liu, 'r05b-report-by-building')

    // 导出长图: a PNG of the whole report, downloaded, far more than a blank canvas.
    const image = liu.waitForEvent('download')
    await liu.getByTestId('rp-export-image').click()
    const png = await image
    expect(png.suggestedFilename()).toBe(`月报-${last}.png`)
    const bytes = readFileSync((await png.path())!)
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(bytes.length).toBeGreaterThan(100_000)
    // 750 units across at up to 2×, and taller than it is wide.
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
    expect(width).toBeGreaterThanOrEqual(750)
    expect(height).toBeGreaterThan(2 * width)
    await liu.goto(`data:image/png;base64,${bytes.toString('base64')}`)
    await liu.setViewportSize({ width: 390, height: Math.min(2400, Math.round((390 * height) / width)) })
    await liu.evaluate(() => {
      const img = document.querySelector('img')!
      img.style.width = '390px'
    })
    await shot(liu, 'r05c-report-long-image')

    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await go(zhou, env.host.url, '/staff/monthly-report/index')
    await zhou.getByTestId('rp-total-tickets').waitFor()
    await zhou.getByTestId('rp-prev').click()
    await zhou.getByTestId('rp-month').getByText(last).waitFor()
    await zhou.getByTestId('rp-scope').getByText('负责的 1、2、3 栋').waitFor()
    const zone = await recompute(last, ['1', '2', '3'])
    for (const [k, v] of Object.entries(zone)) {
      await expect(zhou.getByTestId(`rp-total-${k}`).innerText()).resolves.toBe(v)
    }
    const rows = await zhou
      .getByTestId('rp-building')
      .locator('[data-testid^="rp-building-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(rows).toEqual(['rp-building-1', 'rp-building-2', 'rp-building-3'])
    await shot(zhou, 'r06-report-zhou')

    // 长辈模式: the same report, larger, still inside the screen.
    await zhou.evaluate(() => localStorage.setItem('largeText', JSON.stringify({ data: true })))
    await zhou.reload()
    await zhou.getByTestId('rp-total-tickets').waitFor()
    await expect(zhou.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0)
    await shot(zhou, 'r07-report-large-text')
    await zhou.getByTestId('rp-building').scrollIntoViewIfNeeded()
    await shot(zhou, 'r08-report-large-text-tables')
  })
})
