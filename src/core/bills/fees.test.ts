import { billsInPeriod, daysOverdue, dueDate, lateFee, meterFee, mulHundredths, periodLabel, propertyFee, toHundredths } from './fees'
import { agingBand, arrearsByBuilding } from './aging'

const at = (iso: string) => new Date(iso).getTime()

describe('fees in integer fen', () => {
  it('物业费 = area × price, half a fen rounds up, less rounds down', () => {
    expect(propertyFee(91.65, { unitPrice: 250, cycle: 'monthly' }).amount).toBe(22913) // 229.125
    expect(propertyFee(118.3, { unitPrice: 250, cycle: 'monthly' }).amount).toBe(29575)
    expect(propertyFee(89.51, { unitPrice: 250, cycle: 'monthly' }).amount).toBe(22378) // 223.775 → 223.78
    expect(propertyFee(100.01, { unitPrice: 133, cycle: 'monthly' }).amount).toBe(13301) // 13301.33
    expect(toHundredths(118.3)).toBe(11830) // not 11829.999…
    expect(mulHundredths(1, 49)).toBe(0)
    expect(mulHundredths(1, 50)).toBe(1)
  })

  it('by house type and cycle', () => {
    const item = { unitPrice: 250, priceByType: { commercial: 400 }, cycle: 'quarterly' as const }
    expect(propertyFee(100, item, 'commercial')).toEqual({ amount: 120000, basis: '商铺 100.00 m² × ¥4.00/m²·月 × 3 个月' })
    expect(propertyFee(100, item, 'residential')).toEqual({ amount: 75000, basis: '100.00 m² × ¥2.50/m²·月 × 3 个月' })
    // No type given (a house stored before types existed): residential.
    expect(propertyFee(89.5, { unitPrice: 250, priceByType: { residential: 250, commercial: 400 }, cycle: 'monthly' })).toEqual({
      amount: 22375,
      basis: '89.50 m² × ¥2.50/m²·月',
    })
    // A type without its own price pays unitPrice.
    expect(propertyFee(89.5, { unitPrice: 250, cycle: 'monthly' }, 'commercial').amount).toBe(22375)
    expect(billsInPeriod({ kind: 'property', cycle: 'quarterly' }, '2026-10')).toBe(true)
    expect(billsInPeriod({ kind: 'property', cycle: 'quarterly' }, '2026-11')).toBe(false)
    expect(billsInPeriod({ kind: 'oneoff', cycle: 'monthly', onlyPeriod: '2026-11' }, '2026-11')).toBe(true)
    expect(periodLabel('2026-10', 'quarterly')).toBe('2026-10 至 2026-12')
  })

  it('meters in hundredths of a unit', () => {
    expect(meterFee(12050, 13275, { unitPrice: 500, kind: 'water' })).toEqual({ amount: 6125, basis: '12.25 吨 × ¥5.00/吨' })
  })

  it('due dates, overdue days in Shanghai, late fee off unless set', () => {
    expect(dueDate('2026-11', 0)).toBe('2026-11-30')
    expect(dueDate('2026-02', 0)).toBe('2026-02-28')
    expect(dueDate('2026-11', 15)).toBe('2026-11-15')
    // 2026-12-01 00:30 Shanghai is still 2026-11-30 in UTC: the Shanghai date counts.
    expect(daysOverdue('2026-11-30', at('2026-11-30T16:30:00Z'))).toBe(1)
    expect(lateFee(10000, 10, undefined)).toBe(0)
    expect(lateFee(10000, 10, { bpPerDay: 5, capBp: 1000 })).toBe(50)
    expect(lateFee(10000, 1000, { bpPerDay: 5, capBp: 1000 })).toBe(1000)
  })

  it('aging bands and arrears by building in natural order', () => {
    const now = at('2026-11-24T02:00:00Z')
    expect(agingBand('2026-11-30', now)).toBe('d0_30')
    expect(agingBand('2026-09-30', now)).toBe('d31_90')
    expect(agingBand('2026-06-30', now)).toBe('d90_plus')
    const rows = arrearsByBuilding(
      [
        { houseId: 'a', building: '10', amount: 100, dueDate: '2026-06-30' },
        { houseId: 'b', building: '2', amount: 50, dueDate: '2026-11-30' },
        { houseId: 'b', building: '2', amount: 70, dueDate: '2026-10-31' },
      ],
      now,
    )
    expect(rows).toEqual([
      { building: '2', houses: 1, bills: 2, total: 120, bands: { d0_30: 120, d31_90: 0, d90_plus: 0 } },
      { building: '10', houses: 1, bills: 1, total: 100, bands: { d0_30: 0, d31_90: 0, d90_plus: 100 } },
    ])
  })
})
