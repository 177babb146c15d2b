import {
  billingMonths,
  cycleWords,
  dueWords,
  feeItemChangeSummary,
  feeItemPrices,
  feeItemRuleErrors,
  lateFeeShort,
  lateFeeWords,
  nextBillingPeriod,
  pricedByType,
  repriced,
} from './fee-items'
import { propertyFee } from './fees'

const property = {
  id: 'sunshine-property',
  kind: 'property' as const,
  name: '物业费',
  unitPrice: 250,
  priceByType: { residential: 250, commercial: 400 },
  cycle: 'monthly' as const,
  dueDay: 0,
  active: true,
}

describe('fee item prices: unitPrice and priceByType never disagree', () => {
  it('the 收费项目 page sends each house type’s price, unitPrice following 住宅', () => {
    expect(pricedByType(property)).toBe(true)
    const input = repriced(property, { residential: 280, commercial: 450 })
    expect(input).toEqual({
      id: 'sunshine-property',
      kind: 'property',
      name: '物业费',
      cycle: 'monthly',
      dueDay: 0,
      active: true,
      unitPrice: 280,
      priceByType: { residential: 280, commercial: 450 },
    })
    const stored = feeItemPrices(input)
    expect(stored).toEqual({ unitPrice: 280, priceByType: { residential: 280, commercial: 450 } })
    // What the bill run then charges: the new price, per type.
    const item = { ...input, ...(stored as { unitPrice: number }) }
    expect(propertyFee(91.65, item, 'residential').amount).toBe(25662)
    expect(propertyFee(89.5, item, 'commercial').amount).toBe(40275)
  })

  it('a new unitPrice beside the old 住宅 price is refused, not silently ignored', () => {
    // What the page used to send: the price typed into unitPrice, priceByType sent back unchanged.
    expect(feeItemPrices({ kind: 'property', unitPrice: 280, priceByType: { residential: 250, commercial: 400 } })).toEqual({
      errors: { 'priceByType.residential': expect.stringContaining('不一致') },
    })
  })

  it('priceByType without 住宅 takes unitPrice as the 住宅 price; other items have one price only', () => {
    expect(feeItemPrices({ kind: 'property', unitPrice: 250, priceByType: { commercial: 400 } })).toEqual({
      unitPrice: 250,
      priceByType: { residential: 250, commercial: 400 },
    })
    expect(feeItemPrices({ kind: 'property', unitPrice: 250 })).toEqual({ unitPrice: 250 })
    expect(feeItemPrices({ kind: 'parking', unitPrice: 15000 })).toEqual({ unitPrice: 15000 })
    expect(feeItemPrices({ kind: 'parking', unitPrice: 15000, priceByType: { commercial: 20000 } })).toEqual({ errors: { priceByType: expect.any(String) } })
    const parking = { ...property, id: 'sunshine-parking', kind: 'parking' as const, name: '停车费', unitPrice: 15000, priceByType: undefined }
    expect(pricedByType(parking)).toBe(false)
    expect(repriced(parking, 16000)).toEqual({
      id: 'sunshine-parking',
      kind: 'parking',
      name: '停车费',
      cycle: 'monthly',
      dueDay: 0,
      active: true,
      unitPrice: 16000,
    })
  })
})

describe('what a setting means, in words', () => {
  it('due day 0 is the month end', () => {
    expect(dueWords({ kind: 'property', cycle: 'monthly', dueDay: 0 })).toBe('每月月末到期')
    expect(dueWords({ kind: 'parking', cycle: 'quarterly', dueDay: 15 })).toBe('每季首月 15 日到期')
    expect(dueWords({ kind: 'property', cycle: 'yearly', dueDay: 0 })).toBe('每年 1 月 31 日到期')
    expect(dueWords({ kind: 'oneoff', cycle: 'monthly', dueDay: 0, onlyPeriod: '2027-02' })).toBe('2027-02-28 到期')
  })

  it('cycles and the periods they bill in', () => {
    expect(billingMonths('quarterly')).toEqual([1, 4, 7, 10])
    expect(cycleWords('property', 'quarterly')).toBe('每年 1、4、7、10 月出账，每张账单收 3 个月')
    expect(cycleWords('water', 'monthly')).toBe('每月出账，按当期导入的抄表用量计费')
    expect([nextBillingPeriod('monthly', '2026-11'), nextBillingPeriod('quarterly', '2026-11'), nextBillingPeriod('yearly', '2026-01')]).toEqual([
      '2026-11',
      '2027-01',
      '2026-01',
    ])
  })

  it('the late fee rule, with an example worked by lateFee()', () => {
    expect(lateFeeWords(undefined)).toContain('不收滞纳金')
    const words = lateFeeWords({ bpPerDay: 5, capBp: 1000 })
    expect(words).toContain('万分之5（0.05%）')
    expect(words).toContain('最多加收未缴金额的 10%')
    // ¥100.00 × 0.05% × 30 days = ¥1.50; the 10% cap (¥10.00) is reached on day 200.
    expect(words).toContain('逾期 30 天加收 ¥1.50，逾期 200 天起按上限 ¥10.00 计')
    expect(lateFeeShort({ bpPerDay: 3, capBp: 500 })).toBe('逾期每天加收万分之3，最多 5%')
  })
})

describe('the server’s rules and the audit summary', () => {
  it('a one-off needs its period, only a one-off has one, and an item keeps its kind', () => {
    expect(feeItemRuleErrors({ kind: 'oneoff', cycle: 'monthly' })).toEqual({ onlyPeriod: expect.any(String) })
    expect(feeItemRuleErrors({ kind: 'oneoff', cycle: 'yearly', onlyPeriod: '2026-12' })).toEqual({ cycle: expect.any(String) })
    expect(feeItemRuleErrors({ kind: 'parking', cycle: 'monthly', onlyPeriod: '2026-12' })).toEqual({ onlyPeriod: expect.any(String) })
    expect(feeItemRuleErrors({ kind: 'oneoff', cycle: 'monthly', onlyPeriod: '2026-12' }, { kind: 'property' })).toEqual({ kind: expect.any(String) })
  })

  it('says what changed', () => {
    const doc = { _id: 'sunshine-property', communityId: 'sunshine', ...property, createdAt: 0, updatedAt: 0 }
    expect(feeItemChangeSummary(doc, { ...doc, unitPrice: 280, priceByType: { residential: 280, commercial: 450 } })).toBe(
      '修改收费项目「物业费」：¥2.50（商铺 ¥4.00） → ¥2.80（商铺 ¥4.50）',
    )
    expect(feeItemChangeSummary(doc, { ...doc, active: false })).toBe('停用收费项目「物业费」')
    expect(feeItemChangeSummary(doc, { ...doc, dueDay: 15, lateFee: { bpPerDay: 5, capBp: 1000 }, active: false })).toBe(
      '修改收费项目「物业费」：到期日 月末 → 15 日；滞纳金 不收滞纳金 → 逾期每天加收万分之5，最多 10%；停用',
    )
    const lift = {
      _id: 'x',
      communityId: 'sunshine',
      kind: 'oneoff' as const,
      name: '电梯维修分摊',
      unitPrice: 5000,
      cycle: 'monthly' as const,
      dueDay: 0,
      onlyPeriod: '2026-12',
      active: true,
      createdAt: 0,
      updatedAt: 0,
    }
    expect(feeItemChangeSummary(null, lift)).toBe('新增收费项目「电梯维修分摊」：¥50.00，一次性，账期 2026-12，月末到期，不收滞纳金')
  })
})
