import { loadImage, createCanvas } from '@napi-rs/canvas'
import jsQR from 'jsqr'
import { readFileSync } from 'node:fs'
import { codeBox, SHEET } from '../../src/zone/qr-sheet/draw'
import { addPhoto, e2eHost, go, phone, shot, tap } from './browser'

const env = e2eHost('patrol')

describe('巡查, end to end in Chromium', () => {
  it('zhou walks 1–3栋日常巡查: one point all fine, a blocked fire exit with a photo becomes a ticket chen sees, finishing records what he missed', async () => {
    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await zhou.getByTestId('tile-patrol').waitFor()
    await shot(zhou, 'p01-home-patrol-tile')
    await zhou.getByTestId('tile-patrol').click()
    const daily = zhou.getByTestId('round-row').filter({ hasText: '1–3栋日常巡查' })
    await daily.waitFor()
    await shot(zhou, 'p02-rounds')
    await tap(daily.getByTestId('round-open'))
    await zhou.getByTestId('round-head').waitFor()
    await shot(zhou, 'p03-round')

    // 1栋大堂: all fine.
    const lobby = zhou.getByTestId('point-row').filter({ hasText: '1栋大堂' })
    await tap(lobby.getByTestId('point-check'))
    const form = zhou.getByTestId('point-form')
    await tap(form.getByTestId('all-ok'))
    await shot(zhou, 'p04-all-ok')
    await tap(form.getByTestId('point-submit'))
    await lobby.getByTestId('point-state').getByText('正常').waitFor()

    // 2栋消防通道: blocked. Without a photo the form says what is missing and sends nothing.
    const exit = zhou.getByTestId('point-row').filter({ hasText: '2栋消防通道' })
    await tap(exit.getByTestId('point-check'))
    await tap(form.getByTestId('all-ok'))
    const clear = form.getByTestId('check-item').filter({ hasText: '通道畅通无堆物' })
    await tap(clear.getByTestId('item-bad'))
    await clear.getByTestId('item-note').locator('input').fill('楼梯间堆放纸箱和旧家具')
    await tap(form.getByTestId('point-submit'))
    await clear.getByText('请为「通道畅通无堆物」的问题拍一张照片').waitFor()
    await shot(zhou, 'p05-needs-photo')
    await addPhoto(zhou, 'item-photos', 'exit.png', [180, 120, 60])
    await shot(zhou, 'p06-finding')
    await tap(form.getByTestId('point-submit'))
    await exit.getByTestId('point-state').getByText('有问题').waitFor()
    const ticket = exit.getByTestId('point-ticket')
    await expect(ticket.innerText()).resolves.toMatch(/^工单 BX-\d{8}-\d{4} ›$/)
    await shot(zhou, 'p07-ticket-filed')

    // Finishing asks first and says how many points will count as missed.
    await tap(zhou.getByTestId('round-finish'))
    await expect(zhou.locator('.taro-modal__text:visible').innerText()).resolves.toContain('还有 3 个点位未检查')
    await zhou.locator('.taro-model__confirm').click()
    await zhou.getByTestId('point-state').getByText('漏检').first().waitFor()
    await expect(zhou.getByTestId('point-state').allInnerTexts()).resolves.toEqual(['正常', '漏检', '有问题', '漏检', '漏检'])
    await shot(zhou, 'p08-finished')

    // The finding is an ordinary new ticket at the desk, placed and photographed.
    const no = (await ticket.innerText()).replace(/^工单 | ›$/g, '')
    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/inbox/index')
    const row = chen.getByTestId('inbox-item').filter({ hasText: '2栋 消防通道' })
    await row.first().waitFor()
    await row.first().click()
    await chen.getByTestId('ticket-head').getByText(no).waitFor()
    await chen.getByTestId('description').getByText('巡查发现「通道畅通无堆物」异常：楼梯间堆放纸箱和旧家具').waitFor()
    await shot(chen, 'p09-desk-sees-finding')
    // …and leads back to the round it came from.
    await tap(chen.getByTestId('origin'))
    await chen.getByTestId('round-head').getByText('1–3栋日常巡查').waitFor()
    await shot(chen, 'p10-desk-opens-round')
  })

  it('zhou prints the codes: the sheet opens from 巡查, pages through, and the downloaded page scans back to its points', async () => {
    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await go(zhou, env.host.url, '/zone/patrol/index')
    await tap(zhou.getByTestId('open-qr-sheet'))
    await zhou.getByTestId('sheet-summary').getByText('共 7 个巡查点 · 2 页 A4，每页 6 个').waitFor()
    // The bar's title is whole, not cut to 「巡查点…」.
    const title = zhou.locator('.taro-navigation-bar-title:visible')
    await expect(title.innerText()).resolves.toBe('巡查点二维码')
    await expect(title.evaluate((e) => e.scrollWidth <= e.clientWidth)).resolves.toBe(true)
    // Every button there is enabled and looks it: 上一页 alone waits for a page to go back to.
    await expect(zhou.locator('.btn[disabled]:visible').allInnerTexts()).resolves.toEqual(['上一页'])
    await shot(zhou, 'p11-qr-sheet')
    const download = zhou.waitForEvent('download')
    await tap(zhou.getByTestId('save-sheet'))
    const file = await download
    expect(file.suggestedFilename()).toBe('巡查点二维码-第1页.png')
    const img = await loadImage(readFileSync((await file.path())!))
    expect([img.width, img.height]).toEqual([SHEET.width, SHEET.height])
    const canvas = createCanvas(img.width, img.height)
    canvas.getContext('2d').drawImage(img, 0, 0)
    const read = (i: number) => {
      const b = codeBox(i, 30)
      const d = canvas.getContext('2d').getImageData(b.x, b.y, b.w, b.h)
      return jsQR(new Uint8ClampedArray(d.data), d.width, d.height)?.data
    }
    const codes = [0, 1, 2, 3, 4, 5].map(read)
    expect(new Set(codes).size).toBe(6)
    for (const c of codes) expect(c).toMatch(/^WYXC:/)
    await tap(zhou.getByText('下一页'))
    await zhou.getByText('第 2/2 页').first().waitFor()
    await shot(zhou, 'p12-qr-sheet-page-2')
  })

  it('zhou adds 2栋电梯 with its checklist and a route over it walked by himself', async () => {
    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await go(zhou, env.host.url, '/zone/patrol/index')
    await tap(zhou.getByTestId('open-patrol-setup'))
    await tap(zhou.getByTestId('add-point'))
    const form = zhou.getByTestId('point-setup-form')
    await form.getByTestId('ps-name').locator('input').fill('2栋电梯')
    await tap(form.getByText('2栋', { exact: true }))
    await form.getByTestId('ps-item-label').locator('input').fill('轿厢照明与通风正常')
    await tap(form.getByTestId('ps-add-item'))
    await form.getByTestId('ps-item-label').nth(1).locator('input').fill('紧急呼叫可接通')
    await shot(zhou, 'p13-setup-point')
    await tap(form.getByTestId('ps-save'))
    await zhou.getByTestId('setup-point').filter({ hasText: '2栋电梯' }).getByText('未加入路线', { exact: false }).waitFor()

    await tap(zhou.getByTestId('add-route'))
    const route = zhou.getByTestId('route-setup-form')
    await route.getByTestId('rs-name').locator('input').fill('2栋晚间巡查')
    await tap(route.getByTestId('rs-point').filter({ hasText: '2栋电梯' }))
    await tap(route.getByTestId('rs-point').filter({ hasText: '2栋消防通道' }))
    await shot(zhou, 'p14-setup-route')
    await tap(route.getByTestId('rs-save'))
    await zhou.getByTestId('setup-route').filter({ hasText: '2栋晚间巡查' }).waitFor()
    await shot(zhou, 'p15-setup')
    const saved = (await env.host.local.store.c.routes.find({ where: { name: '2栋晚间巡查' }, limit: 1 }))[0]
    expect(saved).toMatchObject({ buildings: ['2'], schedule: { every: 'daily', dueBy: '11:00' }, ownerName: '周明' })
    expect(saved.checkpointIds[1]).toBe('sunshine-cp-exit-2')
  })
})
