import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { addPhoto, e2eHost, go, phone, shot, tap } from './browser'

const env = e2eHost('decoration')
const confirmModal = (page: Page, text: string) => page.locator('.taro__modal').getByText(text, { exact: true }).click()
const fill = (page: Page, id: string, text: string) => page.getByTestId(id).first().locator('input, textarea').fill(text)

/** The permit's QR as the gate's camera would read it off the owner's screen. */
async function readQr(page: Page) {
  const img = await page.getByTestId('qr-code').evaluate((c) => {
    const canvas = c as HTMLCanvasElement
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    return { data: Array.from(d.data), width: d.width, height: d.height }
  })
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? ''
}

describe('装修, end to end in Chromium', () => {
  it('zhang applies; zhou approves; li upstairs is told; zhang pays the deposit and his permit reads at the gate', async () => {
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await go(zhang, env.host.url, '/pages/mine/index')
    await tap(zhang.getByTestId('house-decoration').first())
    await zhang.getByTestId('decoration-head').getByText('施工时间：工作日 8:00–12:00、14:00–18:00', { exact: false }).waitFor()
    await shot(zhang, 'zx01-owner-decoration')
    await tap(zhang.getByTestId('decoration-apply'))
    await fill(zhang, 'da-company', '杭州安居装饰有限公司')
    await fill(zhang, 'da-leader', '钱建军')
    await fill(zhang, 'da-phone', '13912345678')
    await fill(zhang, 'da-worker-name', '钱建军')
    await fill(zhang, 'da-worker-phone', '13912345678')
    await tap(zhang.getByTestId('da-work-wiring'))
    await tap(zhang.getByTestId('da-work-ceiling'))
    await zhang.getByText('水电改造需做隐蔽验收', { exact: false }).waitFor()
    await fill(zhang, 'da-description', '厨卫水电改造，客厅吊顶，不动承重墙。')
    await addPhoto(zhang, 'da-drawings', 'plan.png', [200, 200, 230])
    await shot(zhang, 'zx02-apply-form')
    await tap(zhang.getByTestId('da-submit'))
    await zhang.getByTestId('decoration-status').getByText('待审批').waitFor()
    await shot(zhang, 'zx03-applied')

    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await tap(zhou.getByTestId('tile-decoration'))
    await tap(zhou.getByTestId('tab-pending'))
    await tap(zhou.getByTestId('decoration-row').filter({ hasText: '1栋1单元301' }))
    await zhou.getByTestId('decoration-drawings').locator('img').first().waitFor()
    await shot(zhou, 'zx04-staff-application')
    await tap(zhou.getByTestId('decoration-approve'))
    await tap(zhou.getByTestId('approve-sheet').getByText('电梯内须铺设保护垫'))
    await shot(zhou, 'zx05-approve-sheet')
    await tap(zhou.getByTestId('approve-submit'))
    await zhou.getByTestId('decoration-status').getByText('待缴押金').waitFor()
    await shot(zhou, 'zx06-approved')

    const li = await phone(env.browser, env.host.url, 'resident-li')
    await go(li, env.host.url, '/pages/messages/index')
    await li.getByText('装修施工告知：1栋1单元301').first().waitFor()
    await shot(li, 'zx07-neighbour-told')

    await go(zhang, env.host.url, '/resident/decoration/home/index?houseId=sunshine-1-1-301')
    await zhang.getByText('附加要求：电梯内须铺设保护垫').waitFor()
    await tap(zhang.getByTestId('decoration-pay'))
    const deposit = zhang.getByTestId('bill-item').filter({ hasText: '装修押金' })
    await deposit.waitFor()
    await shot(zhang, 'zx08-deposit-bill')
    await zhang.getByTestId('pay').click()
    await confirmModal(zhang, '确认支付')
    await zhang.getByTestId('receipt').waitFor()

    await go(zhang, env.host.url, '/resident/decoration/home/index?houseId=sunshine-1-1-301')
    await zhang.getByTestId('decoration-permit').waitFor()
    await zhang.getByTestId('decoration-status').getByText('待开工').waitFor()
    const code = await readQr(zhang)
    expect(code).toMatch(/^wuye-permit:zx_/)
    await shot(zhang, 'zx09-permit')

    await go(zhou, env.host.url, '/zone/permit/index')
    await fill(zhou, 'permit-code', code)
    await tap(zhou.getByTestId('permit-verify'))
    await zhou.getByTestId('permit-verdict').getByText('未到施工期').waitFor()
    await expect(zhou.getByTestId('permit-verdict').innerText()).resolves.toContain('139****5678')
    await shot(zhou, 'zx10-gate')
  })

  it('刘芳 sets the hours and the deposit in 设置; the owner reads them before he applies', async () => {
    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/settings/index?tab=decoration')
    await liu.getByTestId('dr-status').getByText('当前使用默认设置', { exact: false }).waitFor()
    await tap(liu.getByTestId('dr-weekend-closed'))
    await fill(liu, 'dr-deposit', '3000')
    await tap(liu.getByTestId('dr-save'))
    await liu.getByTestId('dr-status').getByText('已按本小区规定设置：工作日 8:00–12:00、14:00–18:00；周末及节假日不得施工').waitFor()
    await shot(liu, 'zx11-settings')

    const li = await phone(env.browser, env.host.url, 'resident-li')
    await go(li, env.host.url, '/resident/decoration/home/index?houseId=sunshine-1-1-401')
    await li.getByTestId('decoration-head').getByText('缴纳装修押金 ¥3000.00', { exact: false }).waitFor()
    await li.getByText('周末及节假日不得施工', { exact: false }).first().waitFor()
  })
})
