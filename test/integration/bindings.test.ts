import { harness, type Harness } from '../helpers/harness'

/**
 * Who may be whom: a binding auto-approves only on a phone WeChat verified, the people of a
 * house hear of every newcomer, and a binding can be ended — by its holder, the owner, or staff —
 * with access gone at once.
 */
let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG_HOUSE = 'sunshine-1-1-301'
const WU_HOUSE = 'sunshine-3-1-1201'
const messages = (openid: string) => h.store.c.messages.find({ where: { openid }, orderBy: [['createdAt', 'asc']], limit: 100 })
const outbox = (openid: string) => h.store.c.outbox.find({ where: { openid }, limit: 100 })
const audit = () => h.store.c.audit.find({ where: { kind: 'binding' }, orderBy: [['at', 'asc']], limit: 100 })

/** A tenant of 张建国's flat, approved by the front desk (typed phone, so a colleague checked). */
async function zhangTenant(openid = 'wx-tenant', name = '孙小梅') {
  const b = await h.ok(openid, 'account', 'bindHouse', { houseId: ZHANG_HOUSE, role: 'tenant', name, phone: '13911112222' })
  await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: b.id })
  return b
}

describe('手机号快速验证', () => {
  it('a code is exchanged once for the number WeChat verified; the account keeps it, masked to the client', async () => {
    const code = await h.phones.issue('13800001201')
    expect(await h.ok('resident-wu', 'account', 'verifyPhone', { code })).toEqual({ phone: '138****1201' })
    expect((await h.ok('resident-wu', 'account', 'whoami')).verifiedPhone).toBe('138****1201')
    // WeChat's codes serve once: a replay is refused and changes nothing.
    expect(await h.call('wx-stranger', 'account', 'verifyPhone', { code })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '手机号验证已失效，请重新点击验证' },
    })
    expect(await h.store.c.users.get('wx-stranger')).toBeNull()
  })

  it('a code older than five minutes is refused', async () => {
    const code = await h.phones.issue('13800001201')
    h.clock.advance(6 * 60_000)
    expect(await h.call('resident-wu', 'account', 'verifyPhone', { code })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('the owner with her verified number is bound at once; the same claim with the number typed waits', async () => {
    const typed = await h.ok('resident-wu', 'account', 'bindHouse', { houseId: WU_HOUSE, role: 'owner', name: '吴秀兰', phone: '13800001201' })
    expect(typed).toMatchObject({ status: 'pending', phoneVerified: false })
    await h.ok('resident-wu', 'account', 'removeBinding', { bindingId: typed.id })

    await h.ok('resident-wu', 'account', 'verifyPhone', { code: await h.phones.issue('13800001201') })
    const verified = await h.ok('resident-wu', 'account', 'bindHouse', { houseId: WU_HOUSE, role: 'owner', name: '吴秀兰' })
    expect(verified).toMatchObject({ status: 'approved', phoneVerified: true, phone: '138****1201' })
    expect((await h.ok('resident-wu', 'account', 'whoami')).houses.map((x: { label: string }) => x.label)).toEqual(['3栋1单元1201'])
  })

  it('a verified number that is not the archive’s still waits for staff', async () => {
    await h.ok('resident-wu', 'account', 'verifyPhone', { code: await h.phones.issue('13700009999') })
    expect(await h.ok('resident-wu', 'account', 'bindHouse', { houseId: WU_HOUSE, role: 'owner', name: '吴秀兰' })).toMatchObject({
      status: 'pending',
      phoneVerified: true,
    })
  })

  it('without a verified number and without a typed one the form is told which field is missing, and nothing is written', async () => {
    const before = await h.store.c.bindings.count()
    expect(await h.call('resident-wu', 'account', 'bindHouse', { houseId: WU_HOUSE, role: 'owner', name: '吴秀兰' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { phone: '请先验证手机号，或手动填写' } },
    })
    expect(await h.call('resident-wu', 'account', 'verifyPhone', { code: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.store.c.bindings.count()).toBe(before)
  })
})

describe('the people of a house hear of every newcomer', () => {
  it('a pending claim is told in 消息; the approval also by push, to every member but the newcomer', async () => {
    const claim = await h.ok('wx-tenant', 'account', 'bindHouse', { houseId: ZHANG_HOUSE, role: 'tenant', name: '孙小梅', phone: '13911112222' })
    const told = await messages('dev-resident-zhang')
    expect(told.at(-1)).toMatchObject({ title: '有人申请绑定您的房屋', page: `/resident/account/members/index?houseId=${ZHANG_HOUSE}` })
    expect(told.at(-1)!.body).toContain('孙小梅（租户）')
    expect(await outbox('dev-resident-zhang')).toEqual([])

    await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: claim.id })
    expect((await messages('dev-resident-zhang')).at(-1)).toMatchObject({ title: '房屋有新成员' })
    expect(await outbox('dev-resident-zhang')).toEqual([
      expect.objectContaining({ templateKey: 'bindingResult', data: { house: '1栋1单元301', result: '新成员绑定', note: '孙小梅（租户）' } }),
    ])
    expect((await messages('wx-tenant')).map((m) => m.title)).toEqual(['房屋绑定已通过'])
    // The decision is in the audit trail, with who made it.
    expect(await audit()).toEqual([
      expect.objectContaining({ actor: 'dev-agent-chen', actorName: '陈静', summary: '1栋1单元301 孙小梅（租户） 的绑定申请已通过' }),
    ])
  })
})

describe('ending a binding', () => {
  it('the owner sees the members and removes the tenant, who loses the house’s tickets and bills at once', async () => {
    await zhangTenant()
    const ticket = await h.ok('wx-tenant', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: ZHANG_HOUSE,
      category: 'water_electric',
      description: '卫生间灯不亮了，开关没反应',
    })
    expect((await h.ok('wx-tenant', 'tickets', 'mine', {})).total).toBe(1)
    expect((await h.ok('wx-tenant', 'bills', 'myBills')).houses).toHaveLength(1)

    const asOwner = await h.ok('resident-zhang', 'account', 'houseMembers', { houseId: ZHANG_HOUSE })
    expect(asOwner).toMatchObject({ label: '1栋1单元301', standing: 'owner' })
    expect(
      asOwner.members.map((m: { name: string; role: string; phone: string; isMe: boolean; canRemove: boolean }) => [
        m.name,
        m.role,
        m.phone,
        m.isMe,
        m.canRemove,
      ]),
    ).toEqual([
      ['张建国', 'owner', '138****0301', true, true],
      ['孙小梅', 'tenant', '139****2222', false, true],
    ])
    // The tenant sees the house's people too, and may end only their own binding.
    const asTenant = await h.ok('wx-tenant', 'account', 'houseMembers', { houseId: ZHANG_HOUSE })
    expect(asTenant.members.map((m: { canRemove: boolean }) => m.canRemove)).toEqual([false, true])
    const tenantBinding = asOwner.members[1].bindingId
    expect(await h.call('wx-tenant', 'account', 'removeBinding', { bindingId: 'seed-resident-zhang' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    const removed = await h.ok('resident-zhang', 'account', 'removeBinding', { bindingId: tenantBinding })
    expect(removed).toMatchObject({ status: 'removed', removedBy: 'owner' })
    expect((await h.ok('wx-tenant', 'account', 'whoami')).houses).toEqual([])
    expect(await h.ok('wx-tenant', 'tickets', 'mine', {})).toEqual({ items: [], total: 0 })
    expect(await h.call('wx-tenant', 'tickets', 'detail', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('wx-tenant', 'tickets', 'urge', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await h.ok('wx-tenant', 'bills', 'myBills')).houses).toEqual([])
    expect(await h.call('wx-tenant', 'account', 'houseMembers', { houseId: ZHANG_HOUSE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await messages('wx-tenant')).at(-1)).toMatchObject({ title: '房屋绑定已解除' })
    expect((await h.ok('wx-tenant', 'account', 'myHouses'))[0]).toMatchObject({ status: 'removed', removedBy: 'owner' })
    // The family keeps the ticket; removing twice is refused; the change is audited under the owner.
    expect((await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: ticket.id })).id).toBe(ticket.id)
    expect(await h.call('resident-zhang', 'account', 'removeBinding', { bindingId: tenantBinding })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect((await audit()).at(-1)).toMatchObject({
      actor: 'dev-resident-zhang',
      actorName: '张建国',
      summary: '1栋1单元301 孙小梅（租户） 的绑定已解除（业主移除）',
    })
    // A removed binding is no longer live: the person may file a new claim, which staff review.
    expect((await h.ok('wx-tenant', 'account', 'bindHouse', { houseId: ZHANG_HOUSE, role: 'tenant', name: '孙小梅', phone: '13911112222' })).status).toBe(
      'pending',
    )
  })

  it('the owner cannot remove a co-owner: that is for the office', async () => {
    const co = await h.ok('wx-coowner', 'account', 'bindHouse', { houseId: ZHANG_HOUSE, role: 'owner', name: '张太太', phone: '13911113333' })
    await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: co.id })
    expect(await h.call('resident-zhang', 'account', 'removeBinding', { bindingId: co.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '业主之间的变更请到物业服务中心办理' },
    })
    expect((await h.store.c.bindings.get(co.id))!.status).toBe('approved')
  })

  it('anyone ends their own binding; the others in the house are told', async () => {
    await zhangTenant()
    await h.ok('resident-zhang', 'account', 'removeBinding', { bindingId: 'seed-resident-zhang' })
    expect((await h.ok('resident-zhang', 'account', 'whoami')).houses).toEqual([])
    expect((await messages('wx-tenant')).at(-1)).toMatchObject({ title: '房屋成员有变化', body: '张建国（业主） 已不再绑定 1栋1单元301（本人解除）。' })
    expect((await audit()).at(-1)).toMatchObject({ summary: '1栋1单元301 张建国（业主） 的绑定已解除（本人解除）' })
  })

  it('staff revoke only inside their scope, and only with a reason the person reads', async () => {
    const before = await h.store.c.audit.count()
    expect(await h.call('agent-chen', 'account', 'removeBinding', { bindingId: 'seed-resident-wang' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: '请填写解除原因' } },
    })
    expect(await h.store.c.audit.count()).toBe(before)
    // 周明's zone is 1–3栋: 王磊 (2栋) is his, a house in 5栋 is not; a handler has no say.
    const fiveOwner = await h.ok('wx-five', 'account', 'bindHouse', { houseId: 'sunshine-5-1-101', role: 'tenant', name: '钱多多', phone: '13911114444' })
    await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: fiveOwner.id })
    expect(await h.call('manager-zhou', 'account', 'removeBinding', { bindingId: fiveOwner.id, reason: '已搬离' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call('manager-zhou', 'account', 'houseMembers', { houseId: 'sunshine-5-1-101' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('tech-zhao', 'account', 'removeBinding', { bindingId: 'seed-resident-wang', reason: '已搬离' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })

    const staffView = await h.ok('manager-zhou', 'account', 'houseMembers', { houseId: 'sunshine-2-1-502' })
    expect(staffView).toMatchObject({ standing: 'staff', members: [expect.objectContaining({ name: '王磊', canRemove: true })] })
    const r = await h.ok('manager-zhou', 'account', 'removeBinding', { bindingId: 'seed-resident-wang', reason: '房东来电确认租约已于上月结束' })
    expect(r).toMatchObject({ status: 'removed', removedBy: 'staff', reason: '房东来电确认租约已于上月结束' })
    expect((await messages('dev-resident-wang')).at(-1)).toMatchObject({
      title: '房屋绑定已解除',
      body: '物业已解除您与 2栋1单元502 的绑定：房东来电确认租约已于上月结束',
    })
    expect((await audit()).at(-1)).toMatchObject({ actor: 'dev-manager-zhou', actorName: '周明' })
    expect((await h.ok('resident-wang', 'bills', 'myBills')).houses).toEqual([])
  })

  it('a stranger learns nothing: members and removal of a house they are not in answer 不存在', async () => {
    expect(await h.call('wx-stranger', 'account', 'houseMembers', { houseId: ZHANG_HOUSE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('wx-stranger', 'account', 'removeBinding', { bindingId: 'seed-resident-zhang' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call('resident-li', 'account', 'removeBinding', { bindingId: 'seed-resident-zhang', reason: '邻居' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect((await h.store.c.bindings.get('seed-resident-zhang'))!.status).toBe('approved')
  })
})
