import { harness, T0, type Harness } from '../helpers/harness'
import { FUNCTIONS } from '../../scripts/host/functions'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUR = 3600_000
const DAILY = 'sunshine-rt-daily'
const cp = (id: string) => `sunshine-cp-${id}`
const payloadOf = async (id: string) => (await h.ok('manager-zhou', 'patrol', 'sheet', {})).items.find((x: { id: string }) => x.id === cp(id)).payload as string
const allOk = (ids: string[]) => ids.map((itemId) => ({ itemId, ok: true, photos: [] }))
const ticketCount = () => h.store.c.tickets.count({ communityId: 'sunshine' })

describe('巡查: a 管理员 walks his route, a finding becomes a ticket', () => {
  it('rounds → start → scan → check; a 异常 with a photo is a public repair followed by him; finish records what was missed', async () => {
    const list = await h.ok('manager-zhou', 'patrol', 'rounds', {})
    expect(list.items.map((r: { name: string; state: string; points: number }) => [r.name, r.state, r.points])).toEqual([
      ['1–3栋日常巡查', 'todo', 5],
      ['设备房周检', 'todo', 2],
    ])
    const round = await h.ok('manager-zhou', 'patrol', 'start', { routeId: DAILY })
    expect(round.points.map((p: { name: string; state: string }) => `${p.name}:${p.state}`)).toEqual([
      '1栋大堂:pending',
      '1栋电梯:pending',
      '2栋消防通道:pending',
      '中心绿化带:pending',
      '3栋地下车库:pending',
    ])
    // Starting again is the same round, not a second one.
    expect((await h.ok('manager-zhou', 'patrol', 'start', { routeId: DAILY })).id).toBe(round.id)

    // A stray code and another route's point are told apart; the right code names the point.
    expect(await h.call('manager-zhou', 'patrol', 'scan', { roundId: round.id, scanned: 'https://example.com' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '这不是巡查点的二维码' },
    })
    expect(await h.call('manager-zhou', 'patrol', 'scan', { roundId: round.id, scanned: await payloadOf('pump-3') })).toMatchObject({
      ok: false,
      error: { message: '「水泵房」不在本路线上' },
    })
    expect(await h.ok('manager-zhou', 'patrol', 'scan', { roundId: round.id, scanned: await payloadOf('lobby-1') })).toEqual({ checkpointId: cp('lobby-1') })

    const lobby = await h.ok('manager-zhou', 'patrol', 'check', {
      roundId: round.id,
      checkpointId: cp('lobby-1'),
      via: 'scan',
      results: allOk(['floor', 'light', 'door', 'mail']),
    })
    expect(lobby.points[0]).toMatchObject({ state: 'ok', via: 'scan', tickets: [] })
    expect(
      await h.call('manager-zhou', 'patrol', 'check', {
        roundId: round.id,
        checkpointId: cp('lobby-1'),
        via: 'scan',
        results: allOk(['floor', 'light', 'door', 'mail']),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '该点位已检查过' },
    })

    // A 异常 without its photo, or with an item left out, is refused and writes nothing.
    const before = await ticketCount()
    const blocked = [{ itemId: 'clear', ok: false, note: '楼梯间堆放纸箱和旧家具', photos: [] }, ...allOk(['sign', 'ext'])]
    expect(await h.call('manager-zhou', 'patrol', 'check', { roundId: round.id, checkpointId: cp('exit-2'), via: 'list', results: blocked })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '请为「通道畅通无堆物」的问题拍一张照片',
        fields: { 'results.clear': '请为「通道畅通无堆物」的问题拍一张照片' },
      },
    })
    expect(
      await h.call('manager-zhou', 'patrol', 'check', { roundId: round.id, checkpointId: cp('exit-2'), via: 'list', results: allOk(['clear', 'sign']) }),
    ).toMatchObject({
      ok: false,
      error: { fields: { 'results.ext': '请检查「灭火器在有效期内」' } },
    })
    expect(await ticketCount()).toBe(before)
    expect((await h.ok('manager-zhou', 'patrol', 'round', { roundId: round.id })).points[2].state).toBe('pending')

    const photo = await h.upload('manager-zhou')
    const found = await h.ok('manager-zhou', 'patrol', 'check', {
      roundId: round.id,
      checkpointId: cp('exit-2'),
      via: 'list',
      results: [{ ...blocked[0], photos: [photo] }, ...allOk(['sign', 'ext'])],
    })
    const exit = found.points[2]
    expect(exit).toMatchObject({ state: 'findings', via: 'list' })
    expect(exit.tickets).toHaveLength(1)
    expect(exit.tickets[0].no).toMatch(/^BX-\d{8}-\d{4}$/)
    expect(found.photoUrls[photo]).toBeTruthy()
    const t = (await h.store.c.tickets.get(exit.tickets[0].id))!
    expect(t).toMatchObject({
      scope: 'public',
      building: '2',
      place: '2栋 消防通道',
      category: 'facility',
      source: 'patrol',
      photos: [photo],
      owner: 'dev-manager-zhou',
      reporter: { name: '周明' },
      origin: { kind: 'patrol', id: round.id, label: `1–3栋日常巡查 ${round.period}` },
    })
    // The staff page links back to the round; the resident-facing views never carry it.
    expect((await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t._id })).origin).toEqual(t.origin)
    expect(t.description).toBe('巡查发现「通道畅通无堆物」异常：楼梯间堆放纸箱和旧家具')
    // It is an ordinary new ticket for the desk to dispatch.
    const inbox = await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'new' })
    expect(inbox.items.map((x: { id: string }) => x.id)).toContain(t._id)

    const done = await h.ok('manager-zhou', 'patrol', 'finish', { roundId: round.id })
    expect(done.state).toBe('done')
    expect(done.points.map((p: { state: string }) => p.state)).toEqual(['ok', 'missed', 'findings', 'missed', 'missed'])
    expect(
      await h.call('manager-zhou', 'patrol', 'check', {
        roundId: round.id,
        checkpointId: cp('lift-1'),
        via: 'list',
        results: allOk(['cab', 'noise', 'phone']),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '本次巡查已结束' },
    })
    const row = (await h.ok('manager-zhou', 'patrol', 'rounds', {})).items.find((r: { routeId: string }) => r.routeId === DAILY)
    expect(row).toMatchObject({ state: 'done', checked: 2, missed: 3, findings: 1 })

    // Tomorrow is a new round; not walked by 11:00, it is overdue.
    h.clock.advance(24 * HOUR + 2 * HOUR)
    const tomorrow = (await h.ok('manager-zhou', 'patrol', 'rounds', {})).items.find((r: { routeId: string }) => r.routeId === DAILY)
    expect(tomorrow).toMatchObject({ state: 'overdue', checked: 0 })
    expect(tomorrow.roundId).toBeUndefined()
    // Walked after all, it is done late: the zone report counts it apart from one done in time.
    const late = await h.ok('manager-zhou', 'patrol', 'start', { routeId: DAILY })
    expect((await h.ok('manager-zhou', 'patrol', 'finish', { roundId: late.id })).state).toBe('late')
    expect((await h.ok('manager-zhou', 'patrol', 'rounds', {})).items.find((r: { routeId: string }) => r.routeId === DAILY).state).toBe('late')
  })

  it('a score below its pass mark is a finding; the weekly round is due on its weekday', async () => {
    const weekly = (await h.ok('manager-zhou', 'patrol', 'rounds', {})).items.find((r: { name: string }) => r.name === '设备房周检')
    // T0 is Tuesday 2026-11-24: due Wednesday 17:00.
    expect(weekly.dueAt).toBe(T0 + 31 * HOUR)
    const round = await h.ok('manager-zhou', 'patrol', 'start', { routeId: 'sunshine-rt-plant' })
    const photo = await h.upload('manager-zhou')
    const r = await h.ok('manager-zhou', 'patrol', 'check', {
      roundId: round.id,
      checkpointId: cp('pump-3'),
      via: 'list',
      results: [...allOk(['run', 'leak']), { itemId: 'tidy', score: 4, note: '地面油污，杂物未清', photos: [photo] }],
    })
    expect(r.points[0].state).toBe('findings')
    expect((await h.store.c.tickets.get(r.points[0].tickets[0].id))!.category).toBe('cleaning')
    expect(
      await h.call('manager-zhou', 'patrol', 'check', {
        roundId: round.id,
        checkpointId: cp('power-3'),
        via: 'list',
        results: [{ itemId: 'temp', score: 3, photos: [] }, ...allOk(['lock'])],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择「无异味、温度正常」正常或异常' },
    })
  })

  it('who may walk: the front office in scope and the route owner; a handler and a resident may not', async () => {
    expect(await h.ok('agent-chen', 'patrol', 'rounds', {})).toMatchObject({ items: [{}, {}], canPrint: true })
    expect((await h.ok('manager-zhou', 'patrol', 'sheet', {})).communityName).toBe('阳光花园')
    expect((await h.ok('tech-zhao', 'patrol', 'rounds', {})).items).toEqual([])
    expect(await h.call('tech-zhao', 'patrol', 'start', { routeId: DAILY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('tech-zhao', 'patrol', 'sheet', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'patrol', 'rounds', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A 管理员 of 4–6栋 oversees none of these routes.
    await h.store.c.users.update('dev-manager-zhou', { staff: { name: '周明', communityId: 'sunshine', roles: ['manager'], zone: ['4', '5', '6'] } })
    await h.store.c.routes.update(DAILY, { ownerOpenid: 'dev-supervisor-liu', ownerName: '刘芳' })
    const zhou = await h.ok('manager-zhou', 'patrol', 'rounds', {})
    expect(zhou.items.map((r: { name: string }) => r.name)).toEqual(['设备房周检'])
    expect(await h.call('manager-zhou', 'patrol', 'start', { routeId: DAILY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.ok('manager-zhou', 'patrol', 'sheet', {})).items).toEqual([])
    // A handler who owns a route (a 保安) walks it, but printing the codes stays with the office.
    await h.store.c.routes.update(DAILY, { ownerOpenid: 'dev-tech-zhao', ownerName: '赵强' })
    expect(await h.ok('tech-zhao', 'patrol', 'rounds', {})).toMatchObject({ items: [{ name: '1–3栋日常巡查' }], canPrint: false })
  })

  it('a round not finished by its due time is told to its owner once; a round done in time is not', async () => {
    const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
    const told = () => h.store.c.messages.find({ where: { openid: 'dev-manager-zhou' }, orderBy: [['createdAt', 'asc']], limit: 50 })
    const overdue = async () => (await told()).filter((m) => m.title.startsWith('巡查已逾期'))
    // T0 is 10:00 on a Tuesday: the daily round is due at 11:00, the weekly one on Wednesday.
    await tick()
    expect(await overdue()).toEqual([])
    const round = await h.ok('manager-zhou', 'patrol', 'start', { routeId: DAILY })
    await h.ok('manager-zhou', 'patrol', 'check', {
      roundId: round.id,
      checkpointId: cp('lobby-1'),
      via: 'list',
      results: allOk(['floor', 'light', 'door', 'mail']),
    })
    h.clock.advance(HOUR + 60_000)
    await tick()
    await tick()
    expect((await overdue()).map((m) => [m.title, m.body, m.page])).toEqual([
      ['巡查已逾期：1–3栋日常巡查', '本次巡查应在 11月24日 11:00 前完成，还有 4 个点位未查。', '/zone/patrol/index'],
    ])
    // The next day's round finished in time raises nothing.
    h.clock.advance(22 * HOUR)
    const next = await h.ok('manager-zhou', 'patrol', 'start', { routeId: DAILY })
    await h.ok('manager-zhou', 'patrol', 'finish', { roundId: next.id })
    h.clock.advance(2 * HOUR)
    await tick()
    expect(await overdue()).toHaveLength(1)
  })
})
