import { handlePayNotice } from '../../cloudfunctions/payCallback/notice'
import { FUNCTIONS } from '../../scripts/host/functions'
import { harness, T0, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG_HOUSE = 'sunshine-1-1-301'
const leak = {
  type: 'repair',
  scope: 'home',
  houseId: ZHANG_HOUSE,
  category: 'water_electric',
  description: '厨房水管接口漏水，地面已经积水',
  photos: [] as string[],
}
const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
/** What someone was told about tickets (a 管理员 also hears of his overdue patrol rounds, which these tests leave unwalked). */
const messagesOf = async (account: string) =>
  (await h.store.c.messages.find({ where: { openid: `dev-${account}` }, orderBy: [['createdAt', 'asc']], limit: 200 })).filter(
    (m) => !m.page.startsWith('/zone/'),
  )
const MIN = 60_000

describe('tickets: the whole loop', () => {
  it('report → reply → dispatch → accept → arrive → complete → confirm, with every step in the timeline and in 消息', async () => {
    const photo = await h.upload('resident-zhang')
    const before = { ...h.store.stats }
    const t = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, photos: [photo] })
    expect(h.store.stats.writes - before.writes).toBeLessThanOrEqual(4)
    expect(t).toMatchObject({ no: 'BX-20261124-0001', status: 'new', place: '1栋1单元301', next: { key: 'respond', minutesLeft: 30 } })

    const inbox = await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'new' })
    expect(inbox.counts.new).toBe(1)
    expect(inbox.items[0]).toMatchObject({ id: t.id, reporterPhone: '138****0301' })

    const [reply] = await h.ok('agent-chen', 'tickets', 'savedReplies', {})
    await h.ok('agent-chen', 'tickets', 'message', { ticketId: t.id, text: reply.text })
    // Answered: the resident's page no longer promises an answer it already has.
    const replied = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    expect(replied).toMatchObject({ status: 'new', respondedAt: expect.any(Number) })
    expect(replied.promise).toMatch(/^客服已受理，正在安排师傅/)
    const handlers = await h.ok('agent-chen', 'tickets', 'handlers', { department: 'engineering' })
    expect(handlers.map((x: { name: string }) => x.name)).toEqual(['赵强'])
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })

    // Offered the job, 赵强 sees a masked number and cannot call; once he takes it, the whole one.
    const queue = await h.ok('tech-zhao', 'tickets', 'inbox', { tab: 'all' })
    expect(queue.items[0]).toMatchObject({ id: t.id, reporterPhone: '138****0301' })
    expect(await h.call('tech-zhao', 'tickets', 'callReporter', { ticketId: t.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '接单后才能拨打住户电话' },
    })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    expect((await h.ok('tech-zhao', 'tickets', 'detail', { ticketId: t.id })).reporterPhone).toBe('13800000301')
    await h.ok('tech-zhao', 'tickets', 'arrive', { ticketId: t.id })
    const done = await h.ok('tech-zhao', 'tickets', 'complete', {
      ticketId: t.id,
      note: '更换了厨房水管接头',
      photos: [await h.upload('tech-zhao')],
      costItems: [
        { name: '水管接头', amount: 3500 },
        { name: '人工费', amount: 5000 },
      ],
    })
    expect(done.status).toBe('resolved')

    const detail = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    // The cost is a bill of his house, in 账单, paid like any other; the ticket says so.
    expect(detail.fee).toEqual({ billId: expect.any(String), amount: 8500, status: 'unpaid' })
    const fee = (await h.ok('resident-zhang', 'bills', 'myBills')).houses[0].bills.find((b: { itemName: string }) => b.itemName === '维修费')
    expect(fee).toMatchObject({ id: detail.fee.billId, amount: 8500, periodLabel: `工单 ${t.no}`, basis: '水管接头 ¥35.00、人工费 ¥50.00' })
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'reply', 'dispatched', 'accepted', 'arrived', 'completed'])
    expect(detail.timeline.every((e: { at: number }) => e.at > 0)).toBe(true)
    expect(detail.cost).toEqual({
      items: [
        { name: '水管接头', amount: 3500 },
        { name: '人工费', amount: 5000 },
      ],
      total: 8500,
    })
    expect(detail.can).toEqual(expect.arrayContaining(['confirm', 'reopen']))
    expect(detail.sla.respond.metAt).toBeDefined()
    expect(detail.reporterPhone).toBe('138****0301')

    const titles = (await messagesOf('resident-zhang')).map((m) => m.title)
    expect(titles).toEqual(['客服回复了您的工单', '工单已派单', '师傅已接单', '师傅已到场', '维修已完成'])
    expect((await messagesOf('tech-zhao')).map((m) => m.title)).toEqual(['新派单'])

    expect((await h.ok('resident-zhang', 'tickets', 'confirm', { ticketId: t.id })).status).toBe('closed')
  })

  it('numbers are unique per community and day under concurrency', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => h.call<{ no: string }>('resident-zhang', 'tickets', 'create', leak)))
    const nos = made.map((r) => (r.ok ? r.data.no : r.error.code)).sort()
    expect(nos).toEqual(Array.from({ length: 8 }, (_, i) => `BX-20261124-000${i + 1}`))
  })

  it('two agents dispatching at once: exactly one wins, the other gets CONFLICT', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    const [a, b] = await Promise.all([
      h.call('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' }),
      h.call('supervisor-liu', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-cleaner-sun' }),
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } })
    expect(await h.store.c.ticketEvents.count({ ticketId: t.id, kind: 'dispatched' })).toBe(1)
  })

  it('handlers for dispatch: one department or everyone, lightest load first, then on duty, then by name', async () => {
    // A handler who cannot sign in, as scripts/seed/history/ adds on the host: 赵强's department, not on duty.
    const users = h.store.c.users
    const { communityId } = (await users.get('dev-tech-zhao'))!.staff!
    await users.set({
      _id: 'staff-qian',
      nickname: '钱伟',
      createdAt: T0,
      updatedAt: T0,
      staff: { name: '钱伟', communityId, roles: ['handler'], department: 'engineering' },
    })
    type Row = { name: string; department: string; onDuty: boolean; openLoad: number }
    const list = async (department?: string) =>
      ((await h.ok('agent-chen', 'tickets', 'handlers', department ? { department } : {})) as Row[]).map((x) => [x.name, x.department, x.onDuty, x.openLoad])

    // Equal load: the one on duty first, then by name (钱 before 孙).
    expect(await list('engineering')).toEqual([
      ['赵强', 'engineering', true, 0],
      ['钱伟', 'engineering', false, 0],
    ])
    expect(await list()).toEqual([
      ['赵强', 'engineering', true, 0],
      ['钱伟', 'engineering', false, 0],
      ['孙丽', 'cleaning', false, 0],
    ])
    expect(await list('greening')).toEqual([])

    // Load comes first: with an open ticket 赵强 goes behind everyone idle.
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    expect(await list('engineering')).toEqual([
      ['钱伟', 'engineering', false, 0],
      ['赵强', 'engineering', true, 1],
    ])
    expect((await list()).map(([name]) => name)).toEqual(['钱伟', '孙丽', '赵强'])
  })
})

