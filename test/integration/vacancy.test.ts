import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG_HOUSE = 'sunshine-1-1-301'
const allFine = (water: number, power: number) => [
  ...['doors', 'leak', 'smell', 'power'].map((itemId) => ({ itemId, ok: true, photos: [] })),
  { itemId: 'water', value: water, photos: [] },
  { itemId: 'power-meter', value: power, photos: [] },
]
const counts = async () => ({
  checks: await h.store.c.vacancyChecks.count({ communityId: 'sunshine' }),
  tickets: await h.store.c.tickets.count({ communityId: 'sunshine' }),
  messages: await h.store.c.messages.count({ openid: 'dev-resident-zhang' }),
})

describe('空置房: a vacant house is looked at monthly; its owner hears the result; a finding becomes a repair', () => {
  it('the 管理员 sees his zone’s vacant houses, checks one, and the seeded history reads as a report', async () => {
    const list = await h.ok('manager-zhou', 'vacancy', 'list', {})
    expect(list).toMatchObject({ vacant: 2, checked: 0 })
    // Unchecked first; among them the one whose owner asked for 托管巡查.
    expect(list.items.map((r: { label: string; care: boolean; by: string }) => [r.label, r.care, r.by])).toEqual([
      ['3栋2单元801', true, 'owner'],
      ['2栋1单元1502', false, 'staff'],
    ])
    const house = await h.ok('manager-zhou', 'vacancy', 'house', { houseId: 'sunshine-2-1-1502' })
    expect(house.checks.map((c: { text: string }) => c.text)).toEqual([
      '4 项检查全部正常。水表 31.2 吨，上次以来未走字；电表 1206.1 度，上次以来走了 1.6 度，请留意。',
      '4 项检查全部正常。水表 31.2 吨；电表 1204.5 度。',
    ])
    expect(house.items.map((i: { kind: string }) => i.kind)).toEqual(['check', 'check', 'check', 'check', 'reading', 'reading'])

    await h.ok('manager-zhou', 'vacancy', 'check', { houseId: 'sunshine-2-1-1502', results: allFine(31.2, 1206.1) })
    const after = await h.ok('manager-zhou', 'vacancy', 'list', {})
    expect(after).toMatchObject({ vacant: 2, checked: 1 })
    expect(after.items[1]).toMatchObject({ label: '2栋1单元1502', checked: { byName: '周明', findings: 0 } })
    // Once a month.
    expect(await h.call('manager-zhou', 'vacancy', 'check', { houseId: 'sunshine-2-1-1502', results: allFine(31.2, 1206.1) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这套房屋本月已检查过' },
    })
  })

  it('zhang asks for 托管巡查; a leak found with a photo is a repair of his house, and he is told in 消息 and by subscribe message', async () => {
    const mine = await h.ok('resident-zhang', 'vacancy', 'setMine', { houseId: ZHANG_HOUSE, vacant: true, care: true })
    expect(mine).toMatchObject({ vacant: true, care: true, by: 'owner', isOwner: true, checks: [] })
    expect((await h.ok('manager-zhou', 'vacancy', 'list', {})).items.map((r: { label: string }) => r.label)).toContain('1栋1单元301')

    // A finding without a photo is refused and nothing is written.
    const before = await counts()
    const leak = (photos: string[]) => allFine(20.5, 880).map((r) => (r.itemId === 'leak' ? { itemId: 'leak', ok: false, note: '卫生间顶部渗水', photos } : r))
    expect(await h.call('manager-zhou', 'vacancy', 'check', { houseId: ZHANG_HOUSE, results: leak([]) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请为「无漏水、渗水」的问题拍一张照片', fields: { 'results.leak': '请为「无漏水、渗水」的问题拍一张照片' } },
    })
    expect(
      await h.call('manager-zhou', 'vacancy', 'check', { houseId: ZHANG_HOUSE, results: allFine(20.5, 880).filter((r) => r.itemId !== 'water') }),
    ).toMatchObject({ ok: false, error: { message: '请检查「水表读数」' } })
    expect(await counts()).toEqual(before)

    const photo = await h.upload('manager-zhou')
    const view = await h.ok('manager-zhou', 'vacancy', 'check', { houseId: ZHANG_HOUSE, results: leak([photo]) })
    const [check] = view.checks
    expect(check).toMatchObject({ findings: 1, tickets: [{ no: expect.stringMatching(/^BX-/) }] })
    const t = (await h.store.c.tickets.get(check.tickets[0].id))!
    expect(t).toMatchObject({
      scope: 'home',
      houseId: ZHANG_HOUSE,
      source: 'patrol',
      category: 'water_electric',
      owner: 'dev-manager-zhou',
      origin: { kind: 'vacancy', id: ZHANG_HOUSE },
      description: '空置房检查发现「无漏水、渗水」异常：卫生间顶部渗水',
    })
    const text = `发现 1 项问题：无漏水、渗水（卫生间顶部渗水），已登记报修 ${t.no}。水表 20.5 吨；电表 880 度。`
    expect(check.text).toBe(text)

    const [msg] = await h.store.c.messages.find({ where: { openid: 'dev-resident-zhang' }, orderBy: [['createdAt', 'desc']], limit: 1 })
    expect(msg).toMatchObject({ title: '空置房检查：1栋1单元301', page: `/resident/account/vacancy/index?houseId=${ZHANG_HOUSE}` })
    expect(msg.body).toContain(text)
    const pushes = await h.store.c.outbox.find({ where: { openid: 'dev-resident-zhang' }, limit: 10 })
    expect(pushes.filter((o) => o.templateKey === 'inspectionReport')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ house: '1栋1单元301', result: '有问题' }) }),
    ])
    // The owner reads the same report, with its photo.
    const seen = await h.ok('resident-zhang', 'vacancy', 'mine', { houseId: ZHANG_HOUSE })
    expect(seen.checks[0].text).toBe(text)
    expect(Object.keys(seen.photoUrls)).toEqual([photo])

    // Moving back in ends it: no more checks, and the office's list drops it.
    await h.ok('resident-zhang', 'vacancy', 'setMine', { houseId: ZHANG_HOUSE, vacant: false, care: false })
    expect((await h.ok('manager-zhou', 'vacancy', 'list', {})).items.map((r: { label: string }) => r.label)).not.toContain('1栋1单元301')
    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'vacancy' }, orderBy: [['at', 'asc']], limit: 10 })
    expect(audit.map((a) => a.summary)).toEqual(['1栋1单元301 业主登记为空置房并申请托管巡查', '1栋1单元301 已入住，结束空置'])
  })

  it('who may: the owner sets it, not a tenant; staff in scope only; the office marks and ends with an audit', async () => {
    expect(await h.call('resident-wang', 'vacancy', 'setMine', { houseId: 'sunshine-2-1-502', vacant: true, care: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有业主可以设置空置房' },
    })
    expect(await h.call('resident-zhang', 'vacancy', 'mine', { houseId: 'sunshine-2-1-1502' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('tech-zhao', 'vacancy', 'list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'vacancy', 'list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const marked = await h.ok('agent-chen', 'vacancy', 'mark', { houseId: 'sunshine-5-1-1201', care: false })
    expect(marked).toMatchObject({ vacant: true, by: 'staff', byName: '陈静' })
    // 周明's zone is 1–3栋: 5栋 is not his to see or check.
    expect((await h.ok('manager-zhou', 'vacancy', 'list', {})).items.map((r: { label: string }) => r.label)).not.toContain('5栋1单元1201')
    expect(await h.call('manager-zhou', 'vacancy', 'check', { houseId: 'sunshine-5-1-1201', results: allFine(1, 1) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    await h.ok('agent-chen', 'vacancy', 'end', { houseId: 'sunshine-5-1-1201' })
    expect(await h.call('agent-chen', 'vacancy', 'check', { houseId: 'sunshine-5-1-1201', results: allFine(1, 1) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这套房屋不是空置房' },
    })
    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'vacancy' }, orderBy: [['at', 'asc']], limit: 10 })
    expect(audit.map((a) => [a.actorName, a.summary])).toEqual([
      ['陈静', '5栋1单元1201 登记为空置房'],
      ['陈静', '5栋1单元1201 已入住，结束空置'],
    ])
  })
})
