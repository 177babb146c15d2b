import { feeItemRuleErrors, repriced, toggled } from '../../core/bills/fee-items'
import { draftOf, feeItemInput, newDraft, withKind } from './draft'

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

describe('the 收费项目 form', () => {
  it('a new one-off item: its period, monthly, no late fee; the price in fen', () => {
    const d = { ...withKind(newDraft(), 'oneoff'), name: ' 电梯维修分摊 ', price: '50', onlyPeriod: '2026-12' }
    expect(feeItemInput(d)).toEqual({
      input: { kind: 'oneoff', name: '电梯维修分摊', unitPrice: 5000, cycle: 'monthly', dueDay: 0, onlyPeriod: '2026-12', active: true },
    })
    expect(feeItemRuleErrors({ kind: 'oneoff', cycle: 'monthly', onlyPeriod: '2026-12' })).toBeNull()
  })

  it('switching kind on a new item: the default name follows, a typed one stays', () => {
    expect(withKind(newDraft('property'), 'parking').name).toBe('停车费')
    expect(withKind(newDraft('property'), 'oneoff').name).toBe('')
    expect(withKind({ ...newDraft('oneoff'), name: '电梯维修分摊' }, 'water').name).toBe('电梯维修分摊')
    expect(withKind({ ...newDraft('property'), cycle: 'quarterly' }, 'oneoff').cycle).toBe('monthly')
  })

  it('an existing item round-trips: the form as loaded sends what repriced() sends', () => {
    expect(feeItemInput(draftOf(property))).toEqual({ input: repriced(property, { residential: 250, commercial: 400 }) })
    const d = { ...draftOf(property), price: '2.8', commercial: '4.5', cycle: 'quarterly' as const, dueDay: '15', lateFeeOn: true, bpPerDay: '5', capPct: '10' }
    expect(feeItemInput(d)).toEqual({
      input: {
        id: 'sunshine-property',
        kind: 'property',
        name: '物业费',
        unitPrice: 280,
        priceByType: { residential: 280, commercial: 450 },
        cycle: 'quarterly',
        dueDay: 15,
        lateFee: { bpPerDay: 5, capBp: 1000 },
        active: true,
      },
    })
    // Turning the late fee off sends no rule: the saved item has none.
    const withRule = { ...property, lateFee: { bpPerDay: 5, capBp: 1000 } }
    expect(draftOf(withRule)).toMatchObject({ lateFeeOn: true, bpPerDay: '5', capPct: '10' })
    expect((feeItemInput({ ...draftOf(withRule), lateFeeOn: false }) as { input: object }).input).not.toHaveProperty('lateFee')
  })

  it('every error is keyed as the server keys it, so one map shows both', () => {
    const bad = { ...newDraft('property'), name: '物', price: '2.805', commercial: '', dueDay: '31', lateFeeOn: true, bpPerDay: '80', capPct: '50' }
    expect(feeItemInput(bad)).toEqual({
      errors: {
        unitPrice: expect.stringContaining('最多两位小数'),
        'priceByType.commercial': expect.stringContaining('商铺单价'),
        dueDay: '到期日请填 1–28，或 0 表示月末',
        'lateFee.bpPerDay': expect.stringContaining('1–50'),
        'lateFee.capBp': expect.stringContaining('30'),
        name: '请填写收费项目名称',
      },
    })
    expect(feeItemInput({ ...newDraft('oneoff'), name: '电梯维修分摊', price: '0', onlyPeriod: '2026-13' })).toEqual({
      errors: { unitPrice: expect.stringContaining('须大于 0'), onlyPeriod: expect.stringContaining('YYYY-MM') },
    })
  })

  it('停用 sends the item as it charges now, switched off', () => {
    const parking = { ...property, id: 'sunshine-parking', kind: 'parking' as const, name: '停车费', unitPrice: 15000, priceByType: undefined }
    expect(toggled(parking)).toEqual({ ...repriced(parking, 15000), active: false })
    expect(toggled({ ...property, active: false })).toEqual({ ...repriced(property, { residential: 250, commercial: 400 }), active: true })
  })
})
