import { harness, CLEAN } from './harness'
import { shanghaiMonth } from '../../src/core/shared/time'
import { FUNCTIONS } from '../../scripts/host/functions'
import jsQR from 'jsqr'
import { canvases } from './harness/wx'
import { codeBox, SHEET } from '../../src/zone/qr-sheet/draw'

/** The main flows, driven by taps in WeChat's view engine, each against the demo host. */
let h: Awaited<ReturnType<typeof harness>>
beforeAll(async () => {
  h = await harness()
}, 60_000)
afterAll(() => h.close())
beforeEach(() => h.reset())

const callsOf = (api: string) => h.findings.calls.filter((c) => c.api === api)
const fnCalls = () => callsOf('cloud.callFunction').map((c) => c.arg as { name: string; data: { action: string; data: Record<string, unknown> } })
const indexOf = (pred: (c: { api: string; arg: unknown }) => boolean) => h.findings.calls.findIndex(pred)
const until = async (ok: () => boolean, ms = 4000) => {
  const end = Date.now() + ms
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
  return ok()
}

it('首页: tapping the emergency card dials the 24-hour number', async () => {
  h.backend.as('resident-zhang')
  const page = await h.open('pages/index/index')
  await h.until(page, (t) => t.includes('24 小时应急电话'))
  await page.tap('.home-emergency')
  expect(callsOf('makePhoneCall').map((c) => c.arg)).toEqual([expect.objectContaining({ phoneNumber: '0571-88889999' })])
  expect(h.problems()).toEqual(CLEAN)
})

it('报事: the subscribe request comes at the tap, then tickets.create files the ticket', async () => {
  h.backend.as('resident-zhang')
  const page = await h.open('pages/report/index')
  await h.until(page, (t) => t.includes('问题描述'))
  await page.tap('.chip', '水电')
  await page.input('.text-box', '卫生间地漏堵塞返水，需要疏通')
  await page.tap('.btn-block')
  expect(await until(() => fnCalls().some((c) => c.name === 'tickets' && c.data.action === 'create'))).toBe(true)
  const ask = indexOf((c) => c.api === 'requestSubscribeMessage')
  const create = indexOf((c) => c.api === 'cloud.callFunction' && (c.arg as { data: { action: string } }).data.action === 'create')
  expect(ask).toBeGreaterThanOrEqual(0)
  expect(ask).toBeLessThan(create)
  await h.until(page, (t) => t.includes('提交成功'))
  const mine = await h.backend.ok('resident-zhang', 'tickets', 'mine', { offset: 0, limit: 5 })
  expect(mine.items[0]).toMatchObject({ description: '卫生间地漏堵塞返水，需要疏通', place: '1栋1单元301' })
  expect(h.problems()).toEqual(CLEAN)
})

it('工作台 → 工单 → 派单: the agent picks 赵强 in the sheet and the ticket is dispatched', async () => {
  const t = await h.backend.ok('resident-zhang', 'tickets', 'create', {
    type: 'repair',
    scope: 'home',
    houseId: 'sunshine-1-1-301',
    category: 'water_electric',
    description: '厨房水龙头漏水不止',
    photos: [],
  })
  h.backend.as('agent-chen')
  const home = await h.open('staff/home/index')
  await h.until(home, (x) => x.includes('新工单'))
  const page = await h.open('staff/ticket/index', { id: t.id })
  await h.until(page, (x) => x.includes('厨房水龙头漏水不止'))
  await page.tap('.st-bar-btn', '派单')
  await h.until(page, (x) => x.includes('赵强'))
  await page.tap('.st-handler', '赵强')
  await page.tap('.sheet-btn')
  expect(await until(() => fnCalls().some((c) => c.data.action === 'dispatch'))).toBe(true)
  const d = await h.backend.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })
  expect(d).toMatchObject({ status: 'dispatched', assigneeName: '赵强' })
  expect(h.problems()).toEqual(CLEAN)
})

