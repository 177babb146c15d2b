import { AMEND_MS, answerFromCall, callbackPlan, canAmend, failedCalls, isBad, monthOf, needsCallback, UNRATED_CALLBACK_MS } from './rules'
import type { Answer } from './types'

const T = Date.UTC(2026, 10, 30, 17, 0) // 2026-12-01 01:00 in Shanghai
const answer = (over: Partial<Answer> = {}): Answer => ({ overall: 5, resolved: true, tags: [], photos: [], source: 'app', at: T, firstAt: T, ...over })

describe('survey rules', () => {
  it('bad outcome: a score of 2 or less, or not resolved', () => {
    expect(isBad({ overall: 2, resolved: true })).toBe(true)
    expect(isBad({ overall: 5, resolved: false })).toBe(true)
    expect(isBad({ overall: 3, resolved: true })).toBe(false)
  })
  it('an app answer is amendable for 24 h; a callback answer never', () => {
    expect(canAmend({ state: 'rated', answer: answer() }, T + AMEND_MS - 1)).toBe(true)
    expect(canAmend({ state: 'rated', answer: answer() }, T + AMEND_MS)).toBe(false)
    expect(canAmend({ state: 'rated', answer: answer({ source: 'callback' }) }, T)).toBe(false)
    expect(canAmend({ state: 'missed' }, T)).toBe(false)
  })
  it('callback policy: always at once, unrated after 72 h, never', () => {
    expect(callbackPlan('always', T)).toEqual({ now: true, checkAt: null })
    expect(callbackPlan('unrated', T)).toEqual({ now: false, checkAt: T + UNRATED_CALLBACK_MS })
    expect(callbackPlan('never', T)).toEqual({ now: false, checkAt: null })
    expect(needsCallback({ state: 'open' })).toBe(true)
    expect(needsCallback({ state: 'rated', answer: answer() })).toBe(false)
  })
  it('a recorded call is the rating: 满意 5, 不满意 2 and unresolved, 接通 needs the score, 未接通 none', () => {
    expect(answerFromCall('satisfied', {}, T)).toMatchObject({ overall: 5, resolved: true, source: 'callback' })
    expect(answerFromCall('dissatisfied', {}, T)).toMatchObject({ overall: 2, resolved: false })
    expect(answerFromCall('reached', { overall: 4 }, T)).toMatchObject({ overall: 4 })
    expect(() => answerFromCall('reached', {}, T)).toThrow('请记录住户的评分')
    expect(answerFromCall('unreached', {}, T)).toBeNull()
    expect(failedCalls([{ outcome: 'unreached' }, { outcome: 'unreached' }, { outcome: 'reached' }])).toBe(2)
  })
  it('months are Shanghai months', () => {
    expect(monthOf(T)).toBe('2026-12')
  })
})