describe('tickets: a paid repair’s cost', () => {
  it('zhang pays the 维修费 in the app; the ticket shows it paid with its receipt, which names the ticket', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'arrive', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换水管接头', costItems: [{ name: '水管接头', amount: 3550 }] })
    const [told] = await h.store.c.messages.find({ where: { openid: 'dev-resident-zhang', title: '维修已完成' }, limit: 1 })
    expect(told.body).toBe('赵强师傅已完工，费用 35.50 元（水管接头 35.50），可在「账单」缴纳，请确认是否解决')
    const { fee } = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    const order = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [fee.billId] })
    expect(order.totalFee).toBe(3550)
    await h.payments.markPaid(order.outTradeNo)
    await handlePayNotice(
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: order.outTradeNo, totalFee: 3550, transactionId: `SIM${order.outTradeNo}` },
      { openid: null, source: 'payment' },
      h.deps,
    )
    const paid = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    expect(paid.fee).toMatchObject({ status: 'paid', receiptNo: expect.stringMatching(/^SJ/) })
    const receipt = await h.ok('resident-zhang', 'bills', 'receipt', { receiptNo: paid.fee.receiptNo })
    expect(receipt.lines).toEqual([expect.objectContaining({ itemName: '维修费', periodLabel: `工单 ${t.no}`, amount: 3550 })])
    // Reopened and completed again at another price: the money already in is not rewritten.
    await h.ok('resident-zhang', 'tickets', 'reopen', { ticketId: t.id, reason: '接头还在渗水' })
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'arrive', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '重新缠生料带', costItems: [{ name: '水管接头', amount: 9900 }] })
    expect(await h.store.c.bills.get(fee.billId)).toMatchObject({ status: 'paid', amount: 3550 })
  })
})

