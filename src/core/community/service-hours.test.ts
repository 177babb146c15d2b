import { isServiceOpen } from './service-hours'

const hours = { open: '09:00', close: '18:00' }
// Shanghai is UTC+8: 09:00 there is 01:00 UTC.
const at = (h: number, m = 0) => Date.UTC(2026, 10, 24, h - 8, m)

describe('isServiceOpen', () => {
  it('is open from 09:00 up to but not including 18:00 Shanghai time', () => {
    expect(isServiceOpen(at(8, 59), hours)).toBe(false)
    expect(isServiceOpen(at(9, 0), hours)).toBe(true)
    expect(isServiceOpen(at(17, 59), hours)).toBe(true)
    expect(isServiceOpen(at(18, 0), hours)).toBe(false)
  })
})
