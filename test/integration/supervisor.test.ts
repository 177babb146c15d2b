import { FUNCTIONS } from '../../scripts/host/functions'
import { DEFAULT_CALENDAR, hoursWords } from '../../src/core/tickets/calendar'
import { DEFAULT_SLA } from '../../src/core/tickets/sla'
import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG_HOUSE = 'sunshine-1-1-301'
const leak = { type: 'repair', scope: 'home', houseId: ZHANG_HOUSE, category: 'water_electric', description: '厨房水管接口漏水，地面已经积水', photos: [] }
const valid = { sla: DEFAULT_SLA, calendar: DEFAULT_CALENDAR }
const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
const tile = (d: { tiles: { key: string; count: number }[] }, key: string) => d.tiles.find((t) => t.key === key)!.count

describe('supervisor settings: SLA policy and business calendar', () => {
  it('an invalid policy is refused with field messages and changes nothing', async () => {
    const before = await h.ok('supervisor-liu', 'supervisor', 'settings', {})
    expect(before).toMatchObject({ isDefault: true, sla: { repair: { respond: 30 } } })
    const w0 = h.store.stats.writes

    const zero = await h.call('supervisor-liu', 'supervisor', 'saveSettings', {
      ...valid,
      sla: { ...DEFAULT_SLA, repair: { ...DEFAULT_SLA.repair, respond: 0 }, warnPct: 100 },
    })
    expect(zero).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'sla.repair.respond': '分钟数须为正整数', 'sla.warnPct': '提醒比例须小于 100%' } },
    })
    const hours = await h.call('supervisor-liu', 'supervisor', 'saveSettings', { ...valid, calendar: { ...DEFAULT_CALENDAR, open: '18:00', close: '09:00' } })
    expect(hours).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '下班时间须晚于上班时间', fields: { 'calendar.close': '下班时间须晚于上班时间' } },
    })
    const day = await h.call('supervisor-liu', 'supervisor', 'saveSettings', { ...valid, calendar: { ...DEFAULT_CALENDAR, holidays: ['2026-13-01'] } })
    expect(day).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'calendar.holidays.0': '日期 2026-13-01 不存在' } } })

    expect(h.store.stats.writes).toBe(w0)
    expect(await h.store.c.settings.get('sunshine')).toBeNull()
    expect(await h.store.c.audit.count({})).toBe(0)
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    expect(t.next).toMatchObject({ key: 'respond', minutesLeft: 30 })
  })

  it('a valid change applies to the next ticket, keeps other settings, and is audited', async () => {
    await h.ok('supervisor-liu', 'supervisor', 'setCallbackPolicy', { policy: 'always' })
    const first = await h.ok('resident-zhang', 'tickets', 'create', leak)
    expect(first.next).toMatchObject({ key: 'respond', minutesLeft: 30 })

    const saved = await h.ok('supervisor-liu', 'supervisor', 'saveSettings', {
      ...valid,
      sla: { ...DEFAULT_SLA, repair: { ...DEFAULT_SLA.repair, respond: 45 } },
    })
    expect(saved).toMatchObject({ isDefault: false, updatedByName: '刘芳', sla: { repair: { respond: 45 } } })
    expect(await h.store.c.settings.get('sunshine')).toMatchObject({ callbackPolicy: 'always', sla: { repair: { respond: 45 } } })

    const next = await h.ok('resident-zhang', 'tickets', 'create', leak)
    expect(next.next).toMatchObject({ key: 'respond', minutesLeft: 45 })
    // A ticket made before the change keeps the promise it was given.
    const detail = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: first.id })
    expect(detail.ticket?.next ?? detail.next).toMatchObject({ key: 'respond' })
    expect((await h.store.c.tickets.get(first.id))!.sla.respond!.due).toBe(first.next.due)

    const trail = await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'settings' })
    expect(trail.items).toHaveLength(1)
    expect(trail.items[0]).toMatchObject({
      kind: 'settings',
      actor: 'dev-supervisor-liu',
      actorName: '刘芳',
      summary: '修改了 sla.repair.respond',
      before: { sla: { repair: { respond: 30 } } },
      after: { sla: { repair: { respond: 45 } } },
    })
    // Saving the same again changes nothing and records nothing.
    await h.ok('supervisor-liu', 'supervisor', 'saveSettings', { ...valid, sla: { ...DEFAULT_SLA, repair: { ...DEFAULT_SLA.repair, respond: 45 } } })
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'settings' })).items).toHaveLength(1)
  })

  it('the hours residents see on the home page are the calendar the SLAs run on', async () => {
    const before = (await h.ok('resident-zhang', 'account', 'communities', {})).find((c: { id: string }) => c.id === 'sunshine')
    expect(before.hours).toEqual(DEFAULT_CALENDAR)
    const calendar = { ...DEFAULT_CALENDAR, open: '08:30', close: '17:30', weekdays: [1, 2, 3, 4, 5] }
    await h.ok('supervisor-liu', 'supervisor', 'saveSettings', { ...valid, calendar })
    const after = (await h.ok('resident-zhang', 'account', 'communities', {})).find((c: { id: string }) => c.id === 'sunshine')
    expect(after.hours).toEqual(calendar)
    expect(hoursWords(after.hours)).toBe('周一至周五 08:30–17:30')
  })

  it('the audit trail pages newest first and searches by actor name or openid', async () => {
    for (const respond of [31, 32, 33]) await h.ok('supervisor-liu', 'supervisor', 'saveSettings', { ...valid, sla: { ...DEFAULT_SLA, question: { respond } } })
    const p1 = await h.ok('supervisor-liu', 'supervisor', 'audit', { limit: 2 })
    expect(p1.more).toBe(true)
    expect(p1.items.map((a: { after: { sla: { question: { respond: number } } } }) => a.after.sla.question.respond)).toEqual([33, 32])
    const p2 = await h.ok('supervisor-liu', 'supervisor', 'audit', { limit: 2, offset: 2 })
    expect(p2).toMatchObject({ more: false, items: [{ after: { sla: { question: { respond: 31 } } } }] })
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { actor: '刘芳' })).items).toHaveLength(3)
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { actor: 'dev-supervisor-liu' })).items).toHaveLength(3)
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { actor: '陈静' })).items).toHaveLength(0)
  })
})

