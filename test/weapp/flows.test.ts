import { harness, CLEAN, type Harness } from './harness'
import { yuan } from '../../src/core/bills/fees'
import { shanghaiMonth } from '../../src/core/shared/time'
import { FUNCTIONS } from '../../scripts/host/functions'

/**
 * The main flows, driven by taps in WeChat's view engine against the demo host. A tap that
 * navigates is followed to the page it names (the base library would open it), so a flow walks
 * the pages a person walks.
 */
let h: Harness
beforeAll(async () => {
  h = await harness('flows')
}, 60_000)
afterAll(() => h.close())
beforeEach(() => h.reset())

const fnCall = (action: string, name?: string) => h.functionCalls().find((c) => c.action === action && (!name || c.name === name))
const indexOf = (pred: (c: { api: string; arg: unknown }) => boolean) => h.findings.calls.findIndex(pred)
const indexOfFn = (action: string) => indexOf((c) => c.api === 'cloud.callFunction' && (c.arg as { data: { action: string } }).data.action === action)

it('首页: tapping the emergency card dials the 24-hour number it shows', async () => {
  h.backend.as('resident-zhang')
  const page = await h.open('pages/index/index')
  await h.until(page, (t) => t.includes('24 小时应急电话'))
  const shown = /24 小时应急电话.*?(\d{3,4}-\d{7,8})/.exec(page.text())?.[1]
  expect(shown).toBe('0571-88889999')
  await page.tap('.home-emergency')
  expect(h.callsOf('makePhoneCall').map((c) => c.arg)).toEqual([expect.objectContaining({ phoneNumber: shown })])
  expect(h.problems()).toEqual(CLEAN)
})

it('报事 with a photo: privacy first, the photo uploaded, the subscribe panel at the submit tap, then the ticket is filed', async () => {
  h.backend.as('resident-zhang')
  const page = await h.open('pages/report/index')
  await h.until(page, (t) => t.includes('问题描述'))
  await page.tap('.chip', '水电')
  await page.input('.tf-textarea', '卫生间地漏堵塞返水，需要疏通')
  await page.tap('.pp-add')
  expect(await h.waitFor(() => page.has('.pp-img'))).toBe(true)
  // WeChat's privacy rule: the consent check comes before the album opens.
  expect(indexOf((c) => c.api === 'requirePrivacyAuthorize')).toBeGreaterThanOrEqual(0)
  expect(indexOf((c) => c.api === 'requirePrivacyAuthorize')).toBeLessThan(indexOf((c) => c.api === 'chooseMedia'))
  const upload = h.callsOf('cloud.uploadFile')[0]
  expect(upload?.arg).toMatchObject({ cloudPath: expect.stringMatching(/^tickets\/.+\.png$/), filePath: expect.stringMatching(/^wxfile:\/\//) })
  const fileId = (upload.result as { fileID: string }).fileID

  await page.tap('.btn-block', '提交')
  expect(await h.waitFor(() => fnCall('create', 'tickets')?.envelope !== undefined)).toBe(true)
  // The panel was asked for inside the tap (the harness refuses it otherwise), before the ticket was sent.
  expect(indexOf((c) => c.api === 'requestSubscribeMessage')).toBeGreaterThanOrEqual(0)
  expect(indexOf((c) => c.api === 'requestSubscribeMessage')).toBeLessThan(indexOfFn('create'))
  expect(fnCall('create', 'tickets')?.data).toMatchObject({ category: 'water_electric', description: '卫生间地漏堵塞返水，需要疏通', photos: [fileId] })
  expect(await h.until(page, (t) => t.includes('提交成功'))).toBe(true)
  const created = fnCall('create', 'tickets')!.envelope!.data
  expect(page.text()).toContain(`工单号 ${created.no}`)
  const stored = await h.backend.ok('resident-zhang', 'tickets', 'detail', { ticketId: created.id })
  expect(stored).toMatchObject({ description: '卫生间地漏堵塞返水，需要疏通', place: '1栋1单元301', status: 'new', photos: [fileId] })
  expect(h.problems()).toEqual(CLEAN)
})

it('工作台 → 工单 → 派单: the agent walks from the tile to the ticket and dispatches it to 赵强 from the sheet', async () => {
  const t = await h.backend.ok('resident-zhang', 'tickets', 'create', { type: 'repair', scope: 'home', houseId: 'sunshine-1-1-301', category: 'water_electric', description: '厨房水龙头漏水不止', photos: [] })
  h.backend.as('agent-chen')
  const home = await h.open('staff/home/index')
  await h.until(home, (x) => x.includes('新工单'))
  await home.tap('.staff-tile', '新工单')
  const inbox = await h.follow()
  expect(inbox.route).toBe('staff/inbox/index')
  await h.until(inbox, (x) => x.includes('厨房水龙头漏水不止'))
  await inbox.tap('.inbox-item', '厨房水龙头漏水不止')
  const page = await h.follow()
  expect(page).toMatchObject({ route: 'staff/ticket/index', query: expect.objectContaining({ id: t.id }) })
  await h.until(page, (x) => x.includes('厨房水龙头漏水不止') && x.includes('派单'))
  await page.tap('.st-bar-btn', '派单')
  await h.until(page, (x) => x.includes('赵强'))
  await page.tap('.st-handler', '赵强')
  await page.tap('.st-sheet-btn')
  expect(await h.waitFor(() => fnCall('dispatch')?.envelope?.ok === true)).toBe(true)
  expect(fnCall('dispatch')?.data).toMatchObject({ ticketId: t.id, assignee: 'dev-tech-zhao' })
  expect(await h.backend.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })).toMatchObject({ status: 'dispatched', assigneeName: '赵强' })
  expect(await h.until(page, (x) => x.includes('已派单'))).toBe(true)
  expect(h.problems()).toEqual(CLEAN)
})

it('确认解决 → 评价: the resident confirms the finished job, and after the survey tick rates it five stars', async () => {
  const t = await h.backend.ok('resident-zhang', 'tickets', 'create', { type: 'repair', scope: 'home', houseId: 'sunshine-1-1-301', category: 'water_electric', description: '阳台灯不亮了', photos: [] })
  await h.backend.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
  await h.backend.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
  await h.backend.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换了灯泡', photos: [], costItems: [] })
  h.backend.as('resident-zhang')
  const page = await h.open('tickets/detail/index', { id: t.id })
  await h.until(page, (x) => x.includes('确认解决'))
  expect(page.text()).toContain('更换了灯泡')
  await page.tap('.td-bar-btn', '确认解决')
  expect(await h.waitFor(() => fnCall('confirm')?.envelope?.ok === true)).toBe(true)
  expect((await h.backend.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).status).toBe('closed')
  // The next timer tick sends the 回访 survey; the page then asks for the rating.
  await FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.backend.host.local.deps)
  const again = await h.open('tickets/detail/index', { id: t.id })
  expect(await h.until(again, (x) => x.includes('总体满意度'))).toBe(true)
  // Three rows of five stars (总体, 速度, 态度): the fifth star of each.
  for (const n of [4, 9, 14]) await again.tapNth('.sv-star', n)
  await again.tap('.chip', '已解决')
  await again.tap('.td-sheet-btn')
  expect(await h.waitFor(() => fnCall('submit', 'surveys')?.envelope?.ok === true)).toBe(true)
  const s = await h.backend.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: t.id })
  expect(s.answer).toMatchObject({ overall: 5, speed: 5, attitude: 5, resolved: true })
  expect(h.problems()).toEqual(CLEAN)
})