describe('tickets: the visit agreed at 接单', () => {
  it('赵强 accepts zhang’s repair with a visit: zhang is told it, his page says it, and the arrive promise is its end', async () => {
    // T0 is Tuesday 24 November 10:00; zhang asked for tomorrow morning.
    const wish = { start: Date.UTC(2026, 10, 25, 1), end: Date.UTC(2026, 10, 25, 4) }
    const t = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, window: wish })
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    const [row] = (await h.ok('tech-zhao', 'tickets', 'inbox', { tab: 'mine' })).items
    expect(row).toMatchObject({ id: t.id, window: wish })
    expect(row.visit).toBeUndefined()

    const before = await h.store.c.tickets.get(t.id)
    expect(await h.call('tech-zhao', 'tickets', 'accept', { ticketId: t.id, visit: { start: T0 - 4 * 3600_000, end: T0 - 3600_000 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择今后的上门时间', fields: { visit: '请选择今后的上门时间' } },
    })
    expect(await h.store.c.tickets.get(t.id)).toEqual(before)

    // He can come in the afternoon instead: 13:00–18:00 tomorrow.
    const visit = { start: Date.UTC(2026, 10, 25, 5), end: Date.UTC(2026, 10, 25, 10) }
    const accepted = await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id, visit })
    expect(accepted).toMatchObject({
      status: 'accepted',
      visit,
      promise: '赵强师傅已接单，约好 明天 13:00–18:00 上门',
      next: { key: 'arrive', due: visit.end },
    })
    const seen = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    expect(seen.promise).toBe('赵强师傅已接单，约好 明天 13:00–18:00 上门')
    expect(seen.timeline.map((e: { text: string }) => e.text)).toContain('已接单，约好 明天 13:00–18:00 上门')
    const [told] = await h.store.c.messages.find({ where: { openid: 'dev-resident-zhang', title: '师傅已接单' }, limit: 1 })
    expect(told.body).toBe('赵强师傅已接单，约好 明天 13:00–18:00 上门')
  })

  it('改约 after 接单: the new window replaces the old, zhang is told why, the arrive promise follows, and each move is counted', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id, visit: { start: Date.UTC(2026, 10, 25, 1), end: Date.UTC(2026, 10, 25, 4) } })
    // The part is late: Thursday afternoon instead (26 November, 13:00–18:00).
    const later = { start: Date.UTC(2026, 10, 26, 5), end: Date.UTC(2026, 10, 26, 10) }
    const moved = await h.ok('tech-zhao', 'tickets', 'reschedule', { ticketId: t.id, visit: later, reason: '配件明天才到' })
    expect(moved).toMatchObject({ status: 'accepted', visit: later, next: { key: 'arrive', due: later.end } })
    expect((await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).promise).toContain('11月26日 13:00–18:00')
    const [told] = await h.store.c.messages.find({ where: { openid: 'dev-resident-zhang', title: '上门时间已改约' }, limit: 1 })
    expect(told.body).toBe('赵强师傅改为 11月26日 13:00–18:00 上门：配件明天才到')
    // The desk moves it once more at zhang's request: 赵强 hears of it, the visit counts two moves.
    const again = { start: Date.UTC(2026, 10, 27, 1), end: Date.UTC(2026, 10, 27, 4) }
    await h.ok('agent-chen', 'tickets', 'reschedule', { ticketId: t.id, visit: again, reason: '住户周四不在家' })
    expect((await h.store.c.tickets.get(t.id))!.visit).toMatchObject({ ...again, moved: 2 })
    expect((await h.store.c.messages.find({ where: { openid: 'dev-tech-zhao', title: '上门时间已改约' }, limit: 5 })).length).toBe(1)

    // Refused, writing nothing: a past window, no reason, a resident, someone else's job, once he is there.
    const before = await h.store.c.tickets.get(t.id)
    const past = { start: T0 - 4 * 3600_000, end: T0 - 3600_000 }
    expect(await h.call('tech-zhao', 'tickets', 'reschedule', { ticketId: t.id, visit: past, reason: '改时间' })).toMatchObject({
      error: { fields: { visit: '请选择今后的上门时间' } },
    })
    expect(await h.call('tech-zhao', 'tickets', 'reschedule', { ticketId: t.id, visit: again, reason: '' })).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    expect(await h.call('resident-zhang', 'tickets', 'reschedule', { ticketId: t.id, visit: again, reason: '我周五不在家' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    // Another handler does not even see it.
    expect(await h.call('cleaner-sun', 'tickets', 'reschedule', { ticketId: t.id, visit: again, reason: '改时间了' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.store.c.tickets.get(t.id)).toEqual(before)
    await h.ok('tech-zhao', 'tickets', 'arrive', { ticketId: t.id })
    expect(await h.call('tech-zhao', 'tickets', 'reschedule', { ticketId: t.id, visit: again, reason: '改时间了' })).toMatchObject({
      error: { code: 'INVALID_STATE' },
    })
  })

  it('his queue runs by what is due first: the agreed visit, else the next promise', async () => {
    const late = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, window: { start: Date.UTC(2026, 10, 27, 1), end: Date.UTC(2026, 10, 27, 4) } })
    const soon = await h.ok('resident-zhang', 'tickets', 'create', {
      ...leak,
      description: '卫生间灯不亮了，开关没反应',
      window: { start: Date.UTC(2026, 10, 24, 5), end: Date.UTC(2026, 10, 24, 10) },
    })
    const lobby = await h.ok('resident-zhang', 'tickets', 'create', {
      ...leak,
      scope: 'public',
      building: '1',
      location: '1栋大堂',
      category: 'facility',
      description: '大堂顶灯闪烁不停',
    })
    for (const t of [late, soon, lobby]) await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    const order = async () => (await h.ok('tech-zhao', 'tickets', 'inbox', { tab: 'mine' })).items.map((x: { id: string }) => x.id)
    // Today's afternoon window, then the lobby (its visit promise: the end of the next business day), then Friday.
    expect(await order()).toEqual([soon.id, lobby.id, late.id])
    // Agreeing Thursday morning for the Friday job moves it ahead of the lobby.
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: late.id, visit: { start: Date.UTC(2026, 10, 25, 1), end: Date.UTC(2026, 10, 25, 4) } })
    expect(await order()).toEqual([soon.id, late.id, lobby.id])
  })
})

