import type { Page } from 'playwright-core'
import { e2eHost, expectRefusals, go, phone, shot } from './browser'

const env = e2eHost('binding')

/** Call a function over HTTP as a demo account, the way the H5 app does. */
async function api(account: string, fn: string, action: string, data: unknown) {
  const login = await (await fetch(`${env.host.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ account }) })).json()
  const res = await fetch(`${env.host.url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.data.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action, data }),
  })
  return res.json()
}

const bindings = () => env.host.local.store.c.bindings.count()
const confirmModal = (page: Page, text: string) => page.locator('.taro__modal').getByText(text, { exact: true }).click()

/** The bind page asks for consent before it collects a name and a phone. */
async function openBind(page: Page) {
  await page.getByTestId('privacy-sheet').waitFor()
  await page.getByText('同意并继续').click()
  await page.getByTestId('privacy-sheet').waitFor({ state: 'detached' })
}

describe('house binding, end to end in Chromium', () => {
  it('resident-wang binds with a name not in the archive, agent-chen approves, wang sees the house on 我的', async () => {
    const wang = await phone(env.browser, env.host.url, 'resident-wang')
    await expect(wang.getByTestId('current-house').innerText()).resolves.toContain('2栋1单元502')
    await expect(wang.getByTestId('service-hours').innerText()).resolves.toContain('09:00–18:00')
    await expect(wang.getByTestId('emergency-phone').innerText()).resolves.toMatch(/\d/)
    await shot(wang, '01-home-resident-wang')

    await go(wang, env.host.url, '/pages/mine/index')
    await wang.getByTestId('house-item').first().waitFor()
    await shot(wang, '02-mine-before')
    await wang.getByTestId('bind-new').click()
    await openBind(wang)
    await wang.getByTestId('building-2').click()
    await wang.getByTestId('unit-2').click()
    await wang.getByTestId('room-1801').click()
    await wang.getByTestId('role-tenant').click()
    await wang.getByTestId('name').locator('input').fill('王小磊')
    // Without WeChat's verification he types the number: it is reviewed, never trusted at once.
    await wang.getByTestId('switch-phone').click()
    // A wrong phone is caught by the same schema the server uses, before anything is sent.
    await wang.getByTestId('phone').locator('input').fill('1380000')
    await wang.getByTestId('submit').click()
    await wang.getByText('请填写 11 位手机号').waitFor()
    await shot(wang, '03-bind-form-error')
    expect(await bindings()).toBe(3)
    await wang.getByTestId('phone').locator('input').fill('13800000502')
    await wang.getByTestId('submit').click()
    await wang.getByTestId('bind-result').getByText('已提交，等待物业审核').waitFor()
    await shot(wang, '04-bind-pending')

    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await shot(chen, '05-home-agent-chen')
    await go(chen, env.host.url, '/staff/home/index')
    await chen.getByTestId('tile-bindings').getByText('1').waitFor()
    await shot(chen, '06-staff-home')
    await chen.getByTestId('tile-bindings').click()
    const item = chen.getByTestId('binding-item').filter({ hasText: '2栋2单元1801' })
    await item.waitFor()
    await expect(item.innerText()).resolves.toContain('138****0502')
    await expect(item.innerText()).resolves.toContain('手动填写，未经验证')
    await shot(chen, '07-staff-bindings')
    await item.getByTestId('approve').click()
    await expect(chen.locator('.taro-modal__text:visible').innerText()).resolves.toContain('将以租户身份绑定 2栋2单元1801')
    await chen.locator('.taro-model__confirm').click()
    await chen.getByText('没有待审核的申请').waitFor()
    await shot(chen, '08-staff-bindings-empty')

    await go(wang, env.host.url, '/pages/mine/index')
    await wang.reload()
    const house = wang.getByTestId('house-item').filter({ hasText: '2栋2单元1801' })
    await house.waitFor()
    await expect(house.innerText()).resolves.toContain('已绑定')
    await shot(wang, '09-mine-after-approval')
  })

  it('吴秀兰 verifies her phone the WeChat way and is bound at once; the family member who follows is told to her, and she removes him', async () => {
    const wu = await phone(env.browser, env.host.url, 'resident-wu')
    await go(wu, env.host.url, '/resident/account/bind/index')
    await shot(wu, '10-bind-privacy-first')
    await openBind(wu)
    await wu.getByTestId('verify-phone').click()
    await confirmModal(wu, '允许')
    await wu.getByTestId('verified-phone').getByText('138****1201').waitFor()
    await wu.getByTestId('building-3').click()
    await wu.getByTestId('unit-1').click()
    await wu.getByTestId('room-1201').click()
    await wu.getByTestId('role-owner').click()
    await wu.getByTestId('name').locator('input').fill('吴秀兰')
    await shot(wu, '11-bind-verified-phone')
    await wu.getByTestId('submit').click()
    await wu.getByTestId('bind-result').getByText('绑定成功').waitFor()
    await shot(wu, '12-bind-approved-at-once')

    // Her son claims the flat as family with a typed number: she hears of it before staff decide.
    const claim = await api('resident-li', 'account', 'bindHouse', { houseId: 'sunshine-3-1-1201', role: 'family', name: '吴小军', phone: '13911115555' })
    expect(claim.data.status).toBe('pending')
    await go(wu, env.host.url, '/pages/messages/index')
    await wu.getByText('有人申请绑定您的房屋').waitFor()
    const approved = await api('agent-chen', 'account', 'approveBinding', { bindingId: claim.data.id })
    expect(approved.data.status).toBe('approved')
    await wu.reload()
    await wu.getByText('房屋有新成员').waitFor()
    await shot(wu, '13-messages-new-member')

    await go(wu, env.host.url, '/pages/mine/index')
    await wu.getByTestId('house-members').click()
    const son = wu.getByTestId('member').filter({ hasText: '吴小军' })
    await son.waitFor()
    await expect(son.innerText()).resolves.toContain('139****5555')
    await shot(wu, '14-house-members')
    await son.getByTestId('remove-member').click()
    await wu.locator('.taro__modal').getByText('TA 将立即不能再查看', { exact: false }).waitFor()
    await confirmModal(wu, '移除')
    await son.waitFor({ state: 'detached' })
    await shot(wu, '15-house-members-after-removal')
    const li = await api('resident-li', 'account', 'whoami', {})
    expect(li.data.houses.map((h: { label: string }) => h.label)).toEqual(['1栋1单元401'])
  })

  it('a resident cannot approve: the staff page says so, and the server refuses', async () => {
    const pending = await api('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-4-1-101', role: 'tenant', name: '王磊', phone: '13800000502' })
    expect(pending.data.status).toBe('pending')
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    expectRefusals(zhang)
    await go(zhang, env.host.url, '/staff/bindings/index')
    await zhang.getByText('暂无权限').waitFor()
    await zhang.getByText('您没有权限执行此操作').waitFor()
    await shot(zhang, '11-resident-forbidden')
    const r = await api('resident-zhang', 'account', 'approveBinding', { bindingId: pending.data.id })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const mine = await api('resident-wang', 'account', 'myHouses', {})
    expect(mine.data.find((b: { id: string }) => b.id === pending.data.id).status).toBe('pending')
  })

  it('malformed input gets INVALID_INPUT and writes nothing', async () => {
    const before = await bindings()
    const r = await api('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-2-2-1701', role: 'tenant', name: '王', phone: 'abc' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { name: '请填写真实姓名', phone: '请填写 11 位手机号' } } })
    const raw = await fetch(`${env.host.url}/api/fn/account`, { method: 'POST', body: '{not json' })
    expect(await raw.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await bindings()).toBe(before)
  })
})