it('确认解决 → rating: the resident confirms the finished job and the rating opens', async () => {
  const t = await h.backend.ok('resident-zhang', 'tickets', 'create', {
    type: 'repair',
    scope: 'home',
    houseId: 'sunshine-1-1-301',
    category: 'water_electric',
    description: '阳台灯不亮了',
    photos: [],
  })
  await h.backend.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
  await h.backend.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
  await h.backend.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换了灯泡', photos: [], costItems: [] })
  h.backend.as('resident-zhang')
  const page = await h.open('resident/tickets/detail/index', { id: t.id })
  await h.until(page, (x) => x.includes('确认解决'))
  await page.tap('.td-bar-btn', '确认解决')
  expect(await until(() => fnCalls().some((c) => c.data.action === 'confirm'))).toBe(true)
  expect((await h.backend.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).status).toBe('closed')
  // The next timer tick sends the 回访 survey; the page then asks for the rating.
  await FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.backend.host.local.deps)
  const again = await h.open('resident/tickets/detail/index', { id: t.id })
  expect(await h.until(again, (x) => x.includes('总体满意度'))).toBe(true)
  for (const n of [4, 9, 14]) await again.tapNth('.sv-star', n)
  await again.tap('.chip', '已解决')
  await again.tap('.td-sheet-btn')
  expect(await until(() => fnCalls().some((c) => c.name === 'surveys' && c.data.action === 'submit'))).toBe(true)
  const s = await h.backend.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: t.id })
  expect(s.answer).toMatchObject({ overall: 5, speed: 5, attitude: 5, resolved: true })
  expect(h.problems()).toEqual(CLEAN)
})

it('账单: paying calls wx.requestPayment with the order’s own parameters', async () => {
  const period = shanghaiMonth(Date.now())
  for (;;) if ((await h.backend.ok('supervisor-liu', 'bills', 'runBills', { period, chunk: 500 })).done) break
  h.backend.as('resident-zhang')
  const page = await h.open('pages/bills/index')
  await h.until(page, (x) => x.includes('物业费'))
  await page.tap('.bills-pay')
  expect(await until(() => callsOf('requestPayment').length > 0)).toBe(true)
  const order = fnCalls().find((c) => c.data.action === 'createOrder')
  expect(order).toBeDefined()
  expect(callsOf('requestPayment')[0].arg).toMatchObject({
    timeStamp: expect.any(String),
    nonceStr: expect.any(String),
    package: expect.stringMatching(/^prepay_id=/),
    paySign: expect.any(String),
  })
  expect(h.problems()).toEqual(CLEAN)
})

it('巡查: the 管理员 prints the codes, then scans the printed one with the camera, ticks its checklist and the point is recorded as scanned', async () => {
  const b = h.backend
  b.as('manager-zhou')
  const points = (await b.ok('manager-zhou', 'patrol', 'sheet', {})).items as { id: string; name: string; payload: string }[]
  const at = points.findIndex((x) => x.name === '水泵房')
  const pump = points[at]
  canvases.length = 0
  const sheet = await h.open('zone/qr-sheet/index')
  await h.until(sheet, (t) => t.includes(`共 ${points.length} 个巡查点`))
  for (let p = 0; p < Math.floor(at / SHEET.perPage); p++) await sheet.tap('.btn-ghost', '下一页')
  await h.until(sheet, (t) => t.includes(`第 ${Math.floor(at / SHEET.perPage) + 1}/`))
  const paper = () => canvases.find((c) => c.width === SHEET.width)
  // What the camera sees is the code printed in 水泵房's cell, framed as a phone frames it.
  const box = codeBox(at % SHEET.perPage, 30)
  const printed = () => {
    const img = paper()?.image(box.x, box.y, box.w, box.h)
    return img ? (jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? '') : ''
  }
  expect(await until(() => printed() === pump.payload)).toBe(true)
  await sheet.tap('.btn-primary', '保存或发送本页图片')
  expect(await until(() => callsOf('showShareImageMenu').length > 0)).toBe(true)
  expect(callsOf('showShareImageMenu')[0].arg).toMatchObject({ path: expect.stringMatching(/^http:\/\/tmp\/canvas-\d+\.png$/) })
  expect(h.problems()).toEqual(CLEAN)

  const round = await b.ok('manager-zhou', 'patrol', 'start', { routeId: 'sunshine-rt-plant' })
  const page = await h.open('zone/round/index', { id: round.id })
  await h.until(page, (t) => t.includes('扫码检查点位'))
  h.camera.sees = printed()
  await page.tap('.zp-scan')
  await h.until(page, (t) => t.includes('全部正常'))
  expect(callsOf('scanCode').map((c) => c.arg)).toEqual([expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] })])
  await page.tap('.btn-ghost', '全部正常')
  await page.tap('.zp-score', '8')
  await page.tap('.btn-primary', '提交')
  expect(await until(() => fnCalls().some((c) => c.name === 'patrol' && c.data.action === 'check'))).toBe(true)
  const check = fnCalls().find((c) => c.data.action === 'check')!
  expect(check.data.data).toMatchObject({ checkpointId: pump.id, via: 'scan' })
  await h.until(page, (t) => t.includes('扫码检查'))
  const after = await b.ok('manager-zhou', 'patrol', 'round', { roundId: round.id })
  expect(after.points.find((p: { name: string }) => p.name === '水泵房')).toMatchObject({ state: 'ok', via: 'scan' })
  expect(h.problems()).toEqual(CLEAN)
})

