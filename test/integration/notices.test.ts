import { FUNCTIONS } from '../../scripts/host/functions'
import { grant } from '../../cloudfunctions/lib/outbox/quota'
import { deliverOutbox } from '../../cloudfunctions/lib/outbox/deliver'
import { settleDeliveries } from '../../cloudfunctions/lib/notices/send'
import { TICK_LEASE_MS } from '../../cloudfunctions/scheduler'
import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { Notifier, PushResult } from '../../cloudfunctions/lib/ports/notifier'
import { harness, T0, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUR = 3600_000
const ZHANG_HOUSE = 'sunshine-1-1-301'
const WANG_HOUSE = 'sunshine-2-1-502'
const tick = (deps = h.deps) => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, deps)
const messagesOf = (account: string) => h.store.c.messages.find({ where: { openid: `dev-${account}` }, orderBy: [['createdAt', 'asc']], limit: 200 })
const water = (over: Record<string, unknown> = {}) => ({
  category: 'water',
  title: '1栋计划停水',
  body: '因二次供水水箱清洗，1栋将暂停供水，请提前储水。',
  audience: { scope: 'buildings', targets: ['1'] },
  outage: { area: '1栋全部单元', startAt: T0, etaAt: T0 + 6 * HOUR, cause: '水箱清洗' },
  ...over,
})
const leak = { type: 'repair', scope: 'home', houseId: ZHANG_HOUSE, category: 'water_electric', description: '家里水龙头完全没水了', photos: [] }
const deliveryOf = (noticeId: string, account: string) => h.store.c.noticeDeliveries.get(`${noticeId}_dev-${account}`)
/** stats.statuses as { status: count }. */
const statusCounts = async (noticeId: string) =>
  Object.fromEntries((await h.ok('agent-chen', 'notices', 'stats', { noticeId })).statuses.map((s: { status: string; count: number }) => [s.status, s.count]))
const notifier = (result: PushResult): Notifier => ({ channel: 'subscribe', push: async () => result })

/** Extra residents bound in 3栋, so the audience is larger than one chunk. */
async function addResidents(n: number) {
  const b = h.store.c.bindings
  for (let i = 0; i < n; i++) {
    const room = `${100 + Math.floor(i / 2) * 100 + (i % 2) + 1}`
    await b.set({
      _id: `bulk-${String(i).padStart(4, '0')}`,
      openid: `wx-bulk-${i}`,
      communityId: 'sunshine',
      houseId: `sunshine-3-1-${room}`,
      building: '3',
      role: 'owner',
      name: `住户${i}`,
      phone: '13900000000',
      status: 'approved',
      autoApproved: true,
      createdAt: T0,
      updatedAt: T0,
    })
  }
}

