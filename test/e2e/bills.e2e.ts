import type { Page } from 'playwright-core'
import { fixedClock } from '../../cloudfunctions/lib/ports/clock'
import { e2eHost, go, phone, shot } from './browser'

/** 2026-11-24 10:00 Shanghai, as in the integration tests: the November bills are not yet due. */
const T0 = Date.UTC(2026, 10, 24, 2, 0, 0)

const env = e2eHost('bills', { clock: fixedClock(T0) })

/** Taro's H5 showModal: press its confirm button by its text. */
const confirmModal = (page: Page, text: string) => page.locator('.taro__modal').getByText(text, { exact: true }).click()

/** The host's HTTP API, as a signed-in demo account: for steps that are not what the test is about. */
const login = async (account: string) =>
  (await (await fetch(`${env.host.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ account }) })).json()).data.token as string
const call = async (token: string, fn: string, action: string, data: unknown) =>
  (
    await fetch(`${env.host.url}/api/fn/${fn}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
  ).json()

describe('bills and payment, end to end in Chromium', () => {
  it('bill run for 2026-11; zhang pays 物业费 = area × price; the bill shows paid with a receipt; a campaign for 1栋 skips zhang', async () => {
    // 客服主任 runs November's bills from the staff page.
    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/bills/index')
    await liu.getByTestId('arrears-total').waitFor()
    await liu.getByTestId('period').locator('input').fill('2026-11')
    await liu.getByTestId('run-bills').click()
    // It says first what it will write, and writes the very number it said.
    const ask = await liu.locator('.taro-modal__text:visible').innerText()
    const [, households, count] = /^将为 (\d+) 户生成 (\d+) 笔账单，合计 ¥[\d.]+：物业费 \d+ 笔/.exec(ask) ?? []
    expect(Number(households)).toBeGreaterThan(0)
    await shot(liu, 'bills-01a-run-confirm')
    await liu.locator('.taro-model__confirm').click()
    await liu.getByTestId('run-status').getByText('出账完成').waitFor()
    await expect(liu.getByTestId('run-status').innerText()).resolves.toContain(`新生成 ${count} 笔`)
    await shot(liu, 'bills-01-staff-bill-run')

    // zhang: 1栋1单元301 is 91.65 m²; 物业费 ¥2.50/m²·月 → 229.125 → ¥229.13 (half a fen rounds up).
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await go(zhang, env.host.url, '/pages/bills/index')
    const bill = zhang.getByTestId('bill-item').filter({ hasText: '物业费' })
    await bill.waitFor()
    await expect(bill.getByTestId('bill-basis').innerText()).resolves.toContain('91.65 m² × ¥2.50/m²·月')
    await expect(bill.getByTestId('bill-amount').innerText()).resolves.toBe('¥229.13')
    await expect(zhang.getByTestId('unpaid-total').innerText()).resolves.toBe('229.13')
    await shot(zhang, 'bills-02-resident-unpaid')

    // Pay through the simulated WeChat Pay sheet, which drives the real payment-callback code.
    await zhang.getByTestId('pay').click()
    await zhang.locator('.taro__modal').getByText('¥229.13', { exact: false }).waitFor()
    await shot(zhang, 'bills-03-simulated-pay-sheet')
    await confirmModal(zhang, '确认支付')
    await zhang.getByTestId('receipt').waitFor()
    await expect(zhang.getByTestId('receipt-amount').innerText()).resolves.toBe('¥229.13')
    await expect(zhang.getByTestId('receipt-no').innerText()).resolves.toMatch(/^收据编号 SJ20261124-\d{5}$/)
    await shot(zhang, 'bills-04-receipt')
    const paid = await env.host.local.store.c.bills.get('sunshine_2026-11_sunshine-property_sunshine-1-1-301')
    expect(paid).toMatchObject({ status: 'paid', paidVia: 'wechat', paidAmount: 22913 })

    await go(zhang, env.host.url, '/pages/bills/index')
    await zhang.reload()
    await zhang.getByText('全部缴清，感谢您的支持').waitFor()
    await expect(zhang.getByTestId('unpaid-total').innerText()).resolves.toBe('0.00')
    await zhang.getByTestId('tab-history').click()
    const row = zhang.getByTestId('history-item').filter({ hasText: '2026-11' })
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('已缴')
    await expect(row.getByTestId('receipt-link').innerText()).resolves.toContain(paid!.receiptNo!)
    await shot(zhang, 'bills-05-resident-history')

    // A 催缴 campaign for 1栋 reaches the residents who still owe (李秀英) and skips zhang.
    await go(liu, env.host.url, '/staff/bills/index')
    await liu.reload()
    await liu.getByTestId('building-1').waitFor()
    await shot(liu, 'bills-06-staff-arrears')
    await liu.getByTestId('building-1').getByTestId('campaign').click()
    await confirmModal(liu, '发送')
    await liu.getByTestId('recipient').first().waitFor()
    const names = await liu.getByTestId('recipient').allInnerTexts()
    expect(names.some((t) => t.includes('李秀英') && t.includes('1栋1单元401'))).toBe(true)
    expect(names.some((t) => t.includes('张建国') || t.includes('1栋1单元301'))).toBe(false)
    await expect(liu.getByTestId('recipient').filter({ hasText: '李秀英' }).getByTestId('recipient-status').innerText()).resolves.toContain('已发到消息中心')
    await shot(liu, 'bills-07-campaign-recipients')
    const li = await env.host.local.store.c.messages.count({ openid: 'dev-resident-li', title: '物业费缴费提醒' })
    const zh = await env.host.local.store.c.messages.count({ openid: 'dev-resident-zhang', title: '物业费缴费提醒' })
    expect([li, zh]).toEqual([1, 0])

    // 对账单有疑问: li asks about her 物业费 and lands on the question ticket the agents will answer.
    const lip = await phone(env.browser, env.host.url, 'resident-li')
    await go(lip, env.host.url, '/pages/bills/index')
    const liBill = lip.getByTestId('bill-item').filter({ hasText: '物业费' })
    await liBill.getByText('对账单有疑问').click()
    await lip.getByText('面积与房产证不符').click()
    await shot(lip, 'bills-08-dispute')
    await lip.getByTestId('dispute-submit').click()
    await lip.waitForURL(/tickets\/detail/)
    await lip.getByText('对账单有疑问：物业费', { exact: false }).first().waitFor()
    await shot(lip, 'bills-09-dispute-ticket')
    const disputed = await env.host.local.store.c.bills.find({ where: { houseId: 'sunshine-1-1-401', itemName: '物业费' } })
    expect(disputed[0].disputeTicketId).toBeTruthy()
  })

  it('the dev pay route pays only the payer’s own order; a resident cannot see staff pages', async () => {
    // Idempotent: the bills exist whether or not the first test ran its bill run.
    const liu = await login('supervisor-liu')
    while (!(await call(liu, 'bills', 'runBills', { period: '2026-11' })).data.done);
    const li = await login('resident-li')
    const mine = await call(li, 'bills', 'myBills', {})
    const order = await call(li, 'bills', 'createOrder', { billIds: [mine.data.houses[0].bills[0].id] })
    const wang = await login('resident-wang')
    const r = await (
      await fetch(`${env.host.url}/api/dev/pay/${order.data.outTradeNo}`, { method: 'POST', headers: { authorization: `Bearer ${wang}` } })
    ).json()
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await call(li, 'bills', 'orderStatus', { outTradeNo: order.data.outTradeNo })).data.status).toBe('created')
    expect(await call(li, 'bills', 'arrears', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('the 客服主任 changes a price without a deploy, the next bill run charges it, and loads readings from a CSV file', async () => {
    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/fees/index')
    // 物业费 is priced per house type: 住宅 ¥2.50 → ¥2.80, 商铺 ¥4.00 → ¥4.50.
    const fee = liu.getByTestId('fee-item').filter({ hasText: '物业费' })
    await expect(fee.getByTestId('fee-rate-commercial').innerText()).resolves.toBe('商铺 ¥4.00')
    await fee.getByTestId('fee-change').click()
    await fee.getByTestId('fee-price-residential').locator('input').fill('2.8')
    await fee.getByTestId('fee-price-commercial').locator('input').fill('4.5')
    await fee.getByTestId('fee-save').click()
    await fee.getByTestId('fee-rate-residential').getByText('住宅 ¥2.80').waitFor()
    await expect(fee.getByTestId('fee-rate-commercial').innerText()).resolves.toBe('商铺 ¥4.50')
    await shot(liu, 'bills-10-fee-items')
    const items = await env.host.local.store.c.feeItems.find({ where: { communityId: 'sunshine' } })
    expect(items.find((i) => i.name === '物业费')).toMatchObject({ unitPrice: 280, priceByType: { residential: 280, commercial: 450 } })

    // The next bill run (2026-12) charges the new prices: the change did take effect.
    const token = await login('supervisor-liu')
    while (!(await call(token, 'bills', 'runBills', { period: '2026-12' })).data.done);
    const december = (house: string) => env.host.local.store.c.bills.get(`sunshine_2026-12_sunshine-property_${house}`)
    // zhang's 91.65 m² × ¥2.80 = ¥256.62; the 商铺 6栋1单元101, 89.50 m² × ¥4.50 = ¥402.75.
    expect(await december('sunshine-1-1-301')).toMatchObject({ amount: 25662, basis: '91.65 m² × ¥2.80/m²·月' })
    expect(await december('sunshine-6-1-101')).toMatchObject({ amount: 40275, basis: '商铺 89.50 m² × ¥4.50/m²·月' })

    await go(liu, env.host.url, '/staff/bills/index')
    const chooser = liu.waitForEvent('filechooser')
    await liu.getByTestId('csv-file').click()
    await (await chooser).setFiles({ name: 'water-2026-11.csv', mimeType: 'text/csv', buffer: Buffer.from('房号,上期读数,本期读数\n1-1-301,120.5,132.75\n') })
    // The file is read asynchronously (File.text()), then lands in the textarea: wait for it.
    await liu.waitForFunction(
      () => (document.querySelector('[data-testid="csv"] textarea') as HTMLTextAreaElement | null)?.value.includes('1-1-301,120.5,132.75'),
      undefined,
      { timeout: 10_000 },
    )
    await expect(liu.getByTestId('csv').locator('textarea').inputValue()).resolves.toContain('1-1-301,120.5,132.75')
    await shot(liu, 'bills-11-csv-loaded')
  })
})
