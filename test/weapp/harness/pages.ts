import type { demoHost } from './host'

/**
 * Every page of the weapp build with the account that uses it, the query it needs and what it
 * must show; the records those queries name are made by `makeFixtures` on the demo host.
 */
type Backend = Awaited<ReturnType<typeof demoHost>>
export const ids: Record<string, string> = {}

export async function makeFixtures(b: Backend) {
  ids.ticket = (
    await b.ok('resident-zhang', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: 'sunshine-1-1-301',
      category: 'water_electric',
      description: '卫生间地漏堵塞返水',
      photos: [],
    })
  ).id
  ids.notice = (
    await b.ok('agent-chen', 'notices', 'publish', {
      category: 'general',
      title: '电梯年检通知',
      body: '本周五上午电梯年检，请错峰出行',
      audience: { scope: 'community', targets: [] },
    })
  ).id
  ids.receipt = (await b.ok('resident-zhang', 'bills', 'history', { offset: 0, limit: 5 })).items.find((x: { receiptNo?: string }) => x.receiptNo).receiptNo
  ids.round = (await b.ok('manager-zhou', 'patrol', 'start', { routeId: 'sunshine-rt-daily' })).id
  ids.campaign = (await b.ok('agent-chen', 'bills', 'startCampaign', { building: '1' })).id
}

