import { harness, CLEAN, type Harness } from './harness'
import { allPages } from './harness/wx'
import { yuan } from '../../src/core/bills/fees'
import { shanghaiMonth } from '../../src/core/shared/time'

/**
 * Every page of dist/weapp/app.json, opened in WeChat's view engine as the person who uses it,
 * with the query it needs (a real ticket, notice, receipt, bill, campaign, from the demo host's
 * functions), must show its real content and nothing WeChat would object to: no error, no
 * unknown wx API, no missing required option, no route outside app.json or to a tab page with
 * navigateTo. The dashboard's charts must paint on their 2d canvas.
 */
let h: Harness
const ids: Record<string, string> = {}
const seen: Record<string, string> = {}
beforeAll(async () => {
  h = await harness('pages')
  const b = h.backend
  ids.ticket = (await b.ok('resident-zhang', 'tickets', 'create', { type: 'repair', scope: 'home', houseId: 'sunshine-1-1-301', category: 'water_electric', description: '卫生间地漏堵塞返水', photos: [] })).id
  // A second job, dispatched to 赵强: what a handler's 工作台 and ticket page are for.
  ids.job = (await b.ok('resident-zhang', 'tickets', 'create', { type: 'repair', scope: 'home', houseId: 'sunshine-1-1-301', category: 'door_window', description: '阳台推拉门卡住关不上', photos: [] })).id
  await b.ok('agent-chen', 'tickets', 'dispatch', { ticketId: ids.job, assignee: 'dev-tech-zhao' })
  ids.notice = (await b.ok('agent-chen', 'notices', 'publish', { category: 'general', title: '电梯年检通知', body: '本周五上午电梯年检，请错峰出行', audience: { scope: 'community', targets: [] } })).id
  ids.receipt = (await b.ok('resident-zhang', 'bills', 'history', { offset: 0, limit: 5 })).items.find((x: { receiptNo?: string }) => x.receiptNo).receiptNo
  // This month's bills, so 账单 has something to pay and 对账单有疑问 a real bill to ask about.
  for (;;) if ((await b.ok('supervisor-liu', 'bills', 'runBills', { period: shanghaiMonth(Date.now()), chunk: 500 })).done) break
  const bill = (await b.ok('resident-zhang', 'bills', 'myBills')).houses[0].bills.find((x: { itemName: string }) => x.itemName === '物业费')
  Object.assign(seen, { billAmount: `¥${yuan(bill.payable)}`, billAbout: `${bill.itemName}（${bill.periodLabel}）` })
  // The same query the 账单 page's 对账单有疑问 builds (src/pages/bills/dispute.ts).
  Object.assign(ids, { billId: bill.id, billAmount: String(bill.amount), billAbout: encodeURIComponent(seen.billAbout) })
  ids.campaign = (await b.ok('agent-chen', 'bills', 'startCampaign', { building: '1' })).id
  // A binding that does not match the owner archive waits for staff.
  await b.ok('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-3-2-1201', role: 'tenant', name: '王磊', phone: '13900001201' })
}, 60_000)
afterAll(() => h.close())