describe('tickets: staff subscribe messages', () => {
  it('a handler who subscribes at 接单 gets the next 派单 and 催单 as WeChat pushes, one per grant', async () => {
    const keys = ['newOrder', 'ticketAlert'] // src/staff/subscribe.ts staffTemplates(['handler'])
    const pushesTo = (openid: string) => h.notifier.sent.filter((m) => m.openid === openid).map((m) => m.templateKey)
    const first = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: first.id, assignee: 'dev-tech-zhao' })
    await tick()
    expect(pushesTo('dev-tech-zhao')).toEqual([]) // never asked: the in-app message only

    // What the staff ticket page does at the 接单 tap (H5 stands in for WeChat's panel with accepts).
    expect((await h.ok('tech-zhao', 'account', 'subscribeTemplates', { keys })).map((t: { key: string }) => t.key)).toEqual(keys)
    expect((await h.ok('tech-zhao', 'account', 'recordSubscriptions', { results: { newOrder: 'accept', ticketAlert: 'accept' } })).granted).toEqual(keys)
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: first.id })

    const second = await h.ok('resident-li', 'tickets', 'create', { ...leak, houseId: 'sunshine-1-1-401' })
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: second.id, assignee: 'dev-tech-zhao' })
    h.clock.advance(31 * MIN)
    await h.ok('resident-li', 'tickets', 'urge', { ticketId: second.id })
    await tick()
    expect(pushesTo('dev-tech-zhao').sort()).toEqual(keys)
    // One accept, one message: the third 派单 lands in the message center only.
    const third = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, description: '卫生间地漏堵塞，排水很慢' })
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: third.id, assignee: 'dev-tech-zhao' })
    await tick()
    expect(pushesTo('dev-tech-zhao').sort()).toEqual(keys)
    expect(await h.store.c.subscriptions.get('dev-tech-zhao_newOrder')).toMatchObject({ accepted: 1, sent: 1 })
  })
})

