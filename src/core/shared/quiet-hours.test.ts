import { isQuiet, nextSendTime } from './quiet-hours'

// Shanghai = UTC+8
const sh = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 8, m)

describe('quiet hours 22:00–07:00', () => {
  it('knows the quiet night', () => {
    expect(isQuiet(sh(24, 21, 59))).toBe(false)
    expect(isQuiet(sh(24, 22, 0))).toBe(true)
    expect(isQuiet(sh(25, 6, 59))).toBe(true)
    expect(isQuiet(sh(25, 7, 0))).toBe(false)
  })

  it('holds a late-evening push until 07:00 the next morning, and an early one until 07:00 today', () => {
    expect(nextSendTime(sh(24, 23, 30))).toBe(sh(25, 7))
    expect(nextSendTime(sh(25, 3, 0))).toBe(sh(25, 7))
    expect(nextSendTime(sh(25, 10, 0))).toBe(sh(25, 10, 0))
  })
})

describe("a community's own quiet window", () => {
  it('spans midnight or sits within one day', () => {
    const late = { start: 21, end: 8 }
    expect(isQuiet(sh(24, 21, 0), late)).toBe(true)
    expect(nextSendTime(sh(24, 21, 30), late)).toBe(sh(25, 8))
    expect(nextSendTime(sh(25, 7, 30), late)).toBe(sh(25, 8))
    const noon = { start: 12, end: 14 }
    expect(isQuiet(sh(25, 11, 59), noon)).toBe(false)
    expect(nextSendTime(sh(25, 12, 30), noon)).toBe(sh(25, 14))
    expect(nextSendTime(sh(25, 14, 0), noon)).toBe(sh(25, 14))
  })
})
