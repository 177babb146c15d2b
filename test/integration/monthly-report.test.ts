import { FUNCTIONS } from '../../scripts/host/functions'
import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUR = 3600_000
const leak = (houseId: string) => ({
  type: 'repair',
  scope: 'home',
  houseId,
  category: 'water_electric',
  description: '厨房水管接口漏水，地面已经积水',
  photos: [],
})
const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)

/** A repair in zhang's 1栋 done by tech-zhao and rated `overall` by zhang. */
async function ratedJob(overall: number) {
  const t = await h.ok('resident-zhang', 'tickets', 'create', leak('sunshine-1-1-301'))
  await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
  await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
  await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换了水管接头' })
  await h.ok('resident-zhang', 'tickets', 'confirm', { ticketId: t.id })
  await tick()
  await h.ok('resident-zhang', 'surveys', 'submit', {
    ticketId: t.id,
    overall,
    speed: overall,
    attitude: overall,
    resolved: overall > 2,
    tags: [overall > 3 ? '准时' : '没修好'],
  })
  return t.id as string
}

describe('supervisor trend and 月报', () => {
  it('a finished, rated job moves this month’s figures; wang’s open complaint in 2栋 counts too; 管理员 sees only 1–3栋', async () => {
    const empty = await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    expect(empty.total).toMatchObject({ tickets: 0, answered: 0, respondOnTime: null, averageScore: null })

    await ratedJob(5)
    await h.ok('resident-wang', 'tickets', 'create', {
      type: 'complaint',
      scope: 'home',
      houseId: 'sunshine-2-1-502',
      category: 'other',
      description: '楼下装修噪音太大，晚上十点还在施工',
    })
    // The rollup is cached for ten minutes: a supervisor sees a minute-fresh month after that.
    h.clock.advance(11 * 60_000)
    const r = await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    expect(r.zone).toBeNull()
    expect(r.total).toMatchObject({
      tickets: 2,
      complaints: 1,
      respondOnTime: 1,
      resolveOnTime: 1,
      firstTimeFix: 1,
      answered: 1,
      averageScore: 5,
      satisfiedShare: 1,
    })
    expect(r.handler.find((l: { key: string }) => l.key === 'dev-tech-zhao')).toMatchObject({ label: '赵强', tickets: 1, averageScore: 5 })
    expect(r.department.map((l: { label: string }) => l.label).sort()).toEqual(['客服办结', '工程部'].sort())
    expect(r.top.types.find((t: { type: string }) => t.type === 'complaint').count).toBe(1)

    const zhou = await h.ok('manager-zhou', 'supervisor', 'monthlyReport', { month: '2026-11' })
    expect(zhou.zone).toEqual(['1', '2', '3'])
    expect(zhou.total.tickets).toBe(2)
    expect(zhou.building.every((l: { key: string }) => ['1', '2', '3'].includes(l.key))).toBe(true)
    // The month before, in the same scope, for the change 较上月: October's total as October's own report has it.
    const oct = await h.ok('manager-zhou', 'supervisor', 'monthlyReport', { month: '2026-10' })
    expect(zhou.previous).toEqual({ ...oct.total })
    expect(zhou.previous.label).toBe('负责的 1、2、3 栋')
  })

  it('trend: seven months, oldest first, this month broken down by the chosen dimension; collection recomputed from the bills', async () => {
    const t = await h.ok('supervisor-liu', 'supervisor', 'trend', { by: 'building' })
    expect(t.months.map((m: { month: string }) => m.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
    // October's bills, straight from the store: paid fen of fen owed (waived owed by nobody).
    const bills = await h.store.c.bills.find({ where: { communityId: 'sunshine' }, limit: 1000 })
    const oct = bills.filter((b) => b.dueDate.startsWith('2026-10') && b.status !== 'waived')
    const owed = oct.reduce((n, b) => n + b.amount, 0)
    const paid = oct.filter((b) => b.status === 'paid').reduce((n, b) => n + b.amount, 0)
    expect(owed).toBeGreaterThan(paid)
    expect(t.months.find((m: { month: string }) => m.month === '2026-10').total).toMatchObject({ billed: owed, collected: paid, collectionRate: paid / owed })
    expect(t.months[0].total.collectionRate).toBeNull()
    const dept = await h.ok('supervisor-liu', 'supervisor', 'trend', { by: 'department' })
    expect(dept.by).toBe('department')
  })

  it('a 管理员 sees only their buildings’ bills and tickets', async () => {
    const liu = await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-10' })
    const zhou = await h.ok('manager-zhou', 'supervisor', 'monthlyReport', { month: '2026-10' })
    expect(zhou.total.billed).toBeLessThan(liu.total.billed)
    expect(zhou.total.billed).toBe(
      liu.building.filter((l: { key: string }) => ['1', '2', '3'].includes(l.key)).reduce((n: number, l: { billed: number }) => n + l.billed, 0),
    )
  })

  it('a settled month is folded once; a live one again after ten minutes', async () => {
    await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    const r0 = h.store.stats.reads
    await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    const cached = h.store.stats.reads - r0
    await ratedJob(4)
    const still = await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    expect(still.total.tickets).toBe(0)
    h.clock.advance(10 * 60_000 + 1)
    const fresh = await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    expect(fresh.total.tickets).toBe(1)
    expect(fresh.computedAt).toBeGreaterThan(still.computedAt)
    // The cached call reads the caller (user, bindings) and two rollup documents: the month and the one before (较上月).
    expect(cached).toBeLessThanOrEqual(4)
    h.clock.advance(24 * HOUR)
  })

  it('the scheduler keeps a watched live month warm, so the view only reads; an unwatched one costs nothing', async () => {
    await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    await ratedJob(5)
    h.clock.advance(6 * 60_000)
    await tick()
    const kept = (await h.store.c.rollups.get('sunshine_2026-11'))!
    expect(kept.computedAt).toBe(h.clock.now())
    // Four minutes on, the view finds it fresh: no fold on the tap, and it already has the job.
    h.clock.advance(4 * 60_000)
    const w0 = h.store.stats.writes
    const r = await h.ok('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-11' })
    expect(r.total.tickets).toBe(1)
    expect(r.computedAt).toBe(kept.computedAt)
    expect(h.store.stats.writes).toBe(w0)
    // Nobody looks for three hours: the scheduler stops refolding it.
    h.clock.advance(3 * HOUR)
    await tick()
    const later = (await h.store.c.rollups.get('sunshine_2026-11'))!
    expect(later.computedAt).toBeLessThan(h.clock.now() - 2 * HOUR)
  })

  it('exports the 月报 as CSV with the same figures', async () => {
    await ratedJob(1)
    // The bad rating is on today's board until the 客服主任 has called back, and the tile opens it.
    const d = await h.ok('supervisor-liu', 'supervisor', 'dashboard', {})
    const low = d.tiles.find((t: { key: string }) => t.key === 'lowRating')
    expect(low).toMatchObject({ label: '差评待回访', count: 1 })
    const inbox = await h.ok('supervisor-liu', 'tickets', 'inbox', low.filter)
    expect(inbox.items.map((x: { type: string }) => x.type)).toEqual(['complaint'])
    h.clock.advance(11 * 60_000)
    const f = await h.ok('supervisor-liu', 'supervisor', 'exportMonthlyReport', { month: '2026-11' })
    expect(f.filename).toBe('月报-2026-11.csv')
    const lines = f.csv.replace('\uFEFF', '').split(/\r?\n/)
    expect(lines[0]).toBe('2026-11 客服月报（全小区）')
    // The bad rating opened a complaint for the 客服主任: two tickets, one of them a complaint.
    expect(lines.find((l: string) => l.startsWith('合计,'))).toMatch(/^合计,全小区,2,1,/)
    expect(lines.some((l: string) => l.startsWith('处理人,赵强,1,0,'))).toBe(true)
    const zhou = await h.ok('manager-zhou', 'supervisor', 'exportMonthlyReport', { month: '2026-11' })
    expect(zhou.filename).toBe('月报-2026-11-1_2_3栋.csv')
  })

  it('refuses residents, handlers and agents, bad months and months to come, writing nothing', async () => {
    for (const who of ['resident-zhang', 'tech-zhao', 'agent-chen']) {
      for (const a of ['trend', 'monthlyReport', 'exportMonthlyReport']) {
        expect(await h.call(who, 'supervisor', a, a === 'trend' ? {} : { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    }
    const w0 = h.store.stats.writes
    expect(await h.call('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-13' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { month: '月份格式为 YYYY-MM' } },
    })
    expect(await h.call('supervisor-liu', 'supervisor', 'monthlyReport', { month: '2026-12' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '该月份还没有到' },
    })
    expect(await h.call('supervisor-liu', 'supervisor', 'trend', { by: 'floor' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(h.store.stats.writes).toBe(w0)
    expect(await h.store.c.rollups.count({})).toBe(0)
  })
})
