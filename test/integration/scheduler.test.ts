import { FUNCTIONS } from '../../scripts/host/functions'
import { harness, type Harness } from '../helpers/harness'
import { grant } from '../../cloudfunctions/lib/outbox/quota'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

describe('scheduler', () => {
  it('runs as the timer (no OPENID) and delivers what is due', async () => {
    await grant(h.store, 'dev-resident-wang', ['bindingResult'], h.clock.now())
    await h.ok('resident-wang', 'account', 'bindHouse', { houseId: 'sunshine-2-2-1801', role: 'tenant', name: '王磊', phone: '13800000502' })
    const [b] = await h.store.collection('bindings').find({ where: { houseId: 'sunshine-2-2-1801' } })
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
})
