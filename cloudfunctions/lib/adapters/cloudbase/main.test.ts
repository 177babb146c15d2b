import { sourceOf } from './main'

describe('who called: timer or person', () => {
  it('a timer trigger has no OPENID and Type timer, in any case', () => {
    expect(sourceOf(undefined, { Type: 'timer', TriggerName: 'tick' })).toBe('timer')
    expect(sourceOf('', { Type: 'Timer' })).toBe('timer')
  })

  it('a resident claiming to be the timer stays a resident; no Type is a person', () => {
    expect(sourceOf('oABC123', { Type: 'timer' })).toBe('wechat')
    expect(sourceOf(undefined, {})).toBe('wechat')
    expect(sourceOf(undefined, null)).toBe('wechat')
  })
})