it('装修: the owner’s permit QR, drawn on his phone, is scanned at the gate and reads 准予施工', async () => {
  const b = h.backend
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  // A community that takes no deposit: the permit is valid on approval.
  await b.ok('supervisor-liu', 'decoration', 'setRules', { periods: [{ from: '08:00', to: '18:00' }], weekend: 'same', deposit: 0 })
  const applied = await b.ok('resident-zhang', 'decoration', 'apply', {
    requestId: 'weapp-flow-0001',
    houseId: 'sunshine-1-1-301',
    contractor: { company: '个人', leader: '钱建军', phone: '13912345678' },
    workers: [{ name: '钱建军', phone: '13912345678' }],
    start: today,
    end: today,
    works: ['painting'],
    description: '客厅墙面重新粉刷。',
  })
  await b.ok('manager-zhou', 'decoration', 'approve', { id: applied.id })

  b.as('resident-zhang')
  canvases.length = 0
  const home = await h.open('resident/decoration/home/index', { houseId: 'sunshine-1-1-301' })
  await h.until(home, (t) => t.includes('装修许可证'))
  const shown = () => {
    const c = canvases.find((x) => x.width === 400)
    const img = c?.image(0, 0, 400, 400)
    return img ? (jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? '') : ''
  }
  expect(await until(() => shown() === `wuye-permit:${applied.id}`)).toBe(true)
  expect(h.problems()).toEqual(CLEAN)

  b.as('tech-zhao')
  const gate = await h.open('zone/permit/index')
  await h.until(gate, (t) => t.includes('扫描装修许可证'))
  h.camera.sees = shown()
  await gate.tap('.zp-scan')
  await h.until(gate, (t) => t.includes('准予施工'))
  expect(gate.text()).toContain('1栋1单元301')
  expect(gate.text()).toContain('139****5678')
  expect(h.problems()).toEqual(CLEAN)
})

it('长辈模式: the switch in 我的 puts the large-text scale on this page’s root at once, and on every page opened after', async () => {
  h.backend.as('resident-zhang')
  const rootStyle = (page: { styleOf(s: string): string }) => page.styleOf('.lt-root')
  const mine = await h.open('pages/mine/index')
  await h.until(mine, (t) => t.includes('长辈模式'))
  expect(rootStyle(mine)).not.toContain('--fs')
  await mine.change('.mine-large-switch', true)
  expect(await until(() => rootStyle(mine).includes('--fs: 1.3'))).toBe(true)
  expect(callsOf('setStorageSync').map((c) => c.arg)).toContain('largeText')
  const next = await h.open('resident/tickets/list/index')
  await h.until(next, (t) => t.length > 0)
  expect(rootStyle(next)).toContain('--fs: 1.3')
  expect(rootStyle(next)).toContain('--text-2')
  await mine.change('.mine-large-switch', false)
  expect(await until(() => !rootStyle(mine).includes('--fs'))).toBe(true)
  expect(h.problems()).toEqual(CLEAN)
})

it('月报 导出长图: the report is painted on the page’s 2d canvas node, exported as a PNG and offered in the image share sheet', async () => {
  h.backend.as('supervisor-liu')
  canvases.length = 0
  const page = await h.open('staff/monthly-report/index')
  await h.until(page, (t) => t.includes('导出长图') && t.includes('小结'))
  await page.tap('.btn-primary', '导出长图')
  expect(await until(() => callsOf('showShareImageMenu').length > 0)).toBe(true)
  // Painted at the report's own proportions: 750 units across, far taller than wide.
  const sheet = canvases.find((c) => c.height > 2 * c.width)
  expect(sheet?.painted()).toBeGreaterThan(10_000)
  expect(callsOf('canvasToTempFilePath')[0].arg).toMatchObject({ fileType: 'png' })
  expect(callsOf('showShareImageMenu')[0].arg).toMatchObject({ path: expect.stringMatching(/^http:\/\/tmp\/canvas-\d+\.png$/) })
  expect(callsOf('saveImageToPhotosAlbum')).toEqual([])
  expect(h.problems()).toEqual(CLEAN)
})
