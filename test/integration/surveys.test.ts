import { FUNCTIONS } from '../../scripts/host/functions'
import { harness, type Harness } from '../helpers/harness'
import { grant } from '../../cloudfunctions/lib/outbox/quota'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG_HOUSE = 'sunshine-1-1-301'
const HOUR = 3600_000
const leak = { type: 'repair', scope: 'home', houseId: ZHANG_HOUSE, category: 'water_electric', description: '厨房水管接口漏水，地面已经积水', photos: [] }
const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
const titlesOf = async (account: string) =>
  (await h.store.c.messages.find({ where: { openid: `dev-${account}` }, orderBy: [['createdAt', 'asc']], limit: 200 })).map((m) => m.title)

/** A repair done by tech-zhao; confirmed by zhang unless `confirm` is false (then it auto-closes). */
async function doneJob(confirm = true) {
  const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
  await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
  await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
  await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换了水管接头' })
  if (confirm) await h.ok('resident-zhang', 'tickets', 'confirm', { ticketId: t.id })
  else {
    h.clock.advance(48 * HOUR + 60_000)
    await tick()
  }
  await tick()
  return t.id as string
}

const good = (ticketId: string) => ({ ticketId, overall: 5, speed: 5, attitude: 5, resolved: true, tags: ['准时'], comment: '师傅很准时' })

