import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localDeps } from '../../cloudfunctions/lib/adapters/local'
import type { Doc, Store } from '../../cloudfunctions/lib/ports/store'
import { fixedClock } from '../../cloudfunctions/lib/ports/clock'
import { escalate } from '../../cloudfunctions/lib/tickets/escalate'
import { callbackChecks, finishComplaints, sendSurveys } from '../../cloudfunctions/lib/surveys/jobs'
import type { BillDoc } from '../../src/core/bills/types'
import { houseId } from '../../src/core/community/types'
import { shanghaiDayStart, shanghaiMonth } from '../../src/core/shared/time'
import type { CallbackDoc, SurveyDoc } from '../../src/core/surveys/types'
import { TICKET_TYPES, type TicketDoc } from '../../src/core/tickets/types'
import { DEMO_ACCOUNTS, DEMO_COMMUNITY, demoHouseIds, devOpenid, seedDemo } from './demo'
import { seedHistory } from './history'

/** 2026-11-24 10:00 Shanghai, as in the integration tests: history runs 2026-05-01 … 2026-11-23. */
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0)
const TODAY = shanghaiDayStart(NOW)
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']
const monthOf = shanghaiMonth
const c = DEMO_COMMUNITY.id

async function all<T extends Doc>(store: Store, name: string): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const page = await store.collection<T>(name).find({ orderBy: [['_id', 'asc']], offset: out.length, limit: 1000 })
    out.push(...page)
    if (page.length < 1000) return out
  }
}

const dirs: string[] = []
function open() {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-history-'))
  dirs.push(dir)
  return localDeps(dir, fixedClock(NOW))
}