describe('tickets: the escalation ladder (injected clock)', () => {
  it('an untouched ticket warns, then escalates to manager-zhou, then supervisor-liu — each once', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    h.clock.advance(23 * MIN)
    await tick()
    expect(await messagesOf('agent-chen')).toEqual([]) // 23 of 30 minutes: not yet 80%
    h.clock.advance(2 * MIN)
    await tick()
    expect((await messagesOf('agent-chen')).map((m) => m.title)).toEqual(['工单即将超时'])
    h.clock.advance(6 * MIN)
    await tick()
    expect((await messagesOf('manager-zhou')).map((m) => m.title)).toEqual(['工单已超时'])
    expect(await messagesOf('supervisor-liu')).toEqual([])
    h.clock.advance(15 * MIN)
    await tick()
    await tick()
    expect((await messagesOf('supervisor-liu')).map((m) => m.title)).toEqual(['工单严重超时'])
    const staff = await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })
    expect(
      staff.timeline.filter((e: { kind: string }) => e.kind === 'warned' || e.kind === 'escalated').map((e: { text: string }) => e.text.slice(0, 6)),
    ).toEqual(['响应即将超时', '响应已超时（', '响应严重超时'])
    expect(staff.overdue).toBe(true)
    // Residents never see the internal escalation steps.
    const mine = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    expect(mine.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created'])
    expect((await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'overdue' })).counts.overdue).toBe(1)
  })

  it('an emergency pages the on-duty staff and the building 管理员 at once, at 3 a.m.', async () => {
    h.clock.set(Date.UTC(2026, 10, 24, 19, 0)) // 03:00 in Shanghai
    const t = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, emergency: 'severe_leak' })
    expect(t).toMatchObject({ priority: 'emergency', next: { minutesLeft: 5 } })
    for (const who of ['tech-zhao', 'supervisor-liu', 'manager-zhou']) expect((await messagesOf(who)).map((m) => m.title)).toEqual(['紧急：严重漏水'])
    expect(await messagesOf('agent-chen')).toEqual([])
    const d = await h.ok('supervisor-liu', 'tickets', 'detail', { ticketId: t.id })
    expect(d.timeline[1].text).toContain('赵强')
  })

  it('a paused ticket does not escalate, and resumes with its time intact', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'pause', { ticketId: t.id, reason: 'parts', note: '等阀门到货' })
    h.clock.advance(5 * 24 * 60 * MIN)
    await tick()
    expect((await messagesOf('manager-zhou')).length).toBe(0)
    const d = await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })
    expect(d).toMatchObject({ status: 'paused', overdue: false })
    const r = await h.ok('tech-zhao', 'tickets', 'resume', { ticketId: t.id })
    expect(r.status).toBe('accepted')
    expect(r.next.minutesLeft).toBeGreaterThan(0)
  })

  it('reassigning a paused ticket resumes its clock: the paused time pushes the deadlines back, nothing escalates', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'pause', { ticketId: t.id, reason: 'parts', note: '等阀门到货' })
    const tickets = h.store.c.tickets
    const paused = (await tickets.get(t.id))!
    // Three days later (Friday 10:00): without the pause, arrive and resolve would be far past their escalation times.
    h.clock.advance(3 * 24 * 60 * MIN)
    const r = await h.ok('agent-chen', 'tickets', 'reassign', { ticketId: t.id, assignee: 'dev-cleaner-sun', reason: '赵师傅休假' })
    expect(r).toMatchObject({ status: 'dispatched', overdue: false })
    expect(r.next.minutesLeft).toBeGreaterThan(0)
    const after = (await tickets.get(t.id))!
    expect(after.sla.pausedAt).toBeUndefined()
    expect(after.sla.arrive!.due).toBeGreaterThan(paused.sla.arrive!.due + 2 * 24 * 60 * MIN)
    expect(after.sla.resolve!.due).toBeGreaterThan(paused.sla.resolve!.due + 2 * 24 * 60 * MIN)
    await tick()
    for (const who of ['manager-zhou', 'supervisor-liu']) expect(await messagesOf(who)).toEqual([])
    const d = await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })
    expect(d).toMatchObject({ status: 'dispatched', overdue: false })
    expect(d.timeline.filter((e: { kind: string }) => e.kind === 'escalated')).toEqual([])
  })

  it('a note for the handler and a reason for reassigning reach staff only, never the resident', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao', note: '住户脾气急，带6分管接头' })
    await h.ok('agent-chen', 'tickets', 'reassign', { ticketId: t.id, assignee: 'dev-cleaner-sun', reason: '赵师傅手上活太多' })
    const texts = (d: { timeline: { text: string }[] }) => d.timeline.map((e) => e.text).join('\n')
    const resident = texts(await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id }))
    expect(resident).toContain('派单给工程部赵强')
    expect(resident).toContain('改派给孙丽')
    expect(resident).not.toContain('脾气')
    expect(resident).not.toContain('活太多')
    const staff = texts(await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id }))
    expect(staff).toContain('给师傅的备注：住户脾气急，带6分管接头')
    expect(staff).toContain('改派原因：赵师傅手上活太多')
    const told = (await messagesOf('resident-zhang')).map((m) => `${m.title}${m.body}`).join('\n')
    expect(told).not.toContain('脾气')
  })

  it('the desk calls with one tap: the full number only to staff on the ticket, each look in the audit trail', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    expect((await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })).reporterPhone).toBe('138****0301')
    expect(await h.ok('agent-chen', 'tickets', 'callReporter', { ticketId: t.id })).toEqual({ phone: '13800000301' })
    const [look] = await h.store.c.audit.find({ where: { communityId: 'sunshine' }, limit: 10 })
    expect(look).toMatchObject({ kind: 'phone', actorName: '陈静', summary: `拨打 ${t.no} 报事人 张建国` })
    // Not the handler before it is his, not another resident; a 管理员 in his zone only.
    expect(await h.call('tech-zhao', 'tickets', 'callReporter', { ticketId: t.id })).toMatchObject({ ok: false })
    expect(await h.call('resident-li', 'tickets', 'callReporter', { ticketId: t.id })).toMatchObject({ ok: false })
    expect(await h.ok('manager-zhou', 'tickets', 'callReporter', { ticketId: t.id })).toEqual({ phone: '13800000301' })
    const far = await h.ok('agent-chen', 'tickets', 'record', {
      ...leak,
      houseId: 'sunshine-4-1-301',
      source: 'phone',
      reporterName: '赵六',
      reporterPhone: '13900000401',
    })
    expect(await h.call('manager-zhou', 'tickets', 'callReporter', { ticketId: far.id })).toMatchObject({ ok: false })
  })

  it('代客报事 finds the resident on file by room or phone, masked, and the ticket carries the number on file', async () => {
    const byRoom = await h.ok('agent-chen', 'tickets', 'reporters', { q: '1栋1单元301' })
    expect(byRoom.houses).toEqual([
      { houseId: 'sunshine-1-1-301', label: '1栋1单元301', people: [{ key: 'a.0', name: '张建国', role: '业主', phone: '138****0301', bound: true }] },
    ])
    // The last four digits find the same house; a number nobody has finds none.
    expect((await h.ok('agent-chen', 'tickets', 'reporters', { q: '0301' })).houses.map((x: { houseId: string }) => x.houseId)).toContain('sunshine-1-1-301')
    expect((await h.ok('agent-chen', 'tickets', 'reporters', { q: '13712345678' })).houses).toEqual([])
    expect(await h.call('agent-chen', 'tickets', 'reporters', { q: '张' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // A 管理员 of 1–3栋 does not see 4栋's people; a handler may not look anyone up.
    expect((await h.ok('manager-zhou', 'tickets', 'reporters', { q: '4-1-301' })).houses).toEqual([])
    expect(await h.call('tech-zhao', 'tickets', 'reporters', { q: '1-1-301' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const t = await h.ok('agent-chen', 'tickets', 'record', { ...leak, source: 'phone', reporterName: '张建国', reporterKey: 'a.0' })
    const doc = await h.store.c.tickets.get(t.id)
    // The number on file, and zhang's own ticket in the app because it is his bound number.
    expect(doc).toMatchObject({ reporter: { name: '张建国', phone: '13800000301' }, reporterOpenid: 'dev-resident-zhang' })
    expect((await h.ok('resident-zhang', 'tickets', 'mine', {})).items.map((x: { id: string }) => x.id)).toContain(t.id)
    const writes = h.store.stats.writes
    expect(await h.call('agent-chen', 'tickets', 'record', { ...leak, source: 'phone', reporterName: '张建国', reporterKey: 'a.7' })).toMatchObject({
      ok: false,
      error: { fields: { reporterKey: '请重新选择报事人' } },
    })
    expect(await h.call('agent-chen', 'tickets', 'record', { ...leak, source: 'phone', reporterName: '张建国' })).toMatchObject({
      ok: false,
      error: { fields: { reporterPhone: '请填写 11 位手机号' } },
    })
    expect(h.store.stats.writes).toBe(writes)
  })

  it('a merged reporter follows the master and is told when it completes', async () => {
    const li = await h.ok('resident-li', 'tickets', 'create', { ...leak, houseId: 'sunshine-1-1-401', description: '楼下说我家漏水，请来看看' })
    const zhang = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, description: '天花板渗水，可能是楼上漏水' })
    await h.ok('agent-chen', 'tickets', 'link', { ticketId: zhang.id, otherId: li.id })
    const dup = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, description: '再报一次：天花板渗水' })
    await h.ok('agent-chen', 'tickets', 'merge', { ticketId: dup.id, masterId: li.id })
    expect(await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: dup.id })).toMatchObject({ status: 'merged', mergedIntoNo: li.no })
    // zhang can now open li's master ticket as a follower.
    expect((await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: li.id })).links.map((l: { no: string }) => l.no)).toContain(dup.no)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: li.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: li.id })
    await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: li.id, note: '修好了楼上的水管' })
    const zhangMsgs = (await messagesOf('resident-zhang')).map((m) => m.title)
    expect(zhangMsgs).toEqual(['工单已合并处理', '工单已派单', '师傅已接单', '维修已完成'])
    expect((await messagesOf('resident-li')).map((m) => m.title)).toEqual(['工单已派单', '师傅已接单', '维修已完成'])
  })

  it('resolved work closes itself after 48 hours without a reopen', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, type: 'question', category: 'other', description: '请问物业费怎么交？' })
    await h.ok('agent-chen', 'tickets', 'resolve', { ticketId: t.id, note: '可在小程序账单页在线缴纳' })
    h.clock.advance(47 * 60 * MIN)
    await tick()
    expect((await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).status).toBe('resolved')
    h.clock.advance(61 * MIN)
    await tick()
    expect((await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).status).toBe('closed')
  })
})

