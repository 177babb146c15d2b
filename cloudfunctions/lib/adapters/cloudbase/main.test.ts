import { eventFor, identityOf } from './main'

describe('who called: the platform says, by SOURCE', () => {
  it('a timer trigger is the timer, with no person', () => {
    expect(identityOf({ SOURCE: 'wx_trigger' })).toEqual({ openid: null, source: 'timer' })
  })

  it("WeChat Pay's callback is the payment source, with no person", () => {
    expect(identityOf({ SOURCE: 'wx_paycallback' })).toEqual({ openid: null, source: 'payment' })
  })

  it('a client is a person, even when it sends a timer-shaped event or has no OPENID', () => {
    expect(identityOf({ SOURCE: 'wx_client', OPENID: 'oABC123' })).toEqual({ openid: 'oABC123', source: 'wechat' })
    expect(identityOf({ SOURCE: 'wx_devtools', OPENID: 'oABC123' })).toEqual({ openid: 'oABC123', source: 'wechat' })
    expect(identityOf({ SOURCE: 'wx_client' })).toEqual({ openid: null, source: 'wechat' })
    expect(identityOf({})).toEqual({ openid: null, source: 'wechat' })
  })
})

describe('what a trigger runs', () => {
  const timer = { openid: null, source: 'timer' } as const
  const trigger = { Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-12-04T10:00:00Z' }

  it("a trigger's event becomes the function's timer action", () => {
    expect(eventFor(timer, trigger, 'tick')).toEqual({ action: 'tick' })
  })

  it('a function without a timer action refuses the trigger (empty action fails the contract)', () => {
    expect(eventFor(timer, trigger)).toEqual({ action: '' })
  })

  it("a client's event passes through unchanged, timer-shaped or not", () => {
    const person = { openid: 'oABC123', source: 'wechat' } as const
    expect(eventFor(person, trigger, 'tick')).toBe(trigger)
  })
})