describe('six months of demo history', () => {
  const local = open()
  let counts: Awaited<ReturnType<typeof seedHistory>>
  let ms = 0
  let billsBefore: BillDoc[] = []
  let tickets: TicketDoc[] = []
  let surveys: SurveyDoc[] = []

  beforeAll(async () => {
    await seedDemo(local.store, NOW)
    billsBefore = await all<BillDoc>(local.store, 'bills')
    const t0 = performance.now()
    counts = await seedHistory(local.store, c, NOW, demoHouseIds())
    ms = performance.now() - t0
    tickets = await all<TicketDoc>(local.store, 'tickets')
    surveys = await all<SurveyDoc>(local.store, 'surveys')
  })

  afterAll(() => {
    local.store.close?.()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('is about a thousand tickets, written fast', () => {
    expect(counts.tickets).toBe(tickets.length)
    expect(counts.surveys).toBe(surveys.length)
    expect(tickets.length).toBeGreaterThan(800)
    expect(tickets.length).toBeLessThan(1400)
    // The host seeds on first start and every e2e suite boots a fresh one (generous for a busy CI box).
    expect(ms).toBeLessThan(5000)
  })

  it('has tickets of every type in each of the seven months, all created before today', () => {
    for (const m of MONTHS) {
      const types = new Set(tickets.filter((t) => monthOf(t.createdAt) === m).map((t) => t.type))
      expect({ m, types: [...types].sort() }).toEqual({ m, types: [...TICKET_TYPES].sort() })
    }
    expect(tickets.every((t) => t.createdAt < TODAY)).toBe(true)
    expect(new Set(tickets.map((t) => monthOf(t.createdAt)))).toEqual(new Set(MONTHS))
  })

  it('leaves nothing for the scheduler or a queue: every ticket, survey and callback is finished', async () => {
    for (const t of tickets) {
      expect({
        id: t._id,
        status: ['closed', 'cancelled', 'merged'].includes(t.status),
        open: t.open,
        overdue: t.overdue,
        next: t.nextCheckAt,
        escalated: t.escalated,
      }).toEqual({ id: t._id, status: true, open: false, overdue: false, next: null, escalated: false })
      expect(t.surveyState === 'due').toBe(false)
      expect(t.closedAt).toBeLessThan(TODAY)
    }
    expect(surveys.filter((s) => s.state === 'open' || s.checkAt !== null || s.complaintId === 'pending')).toEqual([])
    const callbacks = await all<CallbackDoc>(local.store, 'callbacks')
    expect(callbacks.length).toBeGreaterThan(0)
    expect(callbacks.filter((x) => x.state === 'open')).toEqual([])
    // And the jobs agree: the scheduler finds nothing to do.
    const deps = local.deps
    expect(await escalate(deps)).toEqual({ warned: 0, manager: 0, supervisor: 0, autoClosed: 0 })
    expect(await sendSurveys(deps)).toEqual({ surveys: 0, callbacks: 0 })
    expect(await callbackChecks(deps)).toEqual({ callbacks: 0 })
    expect(await finishComplaints(deps)).toEqual({ opened: 0 })
  })

  it('has every outcome: closed, cancelled, merged into another history ticket, reopened, emergencies, rated, called back, missed', () => {
    const by = (s: string) => tickets.filter((t) => t.status === s)
    expect(by('closed').length).toBeGreaterThan(tickets.length * 0.85)
    expect(by('cancelled').length).toBeGreaterThan(5)
    const merged = by('merged')
    expect(merged.length).toBeGreaterThan(3)
    const ids = new Map(tickets.map((t) => [t._id, t]))
    for (const m of merged) {
      const master = ids.get(m.mergedInto!)!
      expect(master.no).toBe(m.mergedIntoNo)
      expect(master.followers).toContain(m.reporterOpenid)
      expect(master.links).toContain(m._id)
    }
    expect(tickets.filter((t) => t.reopenCount === 1).length).toBeGreaterThan(10)
    expect(tickets.filter((t) => t.priority === 'emergency' && t.rank === 0 && t.emergency).length).toBeGreaterThan(5)
    const share = (n: number) => n / surveys.length
    expect(share(surveys.filter((s) => s.answer?.source === 'app').length)).toBeGreaterThan(0.65)
    expect(surveys.some((s) => s.answer?.source === 'callback' && s.callbackReached)).toBe(true)
    expect(surveys.some((s) => s.state === 'missed' && s.callbackReached === false)).toBe(true)
    // Bad ratings climbed the ladder to a complaint ticket of their own.
    const complained = surveys.filter((s) => s.complaintId)
    expect(complained.length).toBeGreaterThan(0)
    for (const s of complained) expect(ids.get(s.complaintId!)?.type).toBe('complaint')
  })

  it('numbers tickets uniquely and continues the day counters after them', async () => {
    expect(new Set(tickets.map((t) => t.no)).size).toBe(tickets.length)
    const last = tickets.reduce((a, b) => (a.createdAt > b.createdAt ? a : b))
    const [prefix, day, seq] = last.no.split('-')
    const counter = await local.store.c.counters.get(`${c}_${prefix}_${day}`)
    expect(counter!.n).toBeGreaterThanOrEqual(Number(seq))
  })

  it('keeps to houses nobody is bound to, and this month’s ratings off the demo accounts', () => {
    const demoHouses = DEMO_ACCOUNTS.flatMap((a) => (a.house ? [houseId(c, a.house.building, a.house.unit, a.house.room)] : []))
    expect(tickets.filter((t) => demoHouses.includes(t.houseId!))).toEqual([])
    const logins = DEMO_ACCOUNTS.map((a) => devOpenid(a.account))
    expect(tickets.filter((t) => logins.includes(t.reporterOpenid) || t.followers.some((f) => logins.includes(f)))).toEqual([])
    // A demo handler opening 我的评价 this month starts from zero (the surveys e2e counts from there).
    expect(surveys.filter((s) => s.month === '2026-11' && s.handler && logins.includes(s.handler))).toEqual([])
    expect(surveys.some((s) => s.month === '2026-10' && s.handler === devOpenid('tech-zhao'))).toBe(true)
  })

  it('has places that keep coming back within a month (the same lift, the same gate)', () => {
    const seen = new Map<string, number>()
    for (const t of tickets) if (t.scope === 'public') seen.set(`${monthOf(t.createdAt)} ${t.place}`, (seen.get(`${monthOf(t.createdAt)} ${t.place}`) ?? 0) + 1)
    const months = new Set([...seen].filter(([, n]) => n >= 3).map(([k]) => k.slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(6)
  })

  it('bills the six months before this one, mostly paid, without touching the demo’s own bills', async () => {
    const bills = await all<BillDoc>(local.store, 'bills')
    const before = new Map(billsBefore.map((b) => [b._id, b]))
    for (const b of billsBefore) expect(bills.find((x) => x._id === b._id)).toEqual(b)
    const added = bills.filter((b) => !before.has(b._id))
    expect(added.length).toBe(counts.bills)
    const demoHouses = DEMO_ACCOUNTS.flatMap((a) => (a.house ? [houseId(c, a.house.building, a.house.unit, a.house.room)] : []))
    expect(added.filter((b) => demoHouses.includes(b.houseId))).toEqual([])
    expect(new Set(added.map((b) => b.period))).toEqual(new Set(MONTHS.slice(0, 6)))
    // Collection per month, counting the demo's arrears too: between 85% and 97%, lower for recent months.
    for (const m of MONTHS.slice(0, 6)) {
      const due = bills.filter((b) => b.period === m && !demoHouses.includes(b.houseId))
      const rate = due.filter((b) => b.status === 'paid').length / due.length
      expect({ m, ok: rate >= 0.84 && rate <= 0.975 }).toEqual({ m, ok: true })
    }
    const paid = added.filter((b) => b.status === 'paid')
    for (const b of paid.slice(0, 50)) {
      const receipt = await local.store.c.receipts.get(b.receiptNo!)
      expect(receipt).toMatchObject({ amount: b.amount, lines: [{ billId: b._id }] })
      expect(b.paidAt).toBeLessThan(TODAY)
    }
    expect(new Set(paid.map((b) => b.paidVia))).toEqual(new Set(['wechat', 'cash', 'transfer']))
  })

  it('is deterministic, and seedDemo adds it only when asked', async () => {
    const again = open()
    await seedDemo(again.store, NOW, { history: true })
    const strip = <T>(docs: T[]) => JSON.stringify(docs)
    expect(strip(await all(again.store, 'tickets'))).toBe(strip(tickets))
    expect(strip(await all(again.store, 'surveys'))).toBe(strip(surveys))
    expect(strip(await all(again.store, 'ticketEvents'))).toBe(strip(await all(local.store, 'ticketEvents')))
    expect(strip(await all(again.store, 'bills'))).toBe(strip(await all(local.store, 'bills')))
    again.store.close?.()
    const plain = open()
    await seedDemo(plain.store, NOW)
    expect(await plain.store.c.tickets.count()).toBe(0)
    plain.store.close?.()
  })
})