type Case = { route: string; account: string; query?: () => Record<string, string>; shows: () => string[]; hides?: string[] }
const PAGES: Case[] = [
  { route: 'pages/index/index', account: 'resident-zhang', shows: () => ['阳光花园', '1栋1单元301', '24 小时应急电话', '0571-88889999'] },
  { route: 'pages/report/index', account: 'resident-zhang', shows: () => ['要办什么', '问题描述', '1栋1单元301', '提交'] },
  { route: 'pages/messages/index', account: 'resident-zhang', shows: () => ['电梯年检通知'] },
  { route: 'pages/mine/index', account: 'resident-zhang', shows: () => ['张建国', '我的房屋', '1栋1单元301', '138****0301'] },
  { route: 'pages/bills/index', account: 'resident-zhang', shows: () => ['待缴总额', '物业费', seen.billAmount, '对账单有疑问'] },
  { route: 'staff/home/index', account: 'agent-chen', shows: () => ['陈静', '新工单', '代客报事'] },
  { route: 'staff/home/index', account: 'tech-zhao', shows: () => ['赵强'], hides: ['代客报事'] },
  { route: 'staff/bindings/index', account: 'agent-chen', shows: () => ['共 1 条待审核', '3栋2单元1201', '王磊', '与业主档案不一致'] },
  { route: 'staff/inbox/index', account: 'agent-chen', shows: () => ['新工单', '卫生间地漏堵塞返水', '138****0301'] },
  { route: 'staff/ticket/index', account: 'agent-chen', query: () => ({ id: ids.ticket }), shows: () => ['张建国', '卫生间地漏堵塞返水', '待受理', '派单'] },
  { route: 'staff/ticket/index', account: 'tech-zhao', query: () => ({ id: ids.job }), shows: () => ['阳台推拉门卡住关不上', '接单'] },
  { route: 'staff/record/index', account: 'agent-chen', shows: () => ['报事人', '联系电话', '问题描述', '登记工单'] },
  { route: 'staff/bills/index', account: 'agent-chen', shows: () => ['欠费总额', '1栋', '导出催缴'] },
  { route: 'staff/campaign/index', account: 'agent-chen', query: () => ({ id: ids.campaign }), shows: () => ['1栋 催缴', '提醒住户', '每位住户的送达情况'] },
  { route: 'staff/house-bills/index', account: 'agent-chen', query: () => ({ houseId: 'sunshine-1-1-301' }), shows: () => ['1栋1单元301', '物业费', seen.billAmount] },
  { route: 'staff/callbacks/index', account: 'agent-chen', shows: () => ['待回访', '已回访'] },
  { route: 'staff/figures/index', account: 'supervisor-liu', shows: () => ['平均分', '满意率', '钱伟'] },
  { route: 'staff/notices/index', account: 'agent-chen', shows: () => ['发布公告', '电梯年检通知'] },
  { route: 'staff/fees/index', account: 'supervisor-liu', shows: () => ['物业费', '¥2.50', '停车费'] },
  { route: 'staff/dashboard/index', account: 'supervisor-liu', shows: () => ['今日新增', '近七个月', '满意度均分', '6栋'] },
  // A 管理员 sees his zone (1–3栋) only.
  { route: 'staff/dashboard/index', account: 'manager-zhou', shows: () => ['今日新增', '近七个月', '1栋'], hides: ['6栋'] },
  { route: 'staff/settings/index', account: 'supervisor-liu', shows: () => ['服务时限', '常用回复', '营业时间'] },
  { route: 'staff/team/index', account: 'supervisor-liu', shows: () => ['刘芳', '周明', '赵强', '值班中'] },
  { route: 'staff/report/index', account: 'supervisor-liu', shows: () => ['工单构成', '高发问题', '导出 CSV'] },
  { route: 'account/bind/index', account: 'resident-zhang', shows: () => ['阳光花园', '您的身份', '提交绑定'] },
  { route: 'billing/receipt/index', account: 'resident-zhang', query: () => ({ no: ids.receipt }), shows: () => ['阳光花园', '物业费', ids.receipt] },
  { route: 'billing/dispute/index', account: 'resident-zhang', query: () => ({ billId: ids.billId, houseId: 'sunshine-1-1-301', about: ids.billAbout, amount: ids.billAmount }), shows: () => [seen.billAbout, seen.billAmount, '提交疑问'] },
  { route: 'tickets/list/index', account: 'resident-zhang', shows: () => ['卫生间地漏堵塞返水', '阳台推拉门卡住关不上', '待受理'] },
  { route: 'tickets/detail/index', account: 'resident-zhang', query: () => ({ id: ids.ticket }), shows: () => ['卫生间地漏堵塞返水', '处理进度'] },
  { route: 'notices/list/index', account: 'resident-zhang', shows: () => ['电梯年检通知'] },
  { route: 'notices/detail/index', account: 'resident-zhang', query: () => ({ id: ids.notice }), shows: () => ['电梯年检通知', '请错峰出行'] },
]

it('the cases cover every page of app.json, and only those', () => {
  expect([...new Set(PAGES.map((c) => c.route))].sort()).toEqual(allPages(h.app).sort())
})

describe.each(PAGES.map((c) => [c.route, c.account, c] as const))('%s as %s', (route, account, c) => {
  it('renders its content, with nothing WeChat would refuse', async () => {
    h.backend.as(account)
    h.reset()
    const page = await h.open(route, c.query?.() ?? {})
    const shows = c.shows()
    await h.until(page, (t) => shows.every((s) => t.includes(s)))
    for (const s of shows) expect(page.text()).toContain(s)
    for (const s of c.hides ?? []) expect(page.text()).not.toContain(s)
    expect(page.text()).not.toMatch(/出了点问题|加载中/)
    expect(h.problems()).toEqual(CLEAN)
  })
})

it('the dashboard charts paint real pixels on their 2d canvas nodes', async () => {
  h.backend.as('supervisor-liu')
  h.reset()
  h.canvases.length = 0
  const page = await h.open('staff/dashboard/index')
  await h.until(page, (t) => t.includes('近七个月'))
  // Two charts (工单量; 及时率、满意率与收缴率), each a few thousand pixels of lines and bars.
  await h.waitFor(() => h.canvases.length >= 2 && h.canvases.every((c) => c.painted() > 2000))
  expect(h.canvases.map((c) => c.id).sort()).toEqual(expect.arrayContaining([expect.any(String), expect.any(String)]))
  expect(h.canvases.length).toBeGreaterThanOrEqual(2)
  for (const c of h.canvases) expect(c.painted()).toBeGreaterThan(2000)
  expect(h.problems()).toEqual(CLEAN)
})
