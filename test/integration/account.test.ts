import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUSE_WANG_NEW = 'sunshine-2-2-1801'
const counts = async () => ({
  bindings: await h.store.c.bindings.count(),
  users: await h.store.c.users.count(),
  messages: await h.store.c.messages.count(),
})

describe('account: the house-binding slice', () => {
  it('whoami knows the caller from the platform identity, with roles and houses from the server', async () => {
    const zhang = await h.ok('resident-zhang', 'account', 'whoami')
    expect(zhang.houses).toEqual([expect.objectContaining({ label: '1栋1单元301', role: 'owner', communityName: '阳光花园' })])
    expect(zhang.staff).toBeUndefined()
    const zhou = await h.ok('manager-zhou', 'account', 'whoami')
    expect(zhou.staff).toMatchObject({ roles: ['manager'], zone: ['1', '2', '3'] })
  })

  it('refuses a call with no identity', async () => {
    const r = await h.call(null, 'account', 'whoami')
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('lists rooms of a unit bottom-up for the picker', async () => {
    const rooms = await h.ok('resident-wang', 'account', 'rooms', { communityId: 'sunshine', building: '1', unit: '1' })
    expect(rooms).toHaveLength(36)
    expect(rooms.slice(0, 3).map((r: { room: string }) => r.room)).toEqual(['101', '102', '201'])
  })

  it('a name not in the archive waits; an agent approves; the resident then has the house and a message', async () => {
    const pending = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    expect(pending).toMatchObject({ status: 'pending', label: '2栋2单元1801', phone: '138****0502' })
    expect((await h.ok('resident-wang', 'account', 'whoami')).houses).toHaveLength(1)

    const queue = await h.ok('agent-chen', 'account', 'pendingBindings', {})
    expect(queue.total).toBe(1)
    expect(queue.items[0]).toMatchObject({ id: pending.id, name: '王磊', phone: '138****0502' })

    const approved = await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: pending.id })
    expect(approved.status).toBe('approved')
    const me = await h.ok('resident-wang', 'account', 'whoami')
    expect(me.houses.map((x: { label: string }) => x.label)).toEqual(['2栋1单元502', '2栋2单元1801'])
    const msgs = await h.store.c.messages.find({ where: { openid: 'dev-resident-wang' } })
    expect(msgs).toEqual([expect.objectContaining({ title: '房屋绑定已通过' })])

    // Deciding twice is refused, not silently repeated.
    const again = await h.call('agent-chen', 'account', 'approveBinding', { bindingId: pending.id })
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('approves at once when name and a WeChat-verified phone match the owner archive', async () => {
    const archive = await h.store.c.archive.get('sunshine-3-1-1202')
    const owner = archive!.members[0]
    const code = await h.phones.issue(owner.phone)
    expect(await h.ok('wx-newcomer', 'account', 'verifyPhone', { code })).toEqual({ phone: `${owner.phone.slice(0, 3)}****${owner.phone.slice(-4)}` })
    const b = await h.ok('wx-newcomer', 'account', 'bindHouse', { houseId: 'sunshine-3-1-1202', role: 'owner', name: owner.name })
    expect(b).toMatchObject({ status: 'approved', autoApproved: true, phoneVerified: true })
    expect((await h.ok('wx-newcomer', 'account', 'whoami')).houses[0].label).toBe('3栋1单元1202')
    expect((await h.ok('agent-chen', 'account', 'pendingBindings', {})).total).toBe(0)
  })

  it('a stranger who types the owner’s name and phone (printed on every delivery slip) waits for staff', async () => {
    const archive = await h.store.c.archive.get('sunshine-3-1-1202')
    const owner = archive!.members[0]
    const b = await h.ok('wx-stranger', 'account', 'bindHouse', { houseId: 'sunshine-3-1-1202', role: 'owner', name: owner.name, phone: owner.phone })
    expect(b).toMatchObject({ status: 'pending', autoApproved: false, phoneVerified: false })
    expect((await h.ok('wx-stranger', 'account', 'whoami')).houses).toEqual([])
    expect((await h.ok('agent-chen', 'account', 'pendingBindings', {})).items[0]).toMatchObject({ id: b.id, phoneVerified: false })
  })

  it('rejects with a reason the resident reads on 我的', async () => {
    const b = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'owner', name: '王磊', phone: '13800000502' })
    const r = await h.ok('supervisor-liu', 'account', 'rejectBinding', { bindingId: b.id, reason: '产权人信息不符，请携带购房合同到物业中心办理' })
    expect(r.status).toBe('rejected')
    const mine = await h.ok('resident-wang', 'account', 'myHouses')
    expect(mine[0]).toMatchObject({ status: 'rejected', reason: '产权人信息不符，请携带购房合同到物业中心办理' })
    // A rejected claim may be filed again.
    const again = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    expect(again.status).toBe('pending')
  })

  it('refuses a second live claim on the same house', async () => {
    await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    const r = await h.call('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('two taps on submit at once file one claim', async () => {
    const req = { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' }
    const results = await Promise.all([1, 2, 3].map(() => h.call('resident-wang', 'account', 'bindHouse', req)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT'])
    expect(await h.store.c.bindings.count({ houseId: HOUSE_WANG_NEW })).toBe(1)
  })

  it('a resident cannot approve, see the queue, or decide', async () => {
    const b = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    const before = await counts()
    for (const [action, data] of [
      ['approveBinding', { bindingId: b.id }],
      ['rejectBinding', { bindingId: b.id, reason: '随便驳回' }],
      ['pendingBindings', {}],
    ] as const) {
      expect(await h.call('resident-zhang', 'account', action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    // A handler is staff, but binding review is not their job.
    expect(await h.call('tech-zhao', 'account', 'approveBinding', { bindingId: b.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await counts()).toEqual(before)
    expect((await h.ok('resident-wang', 'account', 'myHouses'))[0].status).toBe('pending')
  })

  it('a staff member never decides their own claim; a colleague does', async () => {
    const own = await h.ok('agent-chen', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '陈静', phone: '13900000001' })
    expect(own.status).toBe('pending')
    expect(await h.call('agent-chen', 'account', 'approveBinding', { bindingId: own.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能审核自己的绑定申请，请由其他同事处理' },
    })
    expect((await h.store.c.bindings.get(own.id))!.status).toBe('pending')
    expect((await h.ok('supervisor-liu', 'account', 'approveBinding', { bindingId: own.id })).status).toBe('approved')
  })

  it('one account files at most five claims a day, across houses', async () => {
    // The demo's own binding of wang's home was filed at seeding: a day later it no longer counts.
    h.clock.advance(86_400_000)
    for (const room of ['301', '302', '401', '402', '501']) {
      await h.ok('resident-wang', 'account', 'bindHouse', { houseId: `sunshine-3-1-${room}`, role: 'tenant', name: '王磊', phone: '13800000502' })
    }
    const sixth = await h.call('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-4-1-301', role: 'tenant', name: '王磊', phone: '13800000502' })
    expect(sixth).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await h.store.c.bindings.count({ openid: 'dev-resident-wang', houseId: 'sunshine-4-1-301' })).toBe(0)
    h.clock.advance(86_400_000)
    expect(
      (await h.call('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-4-1-301', role: 'tenant', name: '王磊', phone: '13800000502' })).ok,
    ).toBe(true)
  })

  it('a 管理员 sees and decides only their zone', async () => {
    const inZone = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    const outZone = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-5-1-101', role: 'tenant', name: '王磊', phone: '13800000502' })
    const queue = await h.ok('manager-zhou', 'account', 'pendingBindings', {})
    expect(queue.items.map((b: { id: string }) => b.id)).toEqual([inZone.id])
    expect(await h.call('manager-zhou', 'account', 'approveBinding', { bindingId: outZone.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.ok('manager-zhou', 'account', 'approveBinding', { bindingId: inZone.id })).status).toBe('approved')
  })

  it('two agents deciding at once: exactly one wins', async () => {
    const b = await h.ok('resident-wang', 'account', 'bindHouse', { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502' })
    const [x, y] = await Promise.all([
      h.call('agent-chen', 'account', 'approveBinding', { bindingId: b.id }),
      h.call('supervisor-liu', 'account', 'rejectBinding', { bindingId: b.id, reason: '资料不全' }),
    ])
    expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1)
    expect(await h.store.c.messages.count({ openid: 'dev-resident-wang' })).toBe(1)
  })

  it('malformed input gets INVALID_INPUT with the field, and writes nothing', async () => {
    const before = await counts()
    const bad = [
      { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '12345' },
      { houseId: HOUSE_WANG_NEW, role: 'landlord', name: '王磊', phone: '13800000502' },
      { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '', phone: '13800000502' },
      { houseId: '../../etc', role: 'tenant', name: '王磊', phone: '13800000502' },
      { houseId: HOUSE_WANG_NEW, role: 'tenant', name: '王磊', phone: '13800000502', status: 'approved' },
      'not an object',
    ]
    for (const data of bad) {
      const r = await h.call('resident-wang', 'account', 'bindHouse', data)
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    const r = await h.call('resident-wang', 'account', 'bindHouse', bad[0])
    expect(r.ok === false && r.error.fields).toEqual({ phone: '请填写 11 位手机号' })
    expect(await h.call('resident-wang', 'account', 'noSuchAction', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(
      await h.call('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-9-9-999', role: 'tenant', name: '王磊', phone: '13800000502' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await counts()).toEqual(before)
  })

  it('records subscribe answers: each accept is one message of quota', async () => {
    const tpl = await h.ok('resident-zhang', 'account', 'subscribeTemplates', { keys: ['bindingResult', 'retired'] })
    expect(tpl.map((t: { key: string }) => t.key)).toEqual(['bindingResult'])
    const r = await h.ok('resident-zhang', 'account', 'recordSubscriptions', { results: { bindingResult: 'accept', retired: 'accept' } })
    expect(r.granted).toEqual(['bindingResult'])
    await h.ok('resident-zhang', 'account', 'recordSubscriptions', { results: { bindingResult: 'reject' } })
    expect(await h.store.c.subscriptions.get('dev-resident-zhang_bindingResult')).toMatchObject({ accepted: 1, sent: 0 })
    expect(await h.call('resident-zhang', 'account', 'recordSubscriptions', { results: { bindingResult: 'yes' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('updateProfile records nickname, avatar and privacy consent', async () => {
    const me = await h.ok('wx-newcomer', 'account', 'updateProfile', { nickname: '小明', acceptPrivacy: true })
    expect(me).toMatchObject({ nickname: '小明', privacyAccepted: true })
    expect(await h.call('wx-newcomer', 'account', 'updateProfile', { nickname: 'x'.repeat(21) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
