import { atShanghai } from '../shared/time'
import { periodOf, roundState, scheduleLabel } from './schedule'

describe('schedule', () => {
  const tuesday = atShanghai('2026-11-24 10:00')

  it('a daily round is today, due at its hour', () => {
    const p = periodOf({ every: 'daily', dueBy: '11:00' }, tuesday)
    expect(p).toEqual({ key: '2026-11-24', start: atShanghai('2026-11-24'), dueAt: atShanghai('2026-11-24 11:00'), end: atShanghai('2026-11-25') })
  })

  it('a weekly round runs Monday to Sunday and is due on its weekday', () => {
    const p = periodOf({ every: 'weekly', weekday: 3, dueBy: '17:00' }, tuesday)
    expect(p).toMatchObject({ key: '2026-11-23', dueAt: atShanghai('2026-11-25 17:00'), end: atShanghai('2026-11-30') })
    // Sunday night is still the same week.
    expect(periodOf({ every: 'weekly', weekday: 3, dueBy: '17:00' }, atShanghai('2026-11-29 23:59')).key).toBe('2026-11-23')
    expect(periodOf({ every: 'weekly', weekday: 3, dueBy: '17:00' }, atShanghai('2026-11-30 00:00')).key).toBe('2026-11-30')
  })

  it('overdue once past due unless finished, and late when finished after it', () => {
    const p = { dueAt: tuesday }
    expect(roundState(p, null, tuesday)).toBe('todo')
    expect(roundState(p, {}, tuesday)).toBe('running')
    expect(roundState(p, {}, tuesday + 1)).toBe('overdue')
    expect(roundState(p, { finishedAt: tuesday }, tuesday + 10)).toBe('done')
    expect(roundState(p, { finishedAt: tuesday + 5 }, tuesday + 10)).toBe('late')
  })

  it('says it in words', () => {
    expect(scheduleLabel({ every: 'daily', dueBy: '11:00' })).toBe('每天 11:00 前')
    expect(scheduleLabel({ every: 'weekly', weekday: 3, dueBy: '17:00' })).toBe('每周三 17:00 前')
  })
})