describe('notices: outage as an incident', () => {
  it('publish to 1栋 → zhang sees it, wang does not → update → repair shows the outage → follow / file anyway → restore resolves and tells', async () => {
    const n = await h.ok('agent-chen', 'notices', 'publish', water())
    expect(n).toMatchObject({ audienceLabel: '1栋', sending: false, outage: { state: 'active' } })

    const home = await h.ok('resident-zhang', 'notices', 'home', { houseId: ZHANG_HOUSE })
    expect(home.outages.map((x: { id: string }) => x.id)).toEqual([n.id])
    expect(home.outages[0].line).toBe('该区域正在停水，预计 16:00 恢复')
    expect((await h.ok('resident-wang', 'notices', 'home', { houseId: WANG_HOUSE })).outages).toEqual([])
    expect((await h.ok('resident-wang', 'notices', 'list', {})).items).toEqual([])
    expect((await h.call('resident-wang', 'notices', 'detail', { noticeId: n.id })).ok).toBe(false)
    expect((await messagesOf('resident-zhang')).map((m) => m.title)).toEqual(['【停水】1栋计划停水'])
    expect((await messagesOf('resident-zhang'))[0].page).toBe(`/resident/notices/detail/index?id=${n.id}`)
    expect(await messagesOf('resident-wang')).toEqual([])

    // Unread until opened; the read share per building follows.
    expect((await h.ok('resident-zhang', 'notices', 'list', {})).unread).toBe(1)
    await h.ok('resident-zhang', 'notices', 'detail', { noticeId: n.id })
    expect((await h.ok('resident-zhang', 'notices', 'list', {})).unread).toBe(0)
    const st = await h.ok('agent-chen', 'notices', 'stats', { noticeId: n.id })
    expect(st.buildings).toEqual([{ building: '1', delivered: 2, read: 1, share: 50 }])

    await h.ok('agent-chen', 'notices', 'update', { noticeId: n.id, text: '水泵更换配件，恢复时间延后', etaAt: T0 + 8 * HOUR })
    const zhang = await messagesOf('resident-zhang')
    expect(zhang.map((m) => m.title)).toEqual(['【停水】1栋计划停水', '停水进展：1栋计划停水'])
    expect(zhang[1].body).toContain('预计 18:00 恢复')

    // A matching repair sees the outage first; a 门窗 repair does not.
    const hits = await h.ok('resident-zhang', 'notices', 'activeOutages', { houseId: ZHANG_HOUSE, category: 'water_electric' })
    expect(hits.items).toEqual([{ id: n.id, title: '1栋计划停水', line: '该区域正在停水，预计 18:00 恢复', following: false }])
    expect((await h.ok('resident-zhang', 'notices', 'activeOutages', { houseId: ZHANG_HOUSE, category: 'door_window' })).items).toEqual([])
    expect((await h.ok('resident-wang', 'notices', 'activeOutages', { houseId: WANG_HOUSE, category: 'water_electric' })).items).toEqual([])

    await h.ok('resident-zhang', 'notices', 'follow', { noticeId: n.id, houseId: ZHANG_HOUSE })
    const t = await h.ok('resident-li', 'tickets', 'create', { ...leak, houseId: 'sunshine-1-1-401', outageId: n.id })
    // wang's house is not in the outage: linking is refused.
    expect(await h.call('resident-wang', 'tickets', 'create', { ...leak, houseId: WANG_HOUSE, outageId: n.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    // An agent links an existing ticket.
    const older = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'notices', 'linkTicket', { noticeId: n.id, ticketId: older.id })
    // The list says what 已恢复 would close, so its confirmation can name the count.
    const listed = (await h.ok('agent-chen', 'notices', 'manage', {})).items.find((x: { id: string }) => x.id === n.id)
    expect(listed).toMatchObject({ linkedTickets: 2, openLinkedTickets: 2 })

    const r = await h.ok('agent-chen', 'notices', 'restore', { noticeId: n.id, note: '1栋已恢复供水' })
    expect(r).toMatchObject({ resolved: 2, followers: 1, notice: { outage: { state: 'restored' }, linkedTickets: 2, openLinkedTickets: 0 } })
    for (const id of [t.id, older.id]) expect((await h.ok('agent-chen', 'tickets', 'detail', { ticketId: id })).status).toBe('resolved')
    const li = (await messagesOf('resident-li')).map((m) => m.title)
    expect(li).toEqual(['【停水】1栋计划停水', '停水进展：1栋计划停水', '工单已处理'])
    const z = (await messagesOf('resident-zhang')).map((m) => m.title)
    // zhang follows and reported the linked older ticket: told by the ticket, never twice by the notice.
    expect(z.slice(2)).toEqual(['工单已处理'])
    expect((await h.ok('resident-zhang', 'notices', 'home', { houseId: ZHANG_HOUSE })).outages).toEqual([])
    expect((await h.ok('agent-chen', 'notices', 'stats', { noticeId: n.id })).buildings).toEqual([{ building: '1', delivered: 2, read: 1, share: 50 }])
    // Both reporters heard the close-out through their resolved tickets, and their records say so.
    expect(await statusCounts(n.id)).toEqual({ pending: 0, sent: 0, no_quota: 0, failed: 0, ticket: 2 })
    expect(await h.call('agent-chen', 'notices', 'restore', { noticeId: n.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('a follower who did not file hears the restore once, as a follower', async () => {
    const n = await h.ok('agent-chen', 'notices', 'publish', water())
    await h.ok('resident-zhang', 'notices', 'follow', { noticeId: n.id, houseId: ZHANG_HOUSE })
    await h.ok('agent-chen', 'notices', 'restore', { noticeId: n.id })
    const titles = (await messagesOf('resident-zhang')).map((m) => m.title)
    expect(titles).toEqual(['【停水】1栋计划停水', '您关注的停水：停水已恢复：1栋计划停水'])
    expect((await messagesOf('resident-li')).map((m) => m.title)).toEqual(['【停水】1栋计划停水', '停水已恢复：1栋计划停水'])
  })
})

describe('notices: sending to a large audience', () => {
  it('a chunked send that fails halfway resumes without telling anyone twice', async () => {
    await addResidents(450)
    const n = await h.ok('agent-chen', 'notices', 'publish', water({ title: '3栋停水', audience: { scope: 'buildings', targets: ['3'] } }))
    expect(n.sending).toBe(true)
    expect(n.recipients).toBe(200)

    // The next tick dies after a few transactions (the scheduler lease, its claim on the due jobs,
    // then three of the send), as a function that hits its time limit would; its lease lapses
    // before the next ticks run.
    let left = 5
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    const flaky: Store = Object.create(h.store)
    flaky.transaction = (fn) => (left-- > 0 ? h.store.transaction(fn) : Promise.reject(new Error('timeout')))
    const r1 = await tick({ ...h.deps, store: flaky })
    quiet.mockRestore()
    expect(r1).toMatchObject({ ok: true, data: { jobs: { notices: { error: 1 } } } })
    const partial = await h.store.c.noticeDeliveries.count({ noticeId: n.id })
    expect(partial).toBeGreaterThan(200)
    expect(partial).toBeLessThan(450)

    h.clock.advance(TICK_LEASE_MS)
    await tick()
    await tick()
    expect(await h.store.c.noticeDeliveries.count({ noticeId: n.id })).toBe(450)
    const msgs = await h.store.c.messages.find({ where: { title: '【停水】3栋停水' }, limit: 1000 })
    expect(msgs.length).toBe(450)
    expect(new Set(msgs.map((m) => m.openid)).size).toBe(450)
    const doc = await h.store.c.notices.get(n.id)
    expect(doc!.sendPending).toBe(false)
  })

  it('quiet hours hold a non-urgent push until 07:00; an outage goes at once', async () => {
    h.clock.set(Date.UTC(2026, 10, 24, 15, 0)) // 23:00 Shanghai
    await grant(h.store, 'dev-resident-zhang', ['noticePublished', 'outageUpdate'], h.clock.now())
    await h.ok('agent-chen', 'notices', 'publish', {
      category: 'general',
      title: '明日草坪修剪',
      body: '明天上午修剪草坪，请注意避让。',
      audience: { scope: 'buildings', targets: ['1'] },
    })
    await h.ok(
      'agent-chen',
      'notices',
      'publish',
      water({ outage: { area: '1栋', startAt: h.clock.now(), etaAt: h.clock.now() + 2 * HOUR, cause: '管道爆裂抢修' } }),
    )
    expect((await messagesOf('resident-zhang')).length).toBe(2) // in-app at once, always
    await tick()
    const outbox = await h.store.c.outbox.find({ where: { openid: 'dev-resident-zhang' }, limit: 10 })
    expect(outbox.find((o) => o.templateKey === 'outageUpdate')!.status).toBe('sent')
    const held = outbox.find((o) => o.templateKey === 'noticePublished')!
    expect(held.status).toBe('pending')
    expect(held.nextAttemptAt).toBe(Date.UTC(2026, 10, 24, 23, 0)) // 07:00 Shanghai
    // The delivery record waits with it, and is not looked at again before 07:00.
    const general = (await h.store.c.noticeDeliveries.find({ where: { openid: 'dev-resident-zhang', status: 'pending' }, limit: 10 }))[0]
    expect(general).toMatchObject({ outboxId: held._id, checkAt: held.nextAttemptAt })
    h.clock.set(Date.UTC(2026, 10, 24, 23, 0))
    await tick()
    expect((await h.store.c.noticeDeliveries.get(general._id))!.status).toBe('sent')
  })

  it('发布 first says whom it reaches: the households and people the send then tells, a person with two houses once', async () => {
    await addResidents(450)
    // wx-bulk-0 also lives in a second 3栋 house: one more household, not one more person.
    const other = (await h.store.c.bindings.get('bulk-0000'))!
    await h.store.c.bindings.set({ ...other, _id: 'bulk-second', houseId: 'sunshine-3-2-101' })
    const audience = { scope: 'buildings', targets: ['3'] }
    const writes = h.store.stats.writes
    const reach = await h.ok('agent-chen', 'notices', 'reach', { audience })
    expect(h.store.stats.writes).toBe(writes)
    expect(reach.households).toBe(reach.residents + 1)
    expect(reach.residents).toBeGreaterThanOrEqual(450)

    const n = await h.ok('agent-chen', 'notices', 'publish', water({ title: '3栋停水', audience }))
    await tick()
    await tick()
    expect(await h.store.c.noticeDeliveries.count({ noticeId: n.id })).toBe(reach.residents)

    expect(await h.ok('agent-chen', 'notices', 'reach', { audience: { scope: 'rooms', targets: [ZHANG_HOUSE, WANG_HOUSE] } })).toEqual({
      households: 2,
      residents: 2,
    })
    expect(await h.ok('manager-zhou', 'notices', 'reach', { audience: { scope: 'units', targets: ['2-1'] } })).toMatchObject({ households: 1 })
    // The same checks as 发布: a 管理员 outside his zone, a building that does not exist.
    expect(await h.call('manager-zhou', 'notices', 'reach', { audience: { scope: 'community' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('agent-chen', 'notices', 'reach', { audience: { scope: 'buildings', targets: ['99'] } })).toMatchObject({
      ok: false,
      error: { fields: { audience: '楼栋不存在' } },
    })
    expect(await h.call('resident-zhang', 'notices', 'reach', { audience })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a notice to picked rooms reaches those rooms only', async () => {
    const n = await h.ok('agent-chen', 'notices', 'publish', {
      category: 'general',
      title: '301 室外墙维修',
      body: '明天上午维修 301 外墙，请关好窗户。',
      audience: { scope: 'rooms', targets: [ZHANG_HOUSE, WANG_HOUSE] },
    })
    expect(n).toMatchObject({ audienceLabel: '2 户', recipients: 2 })
    expect((await messagesOf('resident-zhang')).map((m) => m.title)).toEqual(['【物业通知】301 室外墙维修'])
    expect((await messagesOf('resident-wang')).map((m) => m.title)).toEqual(['【物业通知】301 室外墙维修'])
    expect(await messagesOf('resident-li')).toEqual([]) // 1栋1单元401, upstairs from zhang
    expect((await h.ok('agent-chen', 'notices', 'stats', { noticeId: n.id })).buildings.map((b: { building: string }) => b.building)).toEqual(['1', '2'])
  })

  it('a scheduled notice appears at its time and expires', async () => {
    const n = await h.ok('agent-chen', 'notices', 'publish', {
      category: 'general',
      title: '物业费调整说明',
      body: '详见正文内容。',
      audience: { scope: 'community' },
      pinned: true,
      publishAt: T0 + HOUR,
      expiresAt: T0 + 5 * HOUR,
    })
    expect(n.scheduled).toBe(true)
    expect((await h.ok('resident-wang', 'notices', 'list', {})).items).toEqual([])
    h.clock.set(T0 + HOUR + 1000)
    await tick()
    expect((await messagesOf('resident-wang')).map((m) => m.title)).toEqual(['【物业通知】物业费调整说明'])
    expect((await h.ok('resident-wang', 'notices', 'home', { houseId: WANG_HOUSE })).pinned.map((x: { id: string }) => x.id)).toEqual([n.id])
    h.clock.set(T0 + 6 * HOUR)
    expect((await h.ok('resident-wang', 'notices', 'list', {})).items).toEqual([])
  })
})

describe('notices: community events', () => {
  it('sign-ups past capacity under concurrency are refused; cancel frees a place', async () => {
    await addResidents(12)
    const n = await h.ok('agent-chen', 'notices', 'publish', {
      category: 'event',
      title: '周末亲子手工课',
      body: '本周六上午在会所举办亲子手工课。',
      audience: { scope: 'community' },
      signUp: { capacity: 5, deadline: T0 + 48 * HOUR },
    })
    const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => h.call(`wx-bulk-${i}`, 'notices', 'signUp', { noticeId: n.id })))
    expect(rs.filter((r) => r.ok).length).toBe(5)
    expect(rs.filter((r) => !r.ok).every((r) => !r.ok && ['CONFLICT'].includes(r.error.code))).toBe(true)
    expect(await h.store.c.signups.count({ noticeId: n.id, status: 'active' })).toBe(5)
    const winner = rs.findIndex((r) => r.ok)
    expect(await h.ok(`wx-bulk-${winner}`, 'notices', 'cancelSignUp', { noticeId: n.id })).toEqual({ taken: 4, mine: false })
    expect(await h.ok('resident-zhang', 'notices', 'signUp', { noticeId: n.id })).toEqual({ taken: 5, mine: true })
    const st = await h.ok('agent-chen', 'notices', 'stats', { noticeId: n.id })
    expect(st.signUps.length).toBe(5)
    expect(st.signUps.at(-1)).toMatchObject({ name: '张建国', houseLabel: '1栋1单元301', phone: '138****0301' })
    h.clock.set(T0 + 49 * HOUR)
    expect(await h.call('resident-li', 'notices', 'signUp', { noticeId: n.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '报名已截止' },
    })
  })
})

describe("notices: each recipient's status", () => {
  it('records what became of each push on the delivery record, round by round, and the stats count them', async () => {
    await grant(h.store, 'dev-resident-zhang', ['outageUpdate'], h.clock.now())
    const n = await h.ok('agent-chen', 'notices', 'publish', water())
    expect(await deliveryOf(n.id, 'resident-zhang')).toMatchObject({ round: 0, status: 'pending', messageId: expect.any(String), outboxId: expect.any(String) })
    expect(await statusCounts(n.id)).toEqual({ pending: 2, sent: 0, no_quota: 0, failed: 0, ticket: 0 })

    // The outbox pushes zhang's (she granted one) and finds li without a grant: in-app only.
    expect(await tick()).toMatchObject({ ok: true, data: { jobs: { outbox: { sent: 1, no_quota: 1 }, noticeStatus: { checked: 2, settled: 2 } } } })
    expect((await deliveryOf(n.id, 'resident-zhang'))!.status).toBe('sent')
    expect((await deliveryOf(n.id, 'resident-li'))!.status).toBe('no_quota')
    expect(await statusCounts(n.id)).toEqual({ pending: 0, sent: 1, no_quota: 1, failed: 0, ticket: 0 })
    // Nothing pending: the next tick runs no job and writes nothing.
    const writes = h.store.stats.writes
    expect(await tick()).toEqual({ ok: true, data: { jobs: {} } })
    expect(h.store.stats.writes).toBe(writes)

    // An update is a new round: pending again. WeChat fails zhang's push, first for a retry, then for good.
    await h.ok('agent-chen', 'notices', 'update', { noticeId: n.id, text: '水泵更换配件，恢复时间延后', etaAt: T0 + 8 * HOUR })
    await grant(h.store, 'dev-resident-zhang', ['outageUpdate'], h.clock.now())
    expect(await statusCounts(n.id)).toEqual({ pending: 2, sent: 0, no_quota: 0, failed: 0, ticket: 0 })
    const retry = await tick({ ...h.deps, notifier: notifier({ status: 'failed', error: 'system busy', retryable: true }) })
    expect(retry).toMatchObject({ data: { jobs: { outbox: { retry: 1, no_quota: 1 }, noticeStatus: { settled: 1, later: 1 } } } })
    const waiting = (await deliveryOf(n.id, 'resident-zhang'))!
    const push = await h.store.c.outbox.get(waiting.outboxId!)
    expect(waiting).toMatchObject({ round: 1, status: 'pending', checkAt: push!.nextAttemptAt })
    // Before the retry is due the record is not looked at again: the job does not even run.
    expect(await tick()).not.toHaveProperty('data.jobs.noticeStatus')
    h.clock.set(push!.nextAttemptAt)
    await tick({ ...h.deps, notifier: notifier({ status: 'failed', error: 'invalid template', retryable: false }) })
    expect((await deliveryOf(n.id, 'resident-zhang'))!.status).toBe('failed')
    expect(await statusCounts(n.id)).toEqual({ pending: 0, sent: 0, no_quota: 1, failed: 1, ticket: 0 })
  })

  it("a record that moves on to a newer round while being settled keeps the newer round's status", async () => {
    await grant(h.store, 'dev-resident-zhang', ['outageUpdate'], h.clock.now())
    const n = await h.ok('agent-chen', 'notices', 'publish', water())
    const first = (await deliveryOf(n.id, 'resident-zhang'))!
    await deliverOutbox(h.deps)
    // The update lands between the settle job's read and its write.
    const racy: Store = Object.create(h.store)
    racy.transaction = async (fn) => {
      racy.transaction = (f) => h.store.transaction(f)
      await h.ok('agent-chen', 'notices', 'update', { noticeId: n.id, text: '抢修中' })
      return h.store.transaction(fn)
    }
    expect(await settleDeliveries({ store: racy, clock: h.clock })).toEqual({ checked: 2, settled: 0, later: 0 })
    const now = (await deliveryOf(n.id, 'resident-zhang'))!
    expect(now).toMatchObject({ round: 1, status: 'pending' })
    expect(now.outboxId).not.toBe(first.outboxId)
    await tick()
    expect(await deliveryOf(n.id, 'resident-zhang')).toMatchObject({ round: 1, status: 'no_quota' })
  })
})

describe('notices: agents link existing repairs to an outage', () => {
  it('the staff ticket page lists the outages that reach a repair, links it, and then names the outage', async () => {
    const n = await h.ok('agent-chen', 'notices', 'publish', water())
    const power = await h.ok(
      'agent-chen',
      'notices',
      'publish',
      water({
        category: 'power',
        title: '全小区计划停电',
        audience: { scope: 'community' },
        outage: { area: '全小区', startAt: T0, etaAt: T0 + 2 * HOUR, cause: '配电房检修' },
      }),
    )
    const elsewhere = await h.ok('agent-chen', 'notices', 'publish', water({ title: '2栋计划停水', audience: { scope: 'units', targets: ['2-1'] } }))
    const mine = await h.ok('resident-zhang', 'tickets', 'create', leak)
    const door = await h.ok('resident-zhang', 'tickets', 'create', { ...leak, category: 'door_window', description: '入户门锁坏了，钥匙拧不动' })
    const hall = await h.ok('resident-zhang', 'tickets', 'create', {
      ...leak,
      scope: 'public',
      building: '1',
      location: '1单元一楼大堂',
      description: '大堂洗手池没有水',
    })
    const wangs = await h.ok('resident-wang', 'tickets', 'create', { ...leak, houseId: WANG_HOUSE })
    const complaint = await h.ok('resident-zhang', 'tickets', 'create', {
      type: 'complaint',
      houseId: ZHANG_HOUSE,
      category: 'other',
      description: '停水没有提前通知，很不方便',
      photos: [],
    })

    const forTicket = (account: string, ticketId: string) => h.ok(account, 'notices', 'forTicket', { ticketId })
    const ids = async (account: string, ticketId: string) => (await forTicket(account, ticketId)).candidates.map((c: { id: string }) => c.id)
    expect(await forTicket('agent-chen', mine.id)).toEqual({
      candidates: [
        { id: power.id, category: 'power', title: '全小区计划停电', line: '该区域正在停电，预计 12:00 恢复', state: 'active', matches: true },
        { id: n.id, category: 'water', title: '1栋计划停水', line: '该区域正在停水，预计 16:00 恢复', state: 'active', matches: true },
      ],
    })
    // A 门窗 repair may still be linked, after the matching ones; a 公共区域 one by its building.
    expect((await forTicket('agent-chen', door.id)).candidates.map((c: { matches: boolean }) => c.matches)).toEqual([false, false])
    expect(await ids('agent-chen', hall.id)).toEqual([power.id, n.id])
    expect(await ids('agent-chen', wangs.id)).toEqual([elsewhere.id, power.id])
    expect(await ids('agent-chen', complaint.id)).toEqual([])
    // A 管理员 of 1–3栋 sees only what they may link: not the whole-community outage.
    expect(await ids('manager-zhou', mine.id)).toEqual([n.id])
    expect(await h.call('resident-zhang', 'notices', 'forTicket', { ticketId: mine.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    // Only repairs the outage reaches, and only repairs.
    expect(await h.call('agent-chen', 'notices', 'linkTicket', { noticeId: n.id, ticketId: wangs.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { ticketId: expect.any(String) } },
    })
    expect(await h.call('agent-chen', 'notices', 'linkTicket', { noticeId: n.id, ticketId: complaint.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect(await h.ok('agent-chen', 'notices', 'linkTicket', { noticeId: n.id, ticketId: mine.id })).toEqual({ linked: true })
    expect(await forTicket('agent-chen', mine.id)).toEqual({
      linked: { id: n.id, category: 'water', title: '1栋计划停水', line: '该区域正在停水，预计 16:00 恢复', state: 'active' },
      candidates: [],
    })
    const timeline = (await h.ok('agent-chen', 'tickets', 'detail', { ticketId: mine.id })).timeline.map((e: { text: string }) => e.text)
    expect(timeline).toContain('已关联停水通知「1栋计划停水」，恢复后自动办结')

    await h.ok('agent-chen', 'notices', 'restore', { noticeId: n.id })
    expect((await forTicket('agent-chen', mine.id)).linked).toMatchObject({ id: n.id, state: 'restored', line: '该区域停水已恢复' })
    expect((await h.ok('agent-chen', 'tickets', 'detail', { ticketId: mine.id })).status).toBe('resolved')
  })
})

describe('notices: a publish retried after a lost answer', () => {
  it('publishes once and tells each resident once', async () => {
    const first = await h.ok('agent-chen', 'notices', 'publish', water({ requestId: 'notice-draft-1' }))
    const again = await h.ok('agent-chen', 'notices', 'publish', water({ requestId: 'notice-draft-1' }))
    expect(again.id).toBe(first.id)
    expect(await h.store.c.notices.count({ title: '1栋计划停水' })).toBe(1)
    expect((await messagesOf('resident-zhang')).map((m) => m.title)).toEqual(['【停水】1栋计划停水'])
  })
})

describe('notices: authorization and bad input', () => {
  it('a resident cannot publish; a 管理员 publishes only to their zone; bad input is refused with field messages', async () => {
    // A refused call writes nothing at all: no notice, no delivery, no message.
    let writes = h.store.stats.writes
    expect(await h.call('resident-zhang', 'notices', 'publish', water())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('manager-zhou', 'notices', 'publish', water({ audience: { scope: 'buildings', targets: ['1', '5'] } }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('manager-zhou', 'notices', 'publish', water({ audience: { scope: 'community' } }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(h.store.stats.writes).toBe(writes)
    expect((await h.call('manager-zhou', 'notices', 'publish', water({ audience: { scope: 'units', targets: ['2-1'] } }))).ok).toBe(true)
    writes = h.store.stats.writes
    const bad = await h.call('agent-chen', 'notices', 'publish', { ...water(), title: '', audience: { scope: 'buildings', targets: ['99'] } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { title: expect.any(String) } } })
    expect(await h.call('agent-chen', 'notices', 'publish', water({ audience: { scope: 'buildings', targets: ['99'] } }))).toMatchObject({
      ok: false,
      error: { fields: { audience: '楼栋不存在' } },
    })
    expect(await h.call('agent-chen', 'notices', 'publish', water({ outage: undefined }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('agent-chen', 'notices', 'publish', water({ outage: { area: '1栋', startAt: T0, etaAt: T0 - 1, cause: '抢修' } }))).toMatchObject({
      ok: false,
      error: { fields: { 'outage.etaAt': expect.any(String) } },
    })
    expect(await h.call('resident-zhang', 'notices', 'home', { houseId: WANG_HOUSE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('agent-chen', 'notices', 'publish', water({ audience: { scope: 'rooms', targets: [ZHANG_HOUSE, 'sunshine-9-9-999'] } }))).toMatchObject(
      { ok: false, error: { fields: { audience: '房号不存在' } } },
    )
    expect(await h.call('agent-chen', 'notices', 'publish', { ...water(), publishAt: T0 + 2 * HOUR, expiresAt: T0 + HOUR })).toMatchObject({
      ok: false,
      error: { fields: { expiresAt: expect.any(String) } },
    })
    expect(h.store.stats.writes).toBe(writes)
    const n = await h.ok('agent-chen', 'notices', 'publish', water({ audience: { scope: 'buildings', targets: ['5'] } }))
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    writes = h.store.stats.writes
    expect(await h.call('manager-zhou', 'notices', 'update', { noticeId: n.id, text: '延后恢复' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'notices', 'restore', { noticeId: n.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'notices', 'linkTicket', { noticeId: n.id, ticketId: t.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // zhang's house is in 1栋: a 5栋 outage does not reach it.
    expect(await h.call('agent-chen', 'notices', 'linkTicket', { noticeId: n.id, ticketId: t.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await h.call('agent-chen', 'notices', 'update', { noticeId: n.id, text: '延后恢复', etaAt: T0 - 1 })).toMatchObject({
      ok: false,
      error: { fields: { etaAt: expect.any(String) } },
    })
    expect(h.store.stats.writes).toBe(writes)
  })
})
