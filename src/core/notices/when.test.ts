import { clockMinutes, describeAt, describeDay, resolvePicked, toPicked } from './when'

const NOW = Date.UTC(2026, 10, 24, 2) // 2026-11-24 10:00 Shanghai
const HOUR = 3600_000

describe('picked dates and times', () => {
  it('reads a time of day, or nothing', () => {
    expect(clockMinutes('16:00')).toBe(960)
    expect(clockMinutes(' 8:05 ')).toBe(485)
    expect(clockMinutes('16：30')).toBe(990)
    expect(clockMinutes('24:00')).toBeUndefined()
    expect(clockMinutes('16')).toBeUndefined()
    expect(clockMinutes('')).toBeUndefined()
  })

  it('a time alone is the next such time: today, or tomorrow once it has passed', () => {
    expect(resolvePicked({ date: '', time: '16:00' }, NOW)).toBe(NOW + 6 * HOUR)
    expect(resolvePicked({ date: '', time: '09:00' }, NOW)).toBe(NOW + 23 * HOUR)
    expect(resolvePicked({ date: '', time: '10:00' }, NOW)).toBe(NOW + 24 * HOUR)
  })

  it('a date and a time are exactly that moment in Shanghai, even in the past', () => {
    expect(resolvePicked({ date: '2026-11-26', time: '08:30' }, NOW)).toBe(Date.UTC(2026, 10, 26, 0, 30))
    expect(resolvePicked({ date: '2026-11-24', time: '09:00' }, NOW)).toBe(NOW - HOUR)
    expect(resolvePicked({ date: '2026-11-26', time: '' }, NOW)).toBeUndefined()
    expect(resolvePicked({ date: '2026-02-30', time: '08:00' }, NOW)).toBeUndefined()
  })

  it('round-trips through the pickers and reads back in words', () => {
    expect(toPicked(NOW + 6 * HOUR)).toEqual({ date: '2026-11-24', time: '16:00' })
    expect(toPicked(Date.UTC(2026, 10, 24, 16, 30))).toEqual({ date: '2026-11-25', time: '00:30' })
    expect(describeAt(NOW + 6 * HOUR, NOW)).toBe('今天 16:00')
    expect(describeAt(NOW + 23 * HOUR, NOW)).toBe('明天 09:00')
    expect(describeAt(NOW + 48 * HOUR, NOW)).toBe('后天 10:00')
    expect(describeAt(NOW + 4 * 24 * HOUR, NOW)).toBe('11月28日 10:00')
    expect(describeAt(Date.UTC(2027, 0, 3, 2), NOW)).toBe('2027年1月3日 10:00')
    expect(describeDay(NOW - 24 * HOUR, NOW)).toBe('11月23日')
  })
})
