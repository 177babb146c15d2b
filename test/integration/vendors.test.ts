import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const DAY = 86400_000
const CLEAN = 'sunshine-vd-clean'
const marks = (floor: number, bins: number, photos: string[] = []) => [
  { itemId: 'floor', score: floor, photos: [] },
  { itemId: 'bins', score: bins, ...(bins < 6 ? { note: '垃圾桶满溢，周边散落垃圾' } : {}), photos },
  { itemId: 'lift', score: 8, photos: [] },
  { itemId: 'glass', score: 8, photos: [] },
]
type Row = {
  name: string
  month: { quality: number | null; total: number | null }
  lastMonth: { quality: number | null; service: number | null; total: number | null }
}

describe('外包单位: 品质检查 scores a firm, a failed standard is a 整改单, a re-check closes it', () => {
  it('the list gives each firm this and last month’s score, its open and overdue 整改单 and the contract’s days left', async () => {
    const list = await h.ok('manager-zhou', 'vendors', 'list', {})
    expect(list.items.map((r: Row) => r.name)).toEqual(['安盾保安服务有限公司', '洁美保洁服务有限公司', '绿源园林绿化有限公司', '迅达电梯维保有限公司'])
    const clean = list.items.find((r: Row) => r.name.startsWith('洁美'))
    // Last month's check: 8 + 8 + 9 + 8 of 40 = 83; the month's score weighs in the cleaners' on-time repairs.
    expect(clean).toMatchObject({ openFixes: 1, overdueFixes: 1, month: { quality: null }, lastMonth: { quality: 83 } })
    const { quality, service, total } = clean.lastMonth
    expect(total).toBe(service === null ? quality : Math.round(quality * 0.7 + service * 0.3))
    expect(list.items.find((r: Row) => r.name.startsWith('绿源')).contractDaysLeft).toBe(20)
  })

  it('a standard below its pass mark needs a word and a photo and becomes a 整改单; a retry records the check once', async () => {
    const before = await h.store.c.fixes.count({ communityId: 'sunshine' })
    expect(await h.call('manager-zhou', 'vendors', 'check', { vendorId: CLEAN, requestId: 'req-0000001', place: '2栋', results: marks(8, 4) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请为「垃圾桶及时清运、无满溢」的问题拍一张照片' },
    })
    expect(await h.store.c.fixes.count({ communityId: 'sunshine' })).toBe(before)

    const photo = await h.upload('manager-zhou')
    const input = { vendorId: CLEAN, requestId: 'req-0000002', place: '2栋', results: marks(8, 4, [photo]) }
    const checks = () => h.store.c.vendorChecks.count({ vendorId: CLEAN })
    const had = await checks()
    const v = await h.ok('manager-zhou', 'vendors', 'check', input)
    await h.ok('manager-zhou', 'vendors', 'check', input)
    expect(await checks()).toBe(had + 1)
    // (8 + 4 + 8 + 8) / 40 = 70.
    expect(v.month).toMatchObject({ quality: 70, checks: 1 })
    expect(v.trend).toHaveLength(6)
    expect(v.trend[5]).toMatchObject({ quality: 70 })
    const fix = v.fixes.find(
      (f: { label: string; state: string; photos: string[] }) => f.label === '垃圾桶及时清运、无满溢' && f.state === 'open' && f.photos.length,
    )
    expect(fix).toMatchObject({ place: '2栋', note: '垃圾桶满溢，周边散落垃圾', dueAt: v.checks[0].at + 3 * DAY, photos: [photo] })
    expect(v.photoUrls[photo]).toBeTruthy()

    // 复查: not yet needs a word and gives more days; passed closes it; both audited.
    expect(await h.call('manager-zhou', 'vendors', 'recheck', { fixId: fix.id, ok: false, photos: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请写明还有什么没改好' },
    })
    h.clock.advance(DAY)
    const again = await h.ok('manager-zhou', 'vendors', 'recheck', { fixId: fix.id, ok: false, note: '仍有散落垃圾', photos: [], days: 2 })
    expect(again.fixes.find((f: { id: string }) => f.id === fix.id)).toMatchObject({
      state: 'open',
      dueAt: h.clock.now() + 2 * DAY,
      rechecks: [{ ok: false, note: '仍有散落垃圾' }],
    })
    const done = await h.ok('manager-zhou', 'vendors', 'recheck', { fixId: fix.id, ok: true, photos: [] })
    expect(done.fixes.find((f: { id: string }) => f.id === fix.id)).toMatchObject({ state: 'passed' })
    expect(await h.call('manager-zhou', 'vendors', 'recheck', { fixId: fix.id, ok: true, photos: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这张整改单已复查通过' },
    })
    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'vendorFix' }, orderBy: [['at', 'asc']], limit: 10 })
    expect(audit.map((a) => [a.actorName, a.summary])).toEqual([
      ['周明', '洁美保洁服务有限公司「垃圾桶及时清运、无满溢」复查未通过，限 2 天内整改'],
      ['周明', '洁美保洁服务有限公司「垃圾桶及时清运、无满溢」复查通过'],
    ])
  })

  it('front office only: a handler and a resident are refused', async () => {
    expect(await h.call('tech-zhao', 'vendors', 'list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'vendors', 'vendor', { vendorId: CLEAN })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('agent-chen', 'vendors', 'vendor', { vendorId: 'elsewhere-vd-clean' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('刘芳 enters a new firm’s contract and standards; a changed standard keeps its id; only she may', async () => {
    const firm = {
      requestId: 'vd-form-0001',
      name: '物美保洁服务有限公司',
      service: 'cleaning',
      contact: '郑经理',
      phone: '0571-88881234',
      contractStart: '2026-12-01',
      contractEnd: '2027-11-30',
      standards: [
        { label: '大堂地面每日两次清洁', max: 10, pass: 6 },
        { label: '垃圾桶日产日清', max: 10, pass: 7 },
      ],
    }
    expect(await h.call('manager-zhou', 'vendors', 'save', firm)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('supervisor-liu', 'vendors', 'save', { ...firm, contractEnd: '2026-11-30' })).toMatchObject({
      ok: false,
      error: { message: '合同结束日不能早于开始日' },
    })
    expect(await h.call('supervisor-liu', 'vendors', 'save', { ...firm, standards: [{ label: '地面', max: 5, pass: 6 }] })).toMatchObject({
      ok: false,
      error: { message: '「地面」请填写满分和及格分（及格分不高于满分）' },
    })
    const added = await h.ok('supervisor-liu', 'vendors', 'save', firm)
    await h.ok('supervisor-liu', 'vendors', 'save', firm)
    expect(await h.store.c.vendors.count({ name: '物美保洁服务有限公司' })).toBe(1)
    expect(added).toMatchObject({ service: 'cleaning', contractEnd: '2027-11-30', items: [{ kind: 'score', max: 10, pass: 6 }, { pass: 7 }] })
    const [keep] = added.items
    const edited = await h.ok('supervisor-liu', 'vendors', 'save', {
      ...firm,
      id: added.id,
      requestId: 'vd-form-0002',
      standards: [{ id: keep.id, label: '大堂地面每日三次清洁', max: 10, pass: 6 }],
    })
    expect(edited.items.map((i: { id: string; label: string }) => [i.id, i.label])).toEqual([[keep.id, '大堂地面每日三次清洁']])
    expect((await h.ok('manager-zhou', 'vendors', 'list', {})).items.map((v: { name: string }) => v.name)).toContain('物美保洁服务有限公司')
    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'vendor' }, orderBy: [['at', 'asc']], limit: 5 })
    expect(audit.map((a) => a.summary)).toEqual([
      '新增外包单位：保洁 物美保洁服务有限公司，合同 2026-12-01 至 2027-11-30，2 项标准',
      '修改外包单位：保洁 物美保洁服务有限公司，合同 2026-12-01 至 2027-11-30，1 项标准',
    ])
  })
})
