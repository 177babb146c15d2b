import { feeItemPrices, pricedByType, repriced } from './fee-items'
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
    expect(input).toEqual({ id: 'sunshine-property', kind: 'property', name: '物业费', cycle: 'monthly', dueDay: 0, active: true, unitPrice: 280, priceByType: { residential: 280, commercial: 450 } })
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
    expect(feeItemPrices({ kind: 'property', unitPrice: 250, priceByType: { commercial: 400 } })).toEqual({ unitPrice: 250, priceByType: { residential: 250, commercial: 400 } })
    expect(feeItemPrices({ kind: 'property', unitPrice: 250 })).toEqual({ unitPrice: 250 })
    expect(feeItemPrices({ kind: 'parking', unitPrice: 15000 })).toEqual({ unitPrice: 15000 })
    expect(feeItemPrices({ kind: 'parking', unitPrice: 15000, priceByType: { commercial: 20000 } })).toEqual({ errors: { priceByType: expect.any(String) } })
    const parking = { ...property, id: 'sunshine-parking', kind: 'parking' as const, name: '停车费', unitPrice: 15000, priceByType: undefined }
    expect(pricedByType(parking)).toBe(false)
    expect(repriced(parking, 16000)).toEqual({ id: 'sunshine-parking', kind: 'parking', name: '停车费', cycle: 'monthly', dueDay: 0, active: true, unitPrice: 16000 })
  })
})
