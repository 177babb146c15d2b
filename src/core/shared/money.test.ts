import { parseHundredths, parseYuan, yuan } from './money'
import { percent } from '../bills/fee-items'

describe('fen as text', () => {
  it('two decimals, sign in front', () => {
    expect([yuan(22913), yuan(5), yuan(0), yuan(-5), yuan(100_000_000)]).toEqual(['229.13', '0.05', '0.00', '-0.05', '1000000.00'])
  })
})

describe('yuan as typed → fen, by string arithmetic', () => {
  it('reads two decimals exactly, including the ones a float gets wrong', () => {
    expect(parseYuan('2.8')).toBe(280)
    expect(parseYuan('2.80')).toBe(280)
    expect(parseYuan('12')).toBe(1200)
    expect(parseYuan('0.05')).toBe(5)
    expect(parseYuan(' ¥50.00 ')).toBe(5000)
    expect(parseYuan('.5')).toBe(50)
    expect(parseYuan('5.')).toBe(500)
    // 4.35 * 100 = 434.99999999999994 and 1.13 * 100 = 112.99999999999999 in floating point.
    expect(parseYuan('4.35')).toBe(435)
    expect(parseYuan('1.13')).toBe(113)
    expect(parseYuan('999999.99')).toBe(99_999_999)
  })

  it('is null for anything that is not an amount', () => {
    for (const s of ['', '.', '2.805', '-1', '1e3', 'abc', '2,50', '1.2.3', '0x10']) expect(parseYuan(s)).toBeNull()
  })

  it('percentages the same way: 10 → 1000 bp, shown back without trailing zeros', () => {
    expect(parseHundredths('12.5')).toBe(1250)
    expect([percent(1000), percent(5), percent(1250), percent(50)]).toEqual(['10', '0.05', '12.5', '0.5'])
  })
})