describe('surveys: rating a finished job', () => {
  it('a confirmed job gets a survey; zhang rates it 5 stars with 准时; tech-zhao sees the figure move', async () => {
    const before = await h.ok('tech-zhao', 'surveys', 'figures', { by: 'handler' })
    expect(before.total).toMatchObject({ surveyed: 0, answered: 0, averageScore: null })
    const id = await doneJob()
    expect(await titlesOf('resident-zhang')).toContain('请为本次服务评价')
    const open = await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })
    expect(open).toMatchObject({ state: 'open', canAnswer: true, round: 1 })

    const w0 = h.store.stats.writes
    const rated = await h.ok('resident-zhang', 'surveys', 'submit', good(id))
    expect(h.store.stats.writes - w0).toBeLessThanOrEqual(3)
    expect(rated).toMatchObject({ state: 'rated', answer: { overall: 5, tags: ['准时'], source: 'app' }, canAnswer: true })
    expect(rated.complaint).toBeUndefined()

    const mine = await h.ok('tech-zhao', 'surveys', 'figures', { by: 'handler' })
    expect(mine.total).toMatchObject({ surveyed: 1, answered: 1, averageScore: 5, satisfiedShare: 1, resolvedShare: 1, responseRate: 1 })
    expect(mine.groups).toEqual([expect.objectContaining({ label: '赵强', averageScore: 5 })])
    const byBuilding = await h.ok('supervisor-liu', 'surveys', 'figures', { by: 'building' })
    expect(byBuilding.groups[0]).toMatchObject({ label: '1栋', answered: 1 })
    const byMonth = await h.ok('supervisor-liu', 'surveys', 'figures', { by: 'month' })
    expect(byMonth.groups.map((g: { key: string }) => g.key)).toEqual(['2026-11'])

    // Staff reply; the resident sees it on the ticket and in 消息.
    await h.ok('agent-chen', 'surveys', 'reply', { surveyId: rated.id, text: '感谢您的好评，我们会继续努力' })
    const seen = await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })
    expect(seen.reply).toMatchObject({ text: '感谢您的好评，我们会继续努力', byName: '陈静' })
    expect(await titlesOf('resident-zhang')).toContain('物业回复了您的评价')

    // Amendable for 24 hours, then fixed.
    await h.ok('resident-zhang', 'surveys', 'submit', { ...good(id), overall: 4 })
    h.clock.advance(24 * HOUR)
    const late = await h.call('resident-zhang', 'surveys', 'submit', { ...good(id), overall: 3 })
    expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect((await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })).answer.overall).toBe(4)
  })

  it('confirming opens the survey at once, to rate on the same screen; the scheduler then has nothing to send', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换了水管接头' })
    await h.ok('resident-zhang', 'tickets', 'confirm', { ticketId: t.id })
    expect(await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: t.id })).toMatchObject({ state: 'open', canAnswer: true, round: 1 })
    await tick()
    // He is on the page: 消息 files it as read, and no WeChat push chases him.
    const asked = (await h.store.c.messages.find({ where: { openid: 'dev-resident-zhang' }, limit: 200 })).filter((m) => m.title === '请为本次服务评价')
    expect(asked).toEqual([expect.objectContaining({ read: true })])
    expect(await h.store.c.outbox.find({ where: { openid: 'dev-resident-zhang', templateKey: 'ticketSurvey' } })).toEqual([])
  })

  it('an auto-closed job (48 h without a reply) is surveyed too', async () => {
    const id = await doneJob(false)
    expect(await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })).toMatchObject({ state: 'open' })
  })

  it('a job that auto-closes at night gets its survey in 消息 at once, and the WeChat push at 07:00', async () => {
    await grant(h.store, 'dev-resident-zhang', ['ticketSurvey'], h.clock.now())
    h.clock.set(Date.UTC(2026, 10, 24, 14, 30)) // Tuesday 22:30 in Shanghai: a late job
    const id = await doneJob(false) // auto-closes and is surveyed on Thursday at 22:31
    const surveyPushes = () => h.notifier.sent.filter((m) => m.openid === 'dev-resident-zhang' && m.templateKey === 'ticketSurvey')
    expect(await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })).toMatchObject({ state: 'open' })
    expect(await titlesOf('resident-zhang')).toContain('请为本次服务评价')
    const [queued] = await h.store.c.outbox.find({ where: { openid: 'dev-resident-zhang', templateKey: 'ticketSurvey' } })
    const morning = Date.UTC(2026, 10, 26, 23, 0) // Friday 07:00 in Shanghai
    expect(queued).toMatchObject({ status: 'pending', nextAttemptAt: morning })
    h.clock.set(morning - 60_000)
    await tick()
    expect(surveyPushes()).toEqual([])
    h.clock.set(morning)
    await tick()
    expect(surveyPushes()).toHaveLength(1)
  })

  it('two simultaneous submissions record one answer: one of them whole, the other an amendment or a clean refusal', async () => {
    const id = await doneJob()
    const a = good(id)
    const b = { ticketId: id, overall: 1, speed: 2, attitude: 1, resolved: false, tags: ['没修好'], comment: '还在漏水' }
    const asked = [a, b]
    const rs = await Promise.all(asked.map((x) => h.call<{ answer: Record<string, unknown> }>('resident-zhang', 'surveys', 'submit', x)))
    const fields = ({ overall, speed, attitude, resolved, tags, comment }: Record<string, unknown>) => ({ overall, speed, attitude, resolved, tags, comment })
    const own = ({ ticketId: _, ...x }: typeof a) => x

    // The code's rule: each submit is a transaction on the one survey document, so the later one
    // runs on fresh data and amends the first (within 24 h) — or, were it refused, says so cleanly.
    expect(rs.some((r) => r.ok)).toBe(true)
    rs.forEach((r, i) => {
      if (r.ok) expect(fields(r.data.answer)).toEqual(own(asked[i]))
      else expect(['CONFLICT', 'INVALID_STATE']).toContain(r.error.code)
    })

    // What the resident sees: exactly one of the two answers, entire, not a mix of both.
    const seen = await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })
    const stored = fields(seen.answer)
    expect([own(a), own(b)]).toContainEqual(stored)
    const winner = asked.findIndex((x) => JSON.stringify(own(x)) === JSON.stringify(stored))
    expect(rs[winner].ok).toBe(true)

    // The first answer is recorded once ('rated', whose time is firstAt); the other is an amendment of it.
    const events = await h.store.c.ticketEvents.find({ where: { ticketId: id }, orderBy: [['at', 'asc']], limit: 100 })
    const rated = events.filter((e) => e.kind === 'rated')
    expect(rated).toHaveLength(1)
    expect(events.filter((e) => e.kind === 'rating_amended')).toHaveLength(rs.filter((r) => r.ok).length - 1)
    const doc = await h.store.c.surveys.get(`${id}_1`)
    expect(doc!.answer!.firstAt).toBe(rated[0].at)
    expect(await h.store.c.surveys.count({ ticketId: id })).toBe(1)

    // At most one complaint; exactly one when the bad answer was recorded at any point.
    const complaints = await h.store.c.tickets.count({ type: 'complaint' })
    expect(complaints).toBe(rs[1].ok ? 1 : 0)

    // Staff figures count one answer, the stored one.
    const figs = await h.ok('tech-zhao', 'surveys', 'figures', { by: 'handler' })
    expect(figs.total).toMatchObject({ surveyed: 1, answered: 1, averageScore: stored.overall })
  })

  it('no one rates a ticket that is not theirs; bad input is refused with nothing written', async () => {
    const id = await doneJob()
    const w0 = h.store.stats.writes
    expect(await h.call('resident-li', 'surveys', 'submit', good(id))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('agent-chen', 'surveys', 'submit', good(id))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('resident-li', 'surveys', 'forTicket', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('resident-zhang', 'surveys', 'submit', { ...good(id), overall: 6 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('resident-zhang', 'surveys', 'submit', { ...good(id), tags: ['很棒'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('resident-zhang', 'surveys', 'submit', { ...good(id), comment: '好'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await h.call('resident-zhang', 'surveys', 'submit', { ticketId: id, overall: 5, resolved: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { speed: '请为上门速度打分' } },
    })
    expect(await h.call('tech-zhao', 'surveys', 'reply', { surveyId: `${id}_1`, text: '谢谢' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(h.store.stats.writes).toBe(w0)
  })
})

describe('surveys: a bad outcome climbs the ladder', () => {
  it('1 star with 没修好 → a complaint held by supervisor-liu with a 24 h callback; handler and 管理员 told; both tickets linked', async () => {
    const id = await doneJob()
    const r = await h.ok('resident-zhang', 'surveys', 'submit', { ...good(id), overall: 1, resolved: false, tags: ['没修好'], comment: '还在漏' })
    expect(r.complaint.no).toMatch(/^TS-/)
    const complaint = await h.store.c.tickets.get(r.complaint.id)
    expect(complaint).toMatchObject({ type: 'complaint', owner: 'dev-supervisor-liu', links: [id] })
    const orig = await h.ok('resident-zhang', 'tickets', 'detail', { ticketId: id })
    expect(orig.links).toEqual([expect.objectContaining({ id: r.complaint.id })])

    const tasks = await h.ok('supervisor-liu', 'surveys', 'callbacks', {})
    expect(tasks.items).toEqual([expect.objectContaining({ kind: 'complaint', ticketId: r.complaint.id, assigneeName: '刘芳', phone: '138****0301' })])
    expect(tasks.items[0].dueAt - h.clock.now()).toBeLessThanOrEqual(24 * HOUR)
    const mine = await h.ok('supervisor-liu', 'tickets', 'inbox', { tab: 'mine' })
    expect(mine.items.map((t: { id: string }) => t.id)).toContain(r.complaint.id)

    expect(await titlesOf('tech-zhao')).toContain('回访差评')
    expect(await titlesOf('manager-zhou')).toContain('回访差评')
    expect(await titlesOf('supervisor-liu')).toContain('回访差评：新投诉')
    expect(await titlesOf('resident-zhang')).toContain('我们会尽快联系您')

    // Amending within the window does not open a second complaint.
    await h.ok('resident-zhang', 'surveys', 'submit', { ...good(id), overall: 2, resolved: false })
    expect(await h.store.c.tickets.count({ type: 'complaint' })).toBe(1)
    const figs = await h.ok('supervisor-liu', 'surveys', 'figures', { by: 'type' })
    expect(figs.total).toMatchObject({ answered: 1, satisfiedShare: 0, resolvedShare: 0, averageScore: 2 })
  })
})

describe('surveys: a complaint interrupted half way', () => {
  it('is finished by the scheduler, once, even when the first run got as far as the ticket', async () => {
    const id = await doneJob()
    // The rating is claimed for a complaint, then the process "dies": simulate by marking it by hand.
    const [s] = await h.store.c.surveys.find({ where: { ticketId: id } })
    await h.ok('resident-zhang', 'surveys', 'submit', { ...good(id), overall: 1, resolved: false, tags: ['没修好'] })
    const complaintId = (await h.store.c.surveys.get(s._id))!.complaintId
    // Roll the survey back to 'pending' as if the linking transaction never ran.
    await h.store.c.surveys.update(s._id, { complaintId: 'pending', updatedAt: h.clock.now() } as never)
    h.clock.advance(2 * 60_000)
    const r = await tick()
    expect(r.ok && (r.data as { jobs: Record<string, Record<string, number>> }).jobs.complaints).toEqual({ opened: 1 })
    expect(await h.store.c.tickets.count({ type: 'complaint' })).toBe(1)
    expect((await h.store.c.surveys.get(s._id))!.complaintId).toBe(complaintId)
    await tick()
    expect(await h.store.c.tickets.count({ type: 'complaint' })).toBe(1)
  })
})

describe('surveys: callbacks per community policy', () => {
  it('unrated for 72 h → agent-chen gets a task; the number shows only after starting the call; the recorded call counts as the rating', async () => {
    const id = await doneJob()
    h.clock.advance(72 * HOUR - 60_000)
    await tick()
    expect((await h.ok('agent-chen', 'surveys', 'callbacks', {})).items).toHaveLength(0)
    h.clock.advance(2 * 60_000)
    await tick()
    const list = await h.ok('agent-chen', 'surveys', 'callbacks', {})
    expect(list.counts.open).toBe(1)
    expect(list.items[0]).toMatchObject({ kind: 'routine', ticketId: id, phone: '138****0301', state: 'open' })
    expect(await h.call('agent-chen', 'surveys', 'recordCall', { taskId: list.items[0].id, outcome: 'satisfied', note: '满意' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    const started = await h.ok('agent-chen', 'surveys', 'startCall', { taskId: list.items[0].id })
    expect(started.phone).toBe('13800000301')
    const done = await h.ok('agent-chen', 'surveys', 'recordCall', { taskId: started.id, outcome: 'satisfied', note: '住户表示已修好，很满意' })
    expect(done).toMatchObject({ state: 'done', phone: '138****0301' })
    expect((await h.ok('agent-chen', 'surveys', 'callbacks', {})).counts.open).toBe(0)
    const s = await h.ok('resident-zhang', 'surveys', 'forTicket', { ticketId: id })
    expect(s).toMatchObject({ state: 'rated', answer: { overall: 5, source: 'callback' }, canAnswer: false })
    const figs = await h.ok('supervisor-liu', 'surveys', 'figures', { by: 'handler' })
    expect(figs.total).toMatchObject({ answered: 1, callbacks: 1, callbackCoverage: 1 })
  })

  it('3 failed attempts close the task as 未回访', async () => {
    await doneJob()
    h.clock.advance(72 * HOUR + 60_000)
    await tick()
    const [task] = (await h.ok('agent-chen', 'surveys', 'callbacks', {})).items
    for (let i = 0; i < 3; i++) {
      await h.ok('agent-chen', 'surveys', 'startCall', { taskId: task.id })
      await h.ok('agent-chen', 'surveys', 'recordCall', { taskId: task.id, outcome: 'unreached', note: '无人接听' })
    }
    const missed = await h.ok('agent-chen', 'surveys', 'callbacks', { state: 'missed' })
    expect(missed.items).toEqual([expect.objectContaining({ id: task.id, failed: 3, state: 'missed' })])
    expect((await h.store.c.surveys.get(task.id))!.state).toBe('missed')
  })

  it('policy always: a task at once, even when the resident rates; policy never: none', async () => {
    await h.ok('supervisor-liu', 'supervisor', 'setCallbackPolicy', { policy: 'always' })
    await doneJob()
    expect((await h.ok('agent-chen', 'surveys', 'callbacks', {})).counts.open).toBe(1)
    await h.ok('supervisor-liu', 'supervisor', 'setCallbackPolicy', { policy: 'never' })
    await doneJob()
    h.clock.advance(80 * HOUR)
    await tick()
    expect((await h.ok('agent-chen', 'surveys', 'callbacks', {})).counts.open).toBe(1)
    expect(await h.call('agent-chen', 'supervisor', 'setCallbackPolicy', { policy: 'always' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
