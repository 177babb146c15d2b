import { deflateSync } from 'node:zlib'
import type { Locator, Page } from 'playwright-core'
import { e2eHost, go, phone, shot } from './browser'

/** The real time, moved on by hand: 催单 opens 30 minutes after filing, and the test does not wait that long. */
let ahead = 0
const env = e2eHost('tickets', { clock: { now: () => Date.now() + ahead } })

/** A real PNG of one colour, small enough to write inline: what a phone camera would hand over. */
function png(rgb: [number, number, number], size = 24): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** Taro's H5 chooseImage opens a hidden file input: answer its file chooser like a person would. */
async function addPhoto(page: Page, scope: string, name: string, rgb: [number, number, number]) {
  const picker = page.getByTestId(scope)
  const before = await picker.getByTestId('photo-thumb').count()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.getByTestId('add-photo').click()])
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: png(rgb) })
  await picker.getByTestId('photo-thumb').nth(before).waitFor()
}

/** Fixed action bars cover the bottom of the page: bring a control to the middle, then tap it. */
async function tap(l: Locator) {
  await l.evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await l.click()
}

const status = (page: Page) => page.getByTestId('ticket-head').getByTestId('status')

/** Tomorrow in Shanghai, as the date picker keys it. */
const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86400_000))

describe('service tickets, end to end in Chromium', () => {
  it('zhang reports a leak with a photo → chen replies and dispatches → zhao fixes it with a cost → zhang follows every step and confirms', async () => {
    // 1. The resident reports: 报修, 户内, 水电, a description, a photo, a visit window.
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await go(zhang, env.host.url, '/pages/report/index')
    await zhang.getByTestId('type-repair').click()
    await zhang.getByTestId('scope-home').click()
    await zhang.getByText('阳光花园 1栋1单元301').waitFor()
    // Too short is refused by the shared schema, before anything is sent.
    await zhang.getByTestId('description').locator('textarea').fill('漏水')
    await zhang.getByTestId('category-water_electric').click()
    await zhang.getByTestId('submit').click()
    await zhang.locator('.field-error').getByText('请至少用 5 个字描述问题').waitFor()
    const leak = '厨房水槽下面的水管接口一直在滴水，柜子里和地上都湿了'
    await zhang.getByTestId('description').locator('textarea').fill(leak)
    await expect(zhang.getByTestId('description-count').innerText()).resolves.toBe(`${leak.length}/500`)
    await addPhoto(zhang, 'photo-picker', 'leak.png', [40, 110, 200])
    await zhang.getByTestId(`day-${tomorrow()}`).click()
    await zhang.getByTestId('slot-am').click()
    await shot(zhang, 't01-report-form')
    await zhang.getByTestId('submit').click()
    await zhang.getByTestId('report-done').waitFor()
    const no = (await zhang.getByTestId('ticket-no').innerText()).replace('工单号', '').trim()
    expect(no).toMatch(/^BX-\d{8}-\d{4}$/)
    await shot(zhang, 't02-report-done')

    // 2. The agent sees it in the inbox with its SLA badge, replies with a saved reply, dispatches.
    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/home/index')
    await chen.getByTestId('tile-tickets').getByText('1').waitFor()
    await shot(chen, 't03-staff-home')
    await chen.getByTestId('tile-tickets').click()
    const row = chen.getByTestId('inbox-item').filter({ hasText: no })
    await row.waitFor()
    await expect(row.getByTestId('sla-badge').innerText()).resolves.toMatch(/^响应剩余 \d/)
    await expect(row.innerText()).resolves.toContain('138****')
    await expect(chen.getByTestId('count-new').innerText()).resolves.toBe('1')
    await shot(chen, 't04-inbox')
    // Search by the door number finds it too.
    await chen.getByTestId('search').locator('input').fill('301')
    await chen.getByTestId('search-go').click()
    await chen.getByTestId('inbox-item').filter({ hasText: no }).waitFor()
    await chen.getByTestId('inbox-item').filter({ hasText: no }).click()
    await chen.getByTestId('ticket-head').waitFor()
    await tap(chen.getByTestId('saved-reply').filter({ hasText: '已收到·安排师傅' }))
    await expect(chen.getByTestId('reply-input').locator('textarea').inputValue()).resolves.toContain('正在安排师傅')
    await tap(chen.getByTestId('send-reply'))
    await chen.getByTestId('timeline').getByTestId('step-reply').waitFor()
    await shot(chen, 't05-staff-reply')
    // The number stays masked on her page; one tap calls (the full number is fetched then).
    await expect(chen.getByTestId('reporter-phone').innerText()).resolves.toBe('138****0301')
    await chen.getByTestId('call-reporter').waitFor()
    // The resident sees it taken in hand: 已受理, two steps done, no promise to answer what was answered.
    await go(zhang, env.host.url, '/resident/tickets/list/index')
    await zhang
      .getByTestId('ticket-item')
      .filter({ hasText: leak.slice(0, 8) })
      .click()
    await zhang.getByTestId('steps').waitFor()
    await expect(zhang.getByTestId('ticket-head').getByTestId('status').innerText()).resolves.toBe('已受理')
    await expect(zhang.getByTestId('steps').getByTestId('step-done').count()).resolves.toBe(2)
    await expect(zhang.getByTestId('ticket-head').getByTestId('promise').innerText()).resolves.toMatch(/^客服已受理/)
    await shot(zhang, 't05a-resident-taken')
    await chen.getByTestId('action-dispatch').click()
    const zhao = chen.getByTestId('dispatch-sheet').getByTestId('handler-item').filter({ hasText: '赵强' })
    await zhao.waitFor()
    await expect(zhao.innerText()).resolves.toMatch(/工程部[\s\S]*在办 0 单/)
    await zhao.click()
    await shot(chen, 't06-dispatch-sheet')
    await chen.getByTestId('confirm-dispatch').click()
    await status(chen).getByText('已派单').waitFor()
    await shot(chen, 't07-staff-dispatched')

    // 3. The handler accepts, arrives and completes with a photo and a cost.
    const tech = await phone(env.browser, env.host.url, 'tech-zhao')
    // His 工作台 lists the job itself, not an empty state beside a count.
    await go(tech, env.host.url, '/staff/home/index')
    await tech.getByTestId('my-jobs').getByTestId('inbox-item').filter({ hasText: no }).waitFor()
    await expect(tech.getByText('暂无待处理事项').count()).resolves.toBe(0)
    await shot(tech, 't08a-handler-home')
    await go(tech, env.host.url, '/staff/inbox/index')
    const job = tech.getByTestId('inbox-item').filter({ hasText: no })
    await job.waitFor()
    await shot(tech, 't08-handler-inbox')
    await job.click()
    await tech.getByTestId('ticket-head').waitFor()
    // The assigned handler sees the whole number, to call before going up.
    await expect(tech.getByTestId('reporter-phone').innerText()).resolves.toMatch(/^1\d{10}$/)
    await tech.getByTestId('call-reporter').waitFor()
    await tech.getByTestId('action-accept').click()
    await status(tech).getByText('已接单').waitFor()
    await tech.getByTestId('action-arrive').click()
    await status(tech).getByText('处理中').waitFor()
    await shot(tech, 't09-handler-on-site')
    await tech.getByTestId('action-complete').click()
    await tech.getByTestId('complete-note').locator('textarea').fill('更换水槽下水管接头和密封圈，试水 10 分钟无渗漏')
    await addPhoto(tech, 'complete-photos', 'fixed.png', [60, 170, 90])
    await tech.getByTestId('add-cost').click()
    await tech.getByTestId('cost-name').locator('input').fill('下水管接头')
    await tech.getByTestId('cost-amount').locator('input').fill('35.5')
    await tech.getByText('合计 ¥35.50').waitFor()
    await shot(tech, 't10-complete-sheet')
    await tech.getByTestId('confirm-complete').click()
    await status(tech).getByText('待确认').waitFor()
    await shot(tech, 't11-handler-completed')

    // 4. The resident finds every step in 消息 and in the timeline, with its time, and confirms.
    await go(zhang, env.host.url, '/pages/messages/index')
    await zhang.reload()
    await zhang.getByTestId('message-item').first().waitFor()
    const unread = await zhang.getByTestId('unread-dot').count()
    expect(unread).toBeGreaterThanOrEqual(4)
    const texts = (await zhang.getByTestId('message-item').allInnerTexts()).join('\n')
    expect(texts).toContain('客服回复了您的工单')
    await shot(zhang, 't12-messages')
    await zhang.getByTestId('message-item').first().click()
    await zhang.waitForURL(/tickets\/detail\/index/)
    await status(zhang).getByText('待确认').waitFor()
    await expect(zhang.getByTestId('promise').innerText()).resolves.toBe('已处理完毕，请确认是否解决')
    for (const kind of ['created', 'reply', 'dispatched', 'accepted', 'arrived', 'completed']) {
      const step = zhang.getByTestId('timeline').getByTestId(`step-${kind}`)
      await expect(step.count()).resolves.toBeGreaterThan(0)
      await expect(step.first().getByTestId('step-time').innerText()).resolves.toMatch(/^\d\d-\d\d \d\d:\d\d$/)
    }
    await expect(zhang.getByTestId('timeline').innerText()).resolves.toContain('赵强')
    await expect(zhang.getByTestId('cost').innerText()).resolves.toContain('¥35.50')
    await zhang.getByTestId('after-photos').locator('img').first().waitFor()
    await shot(zhang, 't13-resident-detail')
    await zhang.getByTestId('timeline').scrollIntoViewIfNeeded()
    await shot(zhang, 't14-resident-timeline')
    await zhang.getByTestId('action-confirm').click()
    await zhang.locator('.taro-model__confirm').click()
    await status(zhang).getByText('已完成').waitFor()
    await zhang.getByTestId('timeline').getByTestId('step-confirmed').waitFor()
    await shot(zhang, 't15-resident-confirmed')
    // The rating follows on the same screen, starting from what he just said: solved.
    const form = zhang.getByTestId('survey-form')
    await form.waitFor()
    await expect(form.getByTestId('resolved-yes').getAttribute('class')).resolves.toContain('chip-active')
    await form.scrollIntoViewIfNeeded()
    await shot(zhang, 't15a-rating-on-the-spot')

    // The message center marks what was read; 全部已读 clears the rest.
    await go(zhang, env.host.url, '/pages/messages/index')
    await zhang.reload()
    await zhang.getByTestId('message-item').first().waitFor()
    await expect(zhang.getByTestId('unread-dot').count()).resolves.toBeLessThan(unread)
    await zhang.getByTestId('read-all').click()
    await zhang.getByTestId('unread-count').filter({ hasText: '全部已读' }).waitFor()
    await expect(zhang.getByTestId('unread-dot').count()).resolves.toBe(0)
    await shot(zhang, 't16-messages-read')
  })

  it('an emergency shows the 24 h phone; chen records a call on behalf of wang, who finds it in 我的工单 and may chase it only once', async () => {
    const li = await phone(env.browser, env.host.url, 'resident-li')
    await go(li, env.host.url, '/pages/report/index')
    await li.getByTestId('type-repair').click()
    await li.getByTestId('urgent').click()
    await li.getByTestId('emergency-severe_leak').click()
    await expect(li.getByTestId('call-emergency').innerText()).resolves.toMatch(/24 小时应急电话[\s\S]*\d/)
    await shot(li, 't17-report-emergency')

    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/record/index')
    await chen.getByTestId('source-phone').click()
    await chen.getByTestId('house-building-2').click()
    await chen.getByTestId('house-unit-1').click()
    await chen.getByTestId('house-room-502').click()
    await chen.getByTestId('reporter-name').locator('input').fill('王磊')
    await chen.getByTestId('reporter-phone').locator('input').fill('13800000502')
    await chen.getByTestId('type-complaint').click()
    await chen.getByTestId('category-cleaning').click()
    await chen.getByTestId('description').locator('textarea').fill('住户来电：2 单元楼道垃圾两天没人清理，有异味')
    await shot(chen, 't18-record-on-behalf')
    await tap(chen.getByTestId('submit-record'))
    await chen.getByTestId('record-done').waitFor()
    await shot(chen, 't19-record-done')

    const wang = await phone(env.browser, env.host.url, 'resident-wang')
    await go(wang, env.host.url, '/resident/tickets/list/index')
    const item = wang.getByTestId('ticket-item').filter({ hasText: '楼道垃圾' })
    await item.waitFor()
    await expect(item.getByTestId('status').innerText()).resolves.toBe('待受理')
    await shot(wang, 't20-my-tickets')
    await item.click()
    await wang.getByTestId('ticket-head').waitFor()
    await expect(wang.getByTestId('timeline').innerText()).resolves.toContain('代客登记')
    // Just filed: the button says when 催单 opens, and why.
    await expect(wang.getByTestId('action-urge').innerText()).resolves.toMatch(/^\d{2}:\d{2} 后可催单$/)
    await expect(wang.getByTestId('urge-rule').innerText()).resolves.toContain('提交 30 分钟后可催单')
    await shot(wang, 't20a-urge-not-yet')
    ahead += 31 * 60_000
    await wang.reload()
    await expect(wang.getByTestId('action-urge').innerText()).resolves.toBe('催单')
    await wang.getByTestId('action-urge').click()
    await wang.getByText('已催单').waitFor()
    await wang.getByTestId('timeline').getByTestId('step-urged').waitFor()
    await wang.waitForTimeout(1600)
    await wang.getByTestId('action-urge').click()
    await wang.getByText(/已催过单，请 \d+ 分钟后再试/).waitFor()
    await shot(wang, 't21-urge-throttled')

    // The desk sees it urged, in 新工单.
    await go(chen, env.host.url, '/staff/inbox/index')
    await chen.getByTestId('inbox-item').filter({ hasText: '楼道垃圾' }).getByTestId('urged').waitFor()
    await shot(chen, 't22-inbox-urged')
  })
})
