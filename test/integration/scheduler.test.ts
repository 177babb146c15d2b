import { FUNCTIONS } from '../../scripts/host/functions'
import { harness, type Harness } from '../helpers/harness'
import { grant } from '../../cloudfunctions/lib/outbox/quota'
import { notify } from '../../cloudfunctions/lib/outbox/notify'
import { SWEEP_MS } from '../../cloudfunctions/lib/runtime/schedule'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

describe('scheduler', () => {
  it('runs as the timer (no OPENID) and delivers what is due', async () => {
    await grant(h.store, 'dev-resident-wang', ['bindingResult'], h.clock.now())
    await h.ok('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-2-2-1801', role: 'tenant', name: '王磊', phone: '13800000502' })
    const [b] = await h.store.c.bindings.find({ where: { houseId: 'sunshine-2-2-1801' } })
    await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: b._id })
    const r = await FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
    expect(r).toEqual({ ok: true, data: { jobs: expect.objectContaining({ outbox: expect.objectContaining({ sent: 1 }) }) } })
    expect(h.notifier.sent.map((m) => m.openid)).toEqual(['dev-resident-wang'])
  })

  it('refuses people: a resident or staff member cannot run the timer job', async () => {
    expect(await h.call('resident-zhang', 'scheduler', 'tick', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('supervisor-liu', 'scheduler', 'tick', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Without an OPENID and not from a timer, nobody is signed in.
    const r = await FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'wechat' }, h.deps)
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('overlapping ticks: one that starts while another runs finds the scheduler busy', async () => {
    await grant(h.store, 'dev-resident-wang', ['bindingResult'], h.clock.now())
    await h.ok('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-2-2-1801', role: 'tenant', name: '王磊', phone: '13800000502' })
    const [b] = await h.store.c.bindings.find({ where: { houseId: 'sunshine-2-2-1801' } })
    await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: b._id })
    // The first tick is still pushing (WeChat is slow this minute) when the next trigger fires.
    let release!: () => void
    let pushing!: () => void
    const started = new Promise<void>((r) => (pushing = r))
    const slow = {
      ...h.deps,
      notifier: {
        channel: 'subscribe' as const,
        push: async () => {
          pushing()
          await new Promise<void>((r) => (release = r))
          return { status: 'sent' as const }
        },
      },
    }
    const tick = (deps = h.deps) => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, deps)
    const first = tick(slow)
    await started
    // What the running tick claimed is not due for the next trigger, which reads the plan and stops.
    expect(await tick()).toEqual({ ok: true, data: { jobs: {} } })
    // New work meanwhile is due at once, and that trigger finds the scheduler busy.
    await h.store.transaction((tx) =>
      notify(tx, h.clock.now(), {
        openid: 'dev-resident-wang',
        title: '测试',
        body: '测试',
        page: '/pages/index/index',
        push: { templateKey: 'bindingResult', data: { result: '已通过', house: '2栋2单元1801', note: '测试' } },
      }),
    )
    expect(await tick()).toEqual({ ok: true, data: { jobs: { lease: { busy: 1 } } } })
    release()
    expect(await first).toMatchObject({ ok: true, data: { jobs: { outbox: expect.objectContaining({ sent: 1 }) } } })
    // A finished tick lets go and keeps the wake: the next minute delivers the new push.
    expect(await tick()).toMatchObject({ ok: true, data: { jobs: { outbox: expect.objectContaining({ no_quota: 1 }) } } })
  })

  it('a lease left by a tick that died blocks only until it expires', async () => {
    await h.store.c.leases.set({ _id: 'scheduler', holder: 'dead', takenAt: h.clock.now(), expiresAt: h.clock.now() + 90_000 })
    const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
    expect(await tick()).toEqual({ ok: true, data: { jobs: { lease: { busy: 1 } } } })
    h.clock.advance(90_001)
    expect(await tick()).toMatchObject({ ok: true, data: { jobs: { outbox: expect.any(Object) } } })
  })

  it('a quiet minute costs one read and no write; work made meanwhile is done the next minute', async () => {
    const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
    await tick()
    h.clock.advance(60_000)
    const before = { ...h.store.stats }
    expect(await tick()).toEqual({ ok: true, data: { jobs: {} } })
    expect({ reads: h.store.stats.reads - before.reads, writes: h.store.stats.writes - before.writes }).toEqual({ reads: 1, writes: 0 })

    await grant(h.store, 'dev-resident-wang', ['bindingResult'], h.clock.now())
    await h.ok('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-2-2-1801', role: 'tenant', name: '王磊', phone: '13800000502' })
    const [b] = await h.store.c.bindings.find({ where: { houseId: 'sunshine-2-2-1801' } })
    await h.ok('agent-chen', 'account', 'approveBinding', { bindingId: b._id })
    h.clock.advance(60_000)
    expect(await tick()).toEqual({ ok: true, data: { jobs: { outbox: expect.objectContaining({ sent: 1 }) } } })
    expect(h.notifier.sent.map((m) => m.openid)).toEqual(['dev-resident-wang'])
  })

  it('a job that is not woken still runs within a sweep, so a lost wake delays work and never drops it', async () => {
    const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)
    await tick()
    // A push written behind the scheduler's back (no wake), as by code that forgot to say so.
    await h.store.c.outbox.set({
      _id: 'lost-wake',
      openid: 'dev-resident-wang',
      templateKey: 'bindingResult',
      page: '/pages/index/index',
      data: { result: '已通过', house: '2栋2单元1801', note: '' },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: h.clock.now(),
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    })
    h.clock.advance(SWEEP_MS - 60_000)
    expect(await tick()).toEqual({ ok: true, data: { jobs: {} } })
    h.clock.advance(60_000)
    expect(await tick()).toMatchObject({ ok: true, data: { jobs: { outbox: expect.objectContaining({ no_quota: 1 }) } } })
  })
})