describe('账单', () => {
  beforeAll(async () => {
    for (;;) if ((await h.backend.ok('supervisor-liu', 'bills', 'runBills', { period: shanghaiMonth(Date.now()), chunk: 500 })).done) break
  })

  it('对账单有疑问: the question about a bill becomes a 咨询 ticket linked to it, and its page opens', async () => {
    h.backend.as('resident-zhang')
    const bill = (await h.backend.ok('resident-zhang', 'bills', 'myBills')).houses[0].bills.find((b: { itemName: string }) => b.itemName === '物业费')
    const page = await h.open('pages/bills/index')
    await h.until(page, (x) => x.includes('对账单有疑问'))
    await page.tap('.bill-dispute')
    const ask = await h.follow()
    expect(ask.route).toBe('billing/dispute/index')
    await h.until(ask, (x) => x.includes('提交疑问'))
    expect(ask.text()).toContain(`¥${yuan(bill.amount)}`)
    await ask.tap('.chip', '面积与房产证不符')
    await ask.tap('.btn-block', '提交疑问')
    expect(await h.waitFor(() => fnCall('create', 'tickets')?.envelope?.ok === true)).toBe(true)
    expect(fnCall('create', 'tickets')?.data).toMatchObject({ type: 'question', billId: bill.id, houseId: 'sunshine-1-1-301' })
    const ticket = await h.follow()
    expect(ticket).toMatchObject({ route: 'tickets/detail/index', query: expect.objectContaining({ id: fnCall('create', 'tickets')!.envelope!.data.id }) })
    expect(await h.until(ticket, (x) => x.includes('面积与房产证不符'))).toBe(true)
    expect(h.problems()).toEqual(CLEAN)
  })

  it('缴费: wx.requestPayment gets the order’s own parameters; once WeChat Pay calls back, the receipt opens', async () => {
    h.backend.as('resident-zhang')
    const before = await h.backend.ok('resident-zhang', 'bills', 'myBills')
    expect(before.unpaidTotal).toBeGreaterThan(0)
    const page = await h.open('pages/bills/index')
    await h.until(page, (x) => x.includes(`待缴总额（元）${yuan(before.unpaidTotal)}`))
    await page.tap('.bills-pay')
    expect(await h.waitFor(() => h.callsOf('requestPayment').length > 0)).toBe(true)
    const order = fnCall('createOrder')!
    expect(order.envelope).toMatchObject({ ok: true, data: { totalFee: before.unpaidTotal } })
    // Exactly what unifiedOrder answered, nothing made up on the way.
    expect(h.callsOf('requestPayment')[0].arg).toMatchObject(order.envelope!.data.payment)
    expect(h.callsOf('requestPayment')[0].arg).toMatchObject({ timeStamp: expect.any(String), nonceStr: expect.any(String), package: expect.stringMatching(/^prepay_id=/), paySign: expect.any(String) })
    expect(indexOf((c) => c.api === 'requestSubscribeMessage')).toBeLessThan(indexOfFn('createOrder'))
    expect(await h.waitFor(() => h.callsOf('navigateTo').length > 0, 8000)).toBe(true)
    const receipt = await h.follow()
    expect(receipt.route).toBe('billing/receipt/index')
    const paid = await h.backend.ok('resident-zhang', 'bills', 'orderStatus', { outTradeNo: order.envelope!.data.outTradeNo })
    expect(paid).toMatchObject({ status: 'paid', receiptNo: receipt.query.no })
    expect(await h.until(receipt, (x) => x.includes(receipt.query.no) && x.includes('物业费'))).toBe(true)
    expect((await h.backend.ok('resident-zhang', 'bills', 'myBills')).unpaidTotal).toBe(0)
    expect(h.problems()).toEqual(CLEAN)
  })
})
