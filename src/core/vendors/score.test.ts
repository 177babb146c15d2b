import { contractDaysLeft, fixState, monthScore } from './score'

describe('vendor scores', () => {
  it('70 % the checks, 30 % the department’s on-time resolution; either alone when the other is missing', () => {
    expect(monthScore([80, 90], { tickets: 10, resolveDue: 10, resolveOnTime: 6 })).toEqual({ quality: 85, checks: 2, service: 60, tickets: 10, total: 78 })
    expect(monthScore([72], null)).toMatchObject({ quality: 72, service: null, total: 72 })
    expect(monthScore([], { tickets: 3, resolveDue: 4, resolveOnTime: 4 })).toMatchObject({ quality: null, service: 100, total: 100 })
    expect(monthScore([], { tickets: 2, resolveDue: 0, resolveOnTime: 0 })).toMatchObject({ total: null, tickets: 2 })
  })

  it('a fix is overdue past its deadline until a re-check passes it', () => {
    expect(fixState({ state: 'open', dueAt: 100 }, 100)).toBe('open')
    expect(fixState({ state: 'open', dueAt: 100 }, 101)).toBe('overdue')
    expect(fixState({ state: 'passed', dueAt: 100 }, 500)).toBe('passed')
  })

  it('counts the days left on a contract', () => {
    expect(contractDaysLeft('2026-12-31', '2026-12-07')).toBe(24)
    expect(contractDaysLeft('2026-12-01', '2026-12-07')).toBe(-6)
  })
})
