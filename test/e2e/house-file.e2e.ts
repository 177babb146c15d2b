import { e2eHost, go, phone, shot, tap } from './browser'

const env = e2eHost('house-file')

describe('一户一档, end to end in Chromium', () => {
  it('chen opens 1栋1单元301 from zhang’s ticket: the people, the ticket, the bills; she leaves a note and finds the house again by phone tail', async () => {
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await go(zhang, env.host.url, '/pages/report/index')
    await zhang.getByTestId('type-repair').click()
    await zhang.getByTestId('scope-home').click()
    await zhang.getByText('阳光花园 1栋1单元301').waitFor()
    await zhang.getByTestId('description').locator('textarea').fill('卫生间地漏反味，晚上特别明显')
    await zhang.getByTestId('category-water_electric').click()
    await zhang.getByTestId('submit').click()
    await zhang.getByTestId('report-done').waitFor()
    const no = (await zhang.getByTestId('ticket-no').innerText()).replace('工单号', '').trim()

    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/inbox/index')
    await tap(chen.getByTestId('inbox-item').filter({ hasText: no }))
    await tap(chen.getByTestId('open-house-file'))
    const people = chen.getByTestId('hf-people')
    await people.getByText('张建国').waitFor()
    await expect(people.innerText()).resolves.toContain('业主 · 138****0301 · 已绑定')
    // No full number on the page: 拨打 fetches it on the tap.
    await expect(chen.locator('.hf').innerText()).resolves.not.toContain('13800000301')
    const ticket = chen.getByTestId('hf-ticket').filter({ hasText: no })
    await expect(ticket.innerText()).resolves.toContain('卫生间地漏反味')
    await expect(chen.getByTestId('hf-tickets').innerText()).resolves.toContain('共 1 单')
    // The seeded bills of the house, and the way to take a payment.
    await chen.getByTestId('hf-bills').getByText('物业费', { exact: false }).first().waitFor()
    await shot(chen, 'hf01-house-file')

    await chen.getByTestId('hf-note-input').locator('textarea').fill('张伯耳背，来电请说慢一点')
    await tap(chen.getByTestId('hf-note-save'))
    await chen.getByTestId('hf-notes').getByText('张伯耳背，来电请说慢一点').waitFor()
    await expect(chen.getByTestId('hf-notes').innerText()).resolves.toContain('陈静 · ')
    await expect(chen.getByTestId('hf-note-input').locator('textarea').inputValue()).resolves.toBe('')
    await shot(chen, 'hf02-note')

    // The ticket opens from the file, and the file from the bills page.
    await tap(ticket)
    await chen.waitForURL(/staff\/ticket\/index/)
    await chen.getByTestId('ticket-head').last().getByText(no).waitFor()
    await go(chen, env.host.url, '/staff/house-bills/index?houseId=sunshine-1-1-301')
    await tap(chen.getByTestId('hb-house-file'))
    await chen.waitForURL(/staff\/house\/index/)
    await chen.getByTestId('hf-notes').last().getByText('张伯耳背', { exact: false }).waitFor()

    // The desk's search: the phone's last four digits find the house before any ticket.
    await go(chen, env.host.url, '/staff/inbox/index')
    await chen.getByTestId('search').locator('input').fill('0301')
    await chen.getByTestId('search-go').click()
    const hit = chen.getByTestId('house-hit').filter({ hasText: '1栋1单元301' })
    await expect(hit.innerText()).resolves.toContain('张建国（业主）138****0301')
    await shot(chen, 'hf03-inbox-house-hit')
    await tap(hit)
    await chen.waitForURL(/staff\/house\/index/)
    await chen.getByTestId('hf-people').last().getByText('张建国').waitFor()

    // Large text: everything still fits the screen.
    await go(chen, env.host.url, '/pages/mine/index')
    await tap(chen.getByTestId('large-text-switch'))
    await go(chen, env.host.url, '/staff/house/index?houseId=sunshine-1-1-301')
    await chen.getByTestId('hf-people').last().getByText('张建国').waitFor()
    await chen.waitForTimeout(400)
    expect(await chen.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await shot(chen, 'hf04-large-text')
  })
})
