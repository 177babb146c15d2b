import { harness, type Harness } from '../../../test/helpers/harness'
import { notify } from './notify'
import { deliverOutbox, MAX_ATTEMPTS } from './deliver'
import { grant } from './quota'

let h: Harness
beforeEach(async () => {
  h = await harness()
  // zhang accepted the template once (one accepted request = one message).
  await grant(h.store, 'dev-resident-zhang', ['bindingResult'], h.clock.now())
})
afterEach(() => h.close())

const send = () =>
  h.store.transaction((tx) =>
    notify(tx, h.clock.now(), {
      openid: 'dev-resident-zhang',
      title: '测试',
      body: '内容',
      page: '/pages/mine/index',
      push: { templateKey: 'bindingResult', data: { house: '1栋1单元301', result: '已通过', note: '' } },
    }),
  )

describe('outbox', () => {
  it('uses one grant per message and sends nothing without one', async () => {
    await send()
    await send()
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1, no_quota: 1 })
    expect(h.notifier.sent).toHaveLength(1)
    const q = await h.store.c.subscriptions.get('dev-resident-zhang_bindingResult')
    expect(q).toMatchObject({ accepted: 1, sent: 1 })
    // Both still reached the in-app message center.
    expect(await h.store.c.messages.count({ openid: 'dev-resident-zhang' })).toBe(2)
  })

  it('holds a push until its notBefore time', async () => {
    await h.store.transaction((tx) =>
      notify(tx, h.clock.now(), {
        openid: 'dev-resident-zhang',
        title: 't',
        body: 'b',
        page: '/p',
        push: { templateKey: 'bindingResult', data: { house: '1栋', result: '已通过', note: '' }, notBefore: h.clock.now() + 3_600_000 },
      }),
    )
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 })
    h.clock.advance(3_600_000)
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 })
  })

  it('writes the in-app message at once and delivers the push later', async () => {
    await send()
    expect(await h.store.c.messages.count({ openid: 'dev-resident-zhang' })).toBe(1)
    expect(h.notifier.sent).toHaveLength(0)
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 })
    expect(h.notifier.sent[0]).toMatchObject({ openid: 'dev-resident-zhang', page: '/pages/mine/index' })
    // Nothing is sent twice.
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 })
  })

  it('retries a failed push after a backoff instead of dropping it', async () => {
    await send()
    h.notifier.failNext(2)
    expect(await deliverOutbox(h.deps)).toMatchObject({ retry: 1, sent: 0 })
    // Not due yet: the backoff holds it.
    expect(await deliverOutbox(h.deps)).toMatchObject({ retry: 0, sent: 0 })
    h.clock.advance(60_000)
    expect(await deliverOutbox(h.deps)).toMatchObject({ retry: 1 })
    h.clock.advance(120_000)
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 })
    const [doc] = await h.store.c.outbox.find({})
    expect(doc).toMatchObject({ status: 'sent', attempts: 3 })
  })

  it('gives up after the last attempt and keeps the error for staff to see', async () => {
    await send()
    h.notifier.failNext(100)
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverOutbox(h.deps)
      h.clock.advance(3_600_000)
    }
    const [doc] = await h.store.c.outbox.find({})
    expect(doc).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'simulated network error' })
  })

  it('two senders at once (overlapping timer runs) push each message once', async () => {
    await grant(h.store, 'dev-resident-zhang', ['bindingResult'], h.clock.now())
    await send()
    await send()
    const [a, b] = await Promise.all([deliverOutbox(h.deps), deliverOutbox(h.deps)])
    expect(a.sent + b.sent).toBe(2)
    expect(a.taken + b.taken).toBe(2)
    expect(h.notifier.sent).toHaveLength(2)
    const rows = await h.store.c.outbox.find({})
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ])
  })

  it('a notifier that throws fails that push with a backoff and goes on with the next', async () => {
    await grant(h.store, 'dev-resident-zhang', ['bindingResult'], h.clock.now())
    const first = await send()
    const second = await send()
    let calls = 0
    const flaky = {
      ...h.deps,
      notifier: {
        channel: 'subscribe' as const,
        push: async () => {
          if (calls++ === 0) throw new Error('socket hang up')
          return { status: 'sent' as const }
        },
      },
    }
    expect(await deliverOutbox(flaky)).toMatchObject({ retry: 1, sent: 1 })
    const outbox = h.store.c.outbox
    expect(await outbox.get(first.outboxId!)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'socket hang up',
      nextAttemptAt: h.clock.now() + 60_000,
    })
    expect(await outbox.get(second.outboxId!)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('a push left half-sent by a sender that died is not pushed again', async () => {
    const { outboxId } = await send()
    const outbox = h.store.c.outbox
    await outbox.update(outboxId!, { status: 'sending', nextAttemptAt: h.clock.now() + 1000 })
    // Still within the dead sender's claim: nobody touches it.
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 0 })
    h.clock.advance(1001)
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 1 })
    expect(h.notifier.sent).toHaveLength(0)
    expect(await outbox.get(outboxId!)).toMatchObject({ status: 'failed', lastError: 'interrupted while sending' })
    // The in-app message is still there.
    expect(await h.store.c.messages.count({ openid: 'dev-resident-zhang' })).toBe(1)
  })
})
