import { harness, type Harness } from '../helpers/harness'

/** 巡查设置: the office adds and changes its own points and routes; nothing but the seed made them before. */
let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const lift2 = (requestId = 'cp-form-0001', patch: Record<string, unknown> = {}) => ({
  requestId,
  name: '2栋电梯',
  building: '2',
  items: [
    { label: '轿厢照明与通风正常', kind: 'check', category: 'elevator' },
    { label: '电梯间卫生', kind: 'score', max: 10, pass: 6, category: 'cleaning' },
  ],
  ...patch,
})
const written = async () => ({
  points: await h.store.c.checkpoints.count({}),
  routes: await h.store.c.routes.count({}),
  audit: await h.store.c.audit.count({}),
})

describe('巡查设置: points with their checklists, routes with a schedule and an owner', () => {
  it('zhou adds a point in his zone; it prints with its own code, and a route he makes is walked by the one he names', async () => {
    const first = await h.ok('manager-zhou', 'patrol', 'setup', {})
    expect(first.buildings).toEqual(['1', '2', '3'])
    const walkers = first.walkers.map((w: { name: string }) => w.name)
    expect(walkers[0]).toBe('周明')
    expect(walkers.sort()).toEqual(['刘芳', '周明', '陈静'].sort())
    expect(first.points.find((p: { name: string }) => p.name === '水泵房').routes).toEqual(['设备房周检'])

    const before = await written()
    expect(await h.call('manager-zhou', 'patrol', 'savePoint', lift2('cp-form-bad1', { building: '5' }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await h.call('manager-zhou', 'patrol', 'savePoint', lift2('cp-form-bad2', { items: [{ label: '电梯间卫生', kind: 'score', max: 10, pass: 12 }] })),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '「电梯间卫生」请填写满分和及格分（及格分不高于满分）', fields: { 'items.0': expect.any(String) } },
    })
    expect(
      await h.call(
        'manager-zhou',
        'patrol',
        'savePoint',
        lift2('cp-form-bad3', {
          items: [
            { label: '照明', kind: 'check' },
            { label: '照明', kind: 'check' },
          ],
        }),
      ),
    ).toMatchObject({ ok: false, error: { message: '检查项「照明」重复' } })
    expect(await written()).toEqual(before)

    const added = await h.ok('manager-zhou', 'patrol', 'savePoint', lift2())
    await h.ok('manager-zhou', 'patrol', 'savePoint', lift2())
    const point = added.points.find((p: { name: string }) => p.name === '2栋电梯')
    expect(point).toMatchObject({
      building: '2',
      items: [
        { id: 'orm-0001.0', kind: 'check' },
        { id: 'orm-0001.1', kind: 'score', max: 10, pass: 6 },
      ],
      routes: [],
    })
    expect(await h.store.c.checkpoints.count({ name: '2栋电梯' })).toBe(1)
    const sheet = await h.ok('manager-zhou', 'patrol', 'sheet', {})
    const printed = sheet.items.find((x: { id: string }) => x.id === point.id)
    expect(printed.payload).toMatch(/^WYXC:[0-9a-f]{24}$/)
    expect(new Set(sheet.items.map((x: { payload: string }) => x.payload)).size).toBe(sheet.items.length)

    // A changed checklist keeps the ids it had: a past round's answers still name the same items.
    const edited = await h.ok('manager-zhou', 'patrol', 'savePoint', {
      ...lift2('cp-form-0002'),
      id: point.id,
      items: [
        { id: 'orm-0001.1', label: '电梯间卫生', kind: 'score', max: 10, pass: 7, category: 'cleaning' },
        { label: '紧急呼叫可接通', kind: 'check', category: 'elevator' },
      ],
    })
    expect(edited.points.find((p: { id: string }) => p.id === point.id).items.map((i: { id: string; label: string }) => [i.id, i.label])).toEqual([
      ['orm-0001.1', '电梯间卫生'],
      ['orm-0002.1', '紧急呼叫可接通'],
    ])

    const route = {
      requestId: 'rt-form-0001',
      name: '2栋晚间巡查',
      checkpointIds: [point.id, 'sunshine-cp-exit-2'],
      schedule: { every: 'weekly', dueBy: '21:00' },
      ownerOpenid: 'dev-agent-chen',
    }
    expect(await h.call('manager-zhou', 'patrol', 'saveRoute', route)).toMatchObject({ ok: false, error: { message: '请选择每周哪天巡查' } })
    expect(
      await h.call('manager-zhou', 'patrol', 'saveRoute', { ...route, schedule: { every: 'daily', dueBy: '21:00' }, ownerOpenid: 'dev-tech-zhao' }),
    ).toMatchObject({
      ok: false,
      error: { message: '巡查人须为本小区的管理员、客服或保安' },
    })
    const made = await h.ok('manager-zhou', 'patrol', 'saveRoute', { ...route, schedule: { every: 'daily', dueBy: '21:00' } })
    expect(made.routes.find((r: { name: string }) => r.name === '2栋晚间巡查')).toMatchObject({ scheduleLabel: '每天 21:00 前', ownerName: '陈静' })
    const [told] = await h.store.c.messages.find({ where: { openid: 'dev-agent-chen', title: '巡查路线：2栋晚间巡查' }, limit: 1 })
    expect(told.body).toBe('周明 安排您巡查「2栋晚间巡查」，每天 21:00 前完成，共 2 个点位。')
    const chen = await h.ok('agent-chen', 'patrol', 'rounds', {})
    expect(chen.items[0]).toMatchObject({ name: '2栋晚间巡查', points: 2, state: 'todo' })

    // Moving a point to 3栋 moves its routes' buildings with it.
    await h.ok('manager-zhou', 'patrol', 'savePoint', { ...lift2('cp-form-0003'), id: point.id, building: '3', name: '3栋电梯' })
    const r = (await h.store.c.routes.find({ where: { name: '2栋晚间巡查' }, limit: 1 }))[0]
    expect(r.buildings).toEqual(['2', '3'])

    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'patrolSetup' }, orderBy: [['at', 'asc']], limit: 10 })
    expect(audit.map((a) => a.summary)).toEqual([
      '新增巡查点：2栋 2栋电梯（2 项）',
      '修改巡查点：2栋 2栋电梯（2 项）',
      '新增巡查路线：2栋晚间巡查（2 个点位，每天 21:00 前，陈静）',
      '修改巡查点：3栋 3栋电梯（2 项）',
    ])
  })

  it('who may: the front office in scope; a handler and a resident may not', async () => {
    expect(await h.call('tech-zhao', 'patrol', 'setup', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'patrol', 'savePoint', lift2())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A route of 周明's zone, changed by someone whose scope does not hold it: refused.
    expect(
      await h.call('manager-zhou', 'patrol', 'saveRoute', {
        id: 'sunshine-rt-nope',
        requestId: 'rt-form-0009',
        name: '不存在',
        checkpointIds: ['sunshine-cp-exit-2'],
        schedule: { every: 'daily', dueBy: '09:00' },
        ownerOpenid: 'dev-manager-zhou',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
