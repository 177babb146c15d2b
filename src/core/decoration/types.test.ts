import {
  periodText,
  hoursText,
  isNeighbour,
  nextInspection,
  permitState,
  requiredInspections,
  rulesProblems,
  DEFAULT_RULES,
  permitCode,
  permitIdOf,
} from './types'

const d = { status: 'approved' as const, start: '2026-12-01', end: '2026-12-31', deposit: 200_000 }

describe('装修 rules', () => {
  it('asks for the inspections its works need, in the order the work reaches them', () => {
    expect(requiredInspections(['ceiling', 'painting'])).toEqual(['final'])
    expect(requiredInspections(['waterproof', 'tiling', 'wiring'])).toEqual(['hidden', 'waterproof', 'final'])
    const passed = (kind: 'hidden' | 'waterproof' | 'final', ok: boolean) => ({
      kind,
      date: '2026-12-05',
      slot: 'am' as const,
      bookedAt: 0,
      result: { at: 0, byOpenid: '', byName: '', passed: ok, results: [] },
    })
    expect(nextInspection({ works: ['wiring', 'waterproof'], inspections: [passed('hidden', false)] })).toBe('hidden')
    expect(nextInspection({ works: ['wiring', 'waterproof'], inspections: [passed('hidden', false), passed('hidden', true)] })).toBe('waterproof')
    expect(nextInspection({ works: ['painting'], inspections: [passed('final', true)] })).toBeNull()
  })

  it('reads the permit at the gate: paid, in its period, not stopped', () => {
    expect(permitState(d, false, '2026-12-10')).toBe('unpaid')
    expect(permitState(d, true, '2026-11-30')).toBe('early')
    expect(permitState(d, true, '2026-12-01')).toBe('valid')
    expect(permitState(d, true, '2026-12-31')).toBe('valid')
    expect(permitState(d, true, '2027-01-01')).toBe('expired')
    expect(permitState({ ...d, status: 'stopped' }, true, '2026-12-10')).toBe('stopped')
    expect(permitState({ ...d, deposit: 0 }, false, '2026-12-10')).toBe('valid')
    expect(permitState({ ...d, status: 'withdrawn' }, true, '2026-12-10')).toBe('void')
    expect(permitIdOf(permitCode('zx_abc'))).toBe('zx_abc')
    expect(permitIdOf('zx_abc')).toBeNull()
  })

  it('tells the same unit on its own floor and the floors just above and below, never itself', () => {
    const me = { houseId: 'c-1-1-301', building: '1', unit: '1', floor: 3 }
    const h = (building: string, unit: string, floor: number, _id = `c-${building}-${unit}-${floor}02`) => ({ _id, building, unit, floor })
    expect(isNeighbour(me, h('1', '1', 2))).toBe(true)
    expect(isNeighbour(me, h('1', '1', 3))).toBe(true)
    expect(isNeighbour(me, h('1', '1', 4))).toBe(true)
    expect(isNeighbour(me, h('1', '1', 5))).toBe(false)
    expect(isNeighbour(me, h('1', '2', 3))).toBe(false)
    expect(isNeighbour(me, h('2', '1', 3))).toBe(false)
    expect(isNeighbour(me, h('1', '1', 3, 'c-1-1-301'))).toBe(false)
  })

  it('says the hours in words and refuses periods that end before they start or overlap', () => {
    expect(hoursText(DEFAULT_RULES)).toBe('工作日 8:00–12:00、14:00–18:00；周末及节假日只可进行无噪音施工')
    expect(rulesProblems(DEFAULT_RULES)).toEqual({})
    expect(periodText({ start: '2026-11-26', end: '2026-12-31' })).toBe('11月26日–12月31日')
    expect(periodText({ start: '2026-12-10', end: '2027-02-07' })).toBe('12月10日–2027年2月7日')
    expect(rulesProblems({ ...DEFAULT_RULES, periods: [{ from: '12:00', to: '08:00' }] })).toEqual({ 'periods.0': '12:00–08:00：结束时间要晚于开始时间' })
    expect(
      rulesProblems({
        ...DEFAULT_RULES,
        periods: [
          { from: '13:00', to: '18:00' },
          { from: '08:00', to: '13:30' },
        ],
      }),
    ).toEqual({ 'periods.1': '施工时段不能重叠' })
  })
})
