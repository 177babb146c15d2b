import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUR = 3600_000
const MONTH = '2026-11'
type Report = { managerName: string; tickets: { households: number; repairs: number; repairRate: number | null } }

describe('片区月报: a 管理员’s zone for a month, submitted to the 客服主任', () => {
  it('counts the zone from what each part keeps: rates per 100 households, rounds against the schedule, vacant houses, firms', async () => {
    // T0 is Tuesday 24 November, 10:00: 23 daily rounds and 3 weekly ones (4, 11, 18 Nov) have fallen due, none walked.
    const [r] = (await h.ok('manager-zhou', 'supervisor', 'zoneReports', { month: MONTH })).items
    expect(r).toMatchObject({ managerName: '周明', zone: ['1', '2', '3'], partial: true, tickets: { households: 216 } })
    expect(r.tickets.repairRate).toBe(Math.round((r.tickets.repairs / 216) * 1000) / 10)
    expect(r.patrol).toEqual({ due: 26, onTime: 0, late: 0, missed: 26, missedPoints: 0, completion: 0 })
    expect(r.vacancy).toEqual({ vacant: 2, checked: 0 })
    // The renovation under way in 2栋 (its violation this month did not stop it); the one waiting for approval is not yet 装修中.
    expect(r.decoration).toEqual({ working: 1, violations: 1, stops: 0 })
    expect(r.vendors.map((v: { name: string; openFixes: number }) => [v.name, v.openFixes])).toEqual([
      ['安盾保安服务有限公司', 0],
      ['洁美保洁服务有限公司', 1],
      ['绿源园林绿化有限公司', 0],
      ['迅达电梯维保有限公司', 0],
    ])
    // No 品质检查 yet this month: a firm's score, if any, is its tickets' alone, and says so.
    expect(r.vendors.map((v: { quality: number | null }) => v.quality)).toEqual([null, null, null, null])

    // Today's round walked (finished with 5 points unchecked) and due at 11:00; one vacant house checked.
    const round = await h.ok('manager-zhou', 'patrol', 'start', { routeId: 'sunshine-rt-daily' })
    await h.ok('manager-zhou', 'patrol', 'finish', { roundId: round.id })
    const fine = [
      ...['doors', 'leak', 'smell', 'power'].map((itemId) => ({ itemId, ok: true, photos: [] })),
      { itemId: 'water', value: 31.2, photos: [] },
      { itemId: 'power-meter', value: 1206.1, photos: [] },
    ]
    await h.ok('manager-zhou', 'vacancy', 'check', { houseId: 'sunshine-2-1-1502', results: fine })
    h.clock.advance(2 * HOUR)
    const [after] = (await h.ok('manager-zhou', 'supervisor', 'zoneReports', { month: MONTH })).items
    expect(after.patrol).toEqual({ due: 27, onTime: 1, late: 0, missed: 26, missedPoints: 5, completion: 4 })
    expect(after.vacancy).toEqual({ vacant: 2, checked: 1 })
    // A stop recorded now counts in the month.
    const photo = await h.upload('manager-zhou')
    await h.ok('manager-zhou', 'decoration', 'violation', {
      id: 'zx_demo_2-2-1102',
      requestId: 'zr-vio-0001',
      kind: 'hours',
      note: '中午电钻施工',
      photos: [photo],
      stop: true,
    })
    expect((await h.ok('manager-zhou', 'supervisor', 'zoneReports', { month: MONTH })).items[0].decoration).toEqual({ working: 1, violations: 2, stops: 1 })
  })

  it('zhou submits with a comment; 刘芳 is told and sees every zone; others may not', async () => {
    expect(await h.call('manager-zhou', 'supervisor', 'submitZoneReport', { month: MONTH, comment: '好' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await h.call('manager-zhou', 'supervisor', 'zoneReports', { month: '2027-01' })).toMatchObject({
      ok: false,
      error: { message: '该月份还没有到' },
    })
    const comment = '本月巡查漏检较多，已调整巡查时间；2栋垃圾桶满溢已要求保洁整改。'
    const sent = await h.ok('manager-zhou', 'supervisor', 'submitZoneReport', { month: MONTH, comment })
    expect(sent).toMatchObject({ comment, submittedAt: h.clock.now() })
    const [msg] = await h.store.c.messages.find({ where: { openid: 'dev-supervisor-liu' }, orderBy: [['createdAt', 'desc']], limit: 1 })
    expect(msg).toMatchObject({ title: `周明提交了 ${MONTH} 片区月报`, page: `/zone/report/index?month=${MONTH}` })
    const all = await h.ok('supervisor-liu', 'supervisor', 'zoneReports', { month: MONTH })
    expect(all.items.map((x: Report & { comment?: string }) => [x.managerName, x.comment])).toEqual([['周明', comment]])
    expect(await h.call('agent-chen', 'supervisor', 'zoneReports', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('supervisor-liu', 'supervisor', 'submitZoneReport', { month: MONTH, comment })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})