describe('tickets: authorization and bad input', () => {
  it('a resident never sees or touches another house’s ticket', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    for (const [action, data] of [
      ['detail', { ticketId: t.id }],
      ['urge', { ticketId: t.id }],
      ['cancel', { ticketId: t.id }],
      ['message', { ticketId: t.id, text: '我来看看' }],
    ] as const) {
      expect(await h.call('resident-li', 'tickets', action, data)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(await h.call('resident-li', 'tickets', 'create', { ...leak })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.ok('resident-li', 'tickets', 'mine', {})).total).toBe(0)
  })

  it('a handler acts only on tickets assigned to them; residents cannot dispatch', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    expect(await h.call('resident-zhang', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    expect(await h.call('cleaner-sun', 'tickets', 'accept', { ticketId: t.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '还没接单就完工' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect((await h.ok('cleaner-sun', 'tickets', 'inbox', { tab: 'all' })).items).toEqual([])
  })

  it('a retried 报事 with the same request id files one ticket, even when both tries race', async () => {
    const before = await h.store.c.tickets.count()
    const first = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, requestId: 'draft-0001' })
    // The answer was lost; the resident taps 提交 again.
    const again = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, requestId: 'draft-0001' })
    expect(again).toMatchObject({ id: first.id, no: first.no })
    const [a, b] = await Promise.all([
      h.ok('resident-zhang', 'tickets', 'create', { ...leak, requestId: 'draft-0002' }),
      h.ok('resident-zhang', 'tickets', 'create', { ...leak, requestId: 'draft-0002' }),
    ])
    expect(a.id).toBe(b.id)
    expect(await h.store.c.tickets.count()).toBe(before + 2)
    expect(await h.store.c.ticketEvents.count({ ticketId: first.id })).toBe(1)
    // A new draft is a new ticket; the same id sent by someone else is theirs, not zhang's.
    expect((await h.ok('resident-zhang', 'tickets', 'create', { ...leak, requestId: 'draft-0003' })).id).not.toBe(first.id)
    const li = await h.ok('resident-li', 'tickets', 'create', { ...leak, houseId: 'sunshine-1-1-401', requestId: 'draft-0001' })
    expect(li.id).not.toBe(first.id)
    expect(await h.call('resident-zhang', 'tickets', 'create', { ...leak, requestId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { requestId: expect.any(String) } },
    })
  })

  it('bad input is refused with the field and writes nothing', async () => {
    const before = await h.store.c.tickets.count()
    const events = await h.store.c.ticketEvents.count()
    for (const bad of [
      { ...leak, description: '漏水' },
      { ...leak, photos: Array(7).fill('local://aaaaaaaaaaaaaaaaaaaaaaaa.png') },
      { ...leak, category: 'roof' },
      { ...leak, emergency: 'flood' },
      { ...leak, scope: 'public' },
      { ...leak, window: { start: 1, end: 2 } },
      { ...leak, status: 'closed' },
    ]) {
      expect(await h.call('resident-zhang', 'tickets', 'create', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    const r = await h.call('resident-zhang', 'tickets', 'create', { ...leak, description: '漏水' })
    expect(r.ok === false && r.error.fields).toEqual({ description: '请至少用 5 个字描述问题' })
    // Only a repair pages the on-duty staff: an "emergency" complaint is refused, nothing written.
    const loud = await h.call('resident-zhang', 'tickets', 'create', { ...leak, type: 'complaint', emergency: 'fire' })
    expect(loud).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { emergency: '只有报修可以标记为紧急' } } })
    // Text that could not be shown or pushed: half an emoji, a control character, a line break in a place.
    for (const [field, bad, message] of [
      ['description', '厨房水管漏水了\uD83D', '含有无法显示的字符，请删除后重试'],
      ['description', '厨房水管\u0000漏水了', '含有无法显示的字符，请删除后重试'],
      ['location', '厨房\n水池下', '请写在一行内'],
    ]) {
      const r = await h.call('resident-zhang', 'tickets', 'create', { ...leak, [field]: bad })
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: message } } })
    }
    expect(await h.store.c.tickets.count()).toBe(before)
    expect(await h.store.c.ticketEvents.count()).toBe(events)
  })

  it('催单 is recorded, sent to the holder, and throttled', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    h.clock.advance(30 * MIN)
    await h.ok('resident-zhang', 'tickets', 'urge', { ticketId: t.id })
    expect((await messagesOf('tech-zhao')).map((m) => m.title)).toEqual(['新派单', '住户催单'])
    expect(await h.call('resident-zhang', 'tickets', 'urge', { ticketId: t.id })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    h.clock.advance(31 * MIN)
    await h.ok('resident-zhang', 'tickets', 'urge', { ticketId: t.id })
  })

  it('催单 opens 30 minutes after filing and the page says so; an urged ticket moves up 新工单 behind emergencies, with its badge', async () => {
    const older = await h.ok('resident-li', 'tickets', 'create', { ...leak, houseId: 'sunshine-1-1-401', description: '阳台地漏返水，已经两天了' })
    h.clock.advance(MIN)
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    const first = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    expect(first.can).not.toContain('urge')
    expect(first.urge).toEqual({ at: t.createdAt + 30 * MIN, rule: '提交 30 分钟后可催单' })
    expect(await h.call('resident-zhang', 'tickets', 'urge', { ticketId: t.id })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '提交 30 分钟后可催单，请 30 分钟后再试' },
    })
    // Staff never see the resident's 催单 button.
    expect((await h.ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })).urge).toBeUndefined()

    h.clock.advance(30 * MIN)
    expect((await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).can).toContain('urge')
    await h.ok('resident-zhang', 'tickets', 'urge', { ticketId: t.id })
    const after = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })
    expect(after.urge).toEqual({ at: after.lastUrgeAt + 30 * MIN, rule: '每 30 分钟可催一次' })
    expect(after.can).not.toContain('urge')

    const urgent = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, emergency: 'severe_leak', description: '水管爆裂，水一直往外冒' })
    const inbox = await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'new' })
    expect(inbox.items.map((x: { id: string }) => x.id)).toEqual([urgent.id, t.id, older.id])
    expect(inbox.items.map((x: { urgeCount: number }) => x.urgeCount)).toEqual([0, 1, 0])
  })

  it('pages history with `more`, and counts what is still open', async () => {
    for (let i = 0; i < 3; i++) await h.ok('resident-zhang', 'tickets', 'create', leak)
    const [first] = (await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'new' })).items
    await h.ok('agent-chen', 'tickets', 'cancel', { ticketId: first.id })
    const p1 = await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'all', limit: 2 })
    expect(p1).toMatchObject({ more: true, counts: { all: 2, new: 2 } })
    const p2 = await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'all', limit: 2, offset: 2 })
    expect(p2.more).toBe(false)
    expect([...p1.items, ...p2.items].map((t: { id: string }) => t.id)).toHaveLength(3)
  })

  it('search finds a ticket by number, room and phone tail', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    for (const q of [t.no, '301', '1-1-301', '0301']) {
      const r = await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'all', q })
      expect(r.items.map((x: { id: string }) => x.id)).toEqual([t.id])
    }
    expect((await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'all', q: '9999' })).items).toEqual([])
    // A 管理员 of 1–3栋 sees it; the supervisor too.
    expect((await h.ok('manager-zhou', 'tickets', 'inbox', { tab: 'all' })).items).toHaveLength(1)
    expect((await h.ok('manager-zhou', 'tickets', 'inbox', { tab: 'all' })).counts.all).toBe(1)
  })
})