export type Case = { account: string; query?: () => Record<string, string>; shows: string[] }
export const PAGES: Record<string, Case> = {
  'pages/index/index': { account: 'resident-zhang', shows: ['阳光花园', '1栋1单元301', '24 小时应急电话'] },
  'pages/report/index': { account: 'resident-zhang', shows: ['要办什么', '问题描述', '1栋1单元301'] },
  'pages/messages/index': { account: 'resident-zhang', shows: ['电梯年检通知'] },
  'pages/mine/index': { account: 'resident-zhang', shows: ['张建国', '我的房屋', '1栋1单元301'] },
  'pages/bills/index': { account: 'resident-zhang', shows: ['待缴总额', '缴费记录'] },
  'staff/home/index': { account: 'agent-chen', shows: ['陈静', '新工单', '代客报事'] },
  'staff/bindings/index': { account: 'agent-chen', shows: ['待审核'] },
  'staff/inbox/index': { account: 'agent-chen', shows: ['新工单', '卫生间地漏堵塞返水', '138****0301'] },
  'staff/ticket/index': { account: 'agent-chen', query: () => ({ id: ids.ticket }), shows: ['张建国', '卫生间地漏堵塞返水', '待受理'] },
  'staff/record/index': { account: 'agent-chen', shows: ['报事人', '联系电话', '问题描述'] },
  'staff/bills/index': { account: 'supervisor-liu', shows: ['欠费总额', '1栋'] },
  'staff/campaign/index': { account: 'agent-chen', query: () => ({ id: ids.campaign }), shows: ['1栋'] },
  'staff/house-bills/index': { account: 'agent-chen', query: () => ({ houseId: 'sunshine-1-1-301' }), shows: ['1栋1单元301', '物业费'] },
  'staff/house/index': {
    account: 'agent-chen',
    query: () => ({ houseId: 'sunshine-1-1-301' }),
    shows: ['1栋1单元301', '张建国', '138****0301', '卫生间地漏堵塞返水', '物业费', '绑定记录'],
  },
  'staff/callbacks/index': { account: 'agent-chen', shows: ['待回访'] },
  'staff/figures/index': { account: 'supervisor-liu', shows: ['平均分', '满意率'] },
  'staff/notices/index': { account: 'agent-chen', shows: ['发布公告', '电梯年检通知'] },
  'staff/fees/index': { account: 'supervisor-liu', shows: ['物业费', '停车费'] },
  'staff/dashboard/index': { account: 'supervisor-liu', shows: ['今日新增', '满意度均分'] },
  'staff/settings/index': { account: 'supervisor-liu', shows: ['服务时限', '常用回复'] },
  'staff/team/index': { account: 'supervisor-liu', shows: ['刘芳', '周明', '值班'] },
  'staff/monthly-report/index': { account: 'supervisor-liu', shows: ['工单构成', '高发问题'] },
  'zone/patrol/index': { account: 'manager-zhou', shows: ['1–3栋日常巡查', '设备房周检', '继续巡查', '巡查点二维码'] },
  'zone/qr-sheet/index': { account: 'manager-zhou', shows: ['共 7 个巡查点', '第 1/2 页', '保存或发送本页图片'] },
  'zone/round/index': {
    account: 'manager-zhou',
    query: () => ({ id: ids.round }),
    shows: ['1–3栋日常巡查', '扫码检查点位', '2栋消防通道', '无法扫码，手动检查'],
  },
  'zone/vacancies/index': { account: 'manager-zhou', shows: ['本月已查 0/2 套', '3栋2单元801', '业主托管', '2栋1单元1502', '登记空置房'] },
  'zone/vacancy/index': {
    account: 'manager-zhou',
    query: () => ({ houseId: 'sunshine-2-1-1502' }),
    shows: ['2栋1单元1502', '空置中', '开始本月检查', '电表 1206.1 度，上次以来走了 1.6 度', '已入住，结束空置'],
  },
  'zone/decorations/index': { account: 'manager-zhou', shows: ['施工中', '2栋2单元1102', '扫码核验装修许可证'] },
  'zone/decoration/index': {
    account: 'manager-zhou',
    query: () => ({ id: 'zx_demo_2-2-1102' }),
    shows: ['2栋2单元1102', '施工中', '开始完工验收', '登记违规', '装修垃圾堆放在楼梯间', '押金 ¥2000.00 · 已缴'],
  },
  'zone/patrol-setup/index': { account: 'manager-zhou', shows: ['巡查路线', '1–3栋日常巡查', '每天 11:00 前', '水泵房', '新增点位'] },
  'zone/permit/index': { account: 'tech-zhao', shows: ['扫描装修许可证'] },
  'resident/decoration/home/index': {
    account: 'resident-zhang',
    query: () => ({ houseId: 'sunshine-1-1-301' }),
    shows: ['1栋1单元301', '施工时间：工作日 8:00–12:00', '申请装修'],
  },
  'resident/decoration/apply/index': { account: 'resident-zhang', query: () => ({ houseId: 'sunshine-1-1-301' }), shows: ['施工单位', '施工人员', '提交申请'] },
  'zone/vendors/index': { account: 'manager-zhou', shows: ['洁美保洁服务有限公司', '整改逾期 1', '还剩 20 天', '迅达电梯维保有限公司'] },
  'zone/vendor/index': {
    account: 'manager-zhou',
    query: () => ({ id: 'sunshine-vd-clean' }),
    shows: ['洁美保洁服务有限公司', '垃圾桶及时清运、无满溢', '逾期未改', '复查通过', '近六个月', '开始品质检查'],
  },
  'zone/report/index': {
    account: 'manager-zhou',
    shows: ['周明 · 1、2、3栋', '报修率（每百户）', '巡查完成率', '空置房本月已查', '洁美保洁服务有限公司', '提交给客服主任'],
  },
  'resident/account/vacancy/index': {
    account: 'resident-zhang',
    query: () => ({ houseId: 'sunshine-1-1-301' }),
    shows: ['1栋1单元301', '登记空置并申请托管巡查', '还没有检查记录'],
  },
  'resident/account/bind/index': { account: 'resident-wu', shows: ['阳光花园', '您的身份', '提交绑定', '个人信息保护提示', '微信手机号快速验证'] },
  'resident/account/members/index': {
    account: 'resident-zhang',
    query: () => ({ houseId: 'sunshine-1-1-301' }),
    shows: ['1栋1单元301', '张建国（我）', '138****0301', '解除绑定'],
  },
  'resident/billing/receipt/index': { account: 'resident-zhang', query: () => ({ no: ids.receipt }), shows: ['阳光花园', '物业费'] },
  'resident/billing/dispute/index': {
    account: 'resident-zhang',
    query: () => ({ houseId: 'sunshine-1-1-301', billId: 'b1', about: encodeURIComponent('物业费 2026-11'), amount: '22913' }),
    shows: ['¥229.13', '提交疑问'],
  },
  'resident/tickets/list/index': { account: 'resident-zhang', shows: ['卫生间地漏堵塞返水', '待受理'] },
  'resident/tickets/detail/index': { account: 'resident-zhang', query: () => ({ id: ids.ticket }), shows: ['卫生间地漏堵塞返水', '处理进度'] },
  'resident/notices/list/index': { account: 'resident-zhang', shows: ['电梯年检通知'] },
  'resident/notices/detail/index': { account: 'resident-zhang', query: () => ({ id: ids.notice }), shows: ['电梯年检通知', '请错峰出行'] },
}