describe('supervisor dashboard', () => {
  it("counts today's tickets with the inbox filter behind each tile; 管理员 sees only 1–3栋", async () => {
    const a = await h.ok('resident-zhang', 'tickets', 'create', leak)
    const urgent = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, emergency: 'severe_leak' })
    expect(urgent.priority).toBe('emergency')
    // A ticket in 5栋, outside manager-zhou's zone.
    const doc = (await h.store.c.tickets.get(a.id))!
    await h.store.c.tickets.set({
      ...doc,
      _id: 'outside-zone',
      no: 'BX-20261124-0999',
      building: '5',
      houseId: 'sunshine-5-1-301',
      priority: 'emergency',
      rank: 0,
    })

    const liu = await h.ok('supervisor-liu', 'supervisor', 'dashboard', {})
    expect(liu.zone).toBeNull()
    expect(liu.date).toBe('2026-11-24')
    const total = await h.store.c.tickets.count({ communityId: 'sunshine', open: true })
    expect(tile(liu, 'open')).toBe(total)
    expect(tile(liu, 'new')).toBe(await h.store.c.tickets.count({ communityId: 'sunshine', createdAt: { $gte: Date.UTC(2026, 10, 23, 16) } }))
    expect(tile(liu, 'emergency')).toBe(await h.store.c.tickets.count({ communityId: 'sunshine', open: true, priority: 'emergency' }))
    expect(tile(liu, 'emergency')).toBeGreaterThanOrEqual(2)

    const zhou = await h.ok('manager-zhou', 'supervisor', 'dashboard', {})
    expect(zhou.zone).toEqual(['1', '2', '3'])
    expect(tile(zhou, 'open')).toBe(await h.store.c.tickets.count({ communityId: 'sunshine', open: true, building: { $in: ['1', '2', '3'] } }))
    expect(tile(zhou, 'open')).toBe(tile(liu, 'open') - 1)
    expect(tile(zhou, 'emergency')).toBe(tile(liu, 'emergency') - 1)

    // Every tile's number is what the inbox shows for its filter.
    for (const [who, d] of [
      ['supervisor-liu', liu],
      ['manager-zhou', zhou],
    ] as const) {
      for (const t of d.tiles) {
        const rows = await h.ok(who, 'tickets', 'inbox', { ...t.filter, limit: 50 })
        expect([t.key, rows.items.length]).toEqual([t.key, t.count])
        if (who === 'manager-zhou') expect(rows.items.every((x: { place: string }) => !x.place.startsWith('5栋'))).toBe(true)
      }
    }
    expect(liu.month).toMatchObject({ month: '2026-11' })
  })

  it('overdue and escalated tiles follow the ladder', async () => {
    await h.ok('resident-zhang', 'tickets', 'create', leak)
    const d0 = await h.ok('supervisor-liu', 'supervisor', 'dashboard', {})
    h.clock.advance(50 * 60_000) // respond 30 min, escalate at +50%: 45 min
    await tick()
    const d1 = await h.ok('supervisor-liu', 'supervisor', 'dashboard', {})
    expect(tile(d1, 'overdue')).toBe(tile(d0, 'overdue') + 1)
    expect(tile(d1, 'escalated')).toBe(tile(d0, 'escalated') + 1)
    const esc = d1.tiles.find((t: { key: string }) => t.key === 'escalated')
    expect(esc.filter).toEqual({ tab: 'all', open: true, escalated: true })
  })

  it('residents, handlers and agents can neither open the dashboard nor change settings', async () => {
    for (const who of ['resident-zhang', 'tech-zhao', 'agent-chen']) {
      expect(await h.call(who, 'supervisor', 'dashboard', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call(who, 'supervisor', 'saveSettings', valid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call(who, 'supervisor', 'settings', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call(who, 'supervisor', 'audit', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    // A 管理员 sees the dashboard of the zone but does not run settings.
    expect(await h.call('manager-zhou', 'supervisor', 'saveSettings', valid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.store.c.settings.get('sunshine')).toBeNull()
  })
})
