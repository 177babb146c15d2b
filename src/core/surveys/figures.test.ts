import { computeFigures, type FigureRow } from './figures'

const row = (ticketId: string, over: Partial<FigureRow> = {}): FigureRow => ({
  ticketId,
  round: 1,
  type: 'repair',
  category: 'water_electric',
  department: 'engineering',
  handler: 'dev-tech-zhao',
  handlerName: '赵强',
  building: '1',
  month: '2026-11',
  ...over,
})
const ans = (overall: number, resolved = true) => ({ overall, resolved, tags: [], photos: [], source: 'app' as const, at: 0, firstAt: 0 })

describe('survey figures', () => {
  it('response rate, average, satisfied, resolved and callback coverage, by handler', () => {
    const f = computeFigures(
      [
        row('a', { answer: ans(5) }),
        row('b', { answer: ans(4) }),
        row('c', { answer: ans(1, false), handler: 'dev-cleaner-sun', handlerName: '孙丽' }),
        row('d', { callbackId: 'd_1' }),
        row('e', { callbackId: 'e_1', callbackReached: true, answer: ans(5) }),
      ],
      'handler',
    )
    expect(f.total).toMatchObject({
      surveyed: 5,
      answered: 4,
      responseRate: 0.8,
      averageScore: 3.75,
      satisfiedShare: 0.75,
      resolvedShare: 0.75,
      callbackCoverage: 0.5,
    })
    expect(f.groups.map((g) => [g.label, g.surveyed])).toEqual([
      ['赵强', 4],
      ['孙丽', 1],
    ])
  })
  it('a ticket counts once: the latest round wins', () => {
    const f = computeFigures([row('a', { answer: ans(1) }), row('a', { round: 2, answer: ans(5) })], 'building')
    expect(f.total).toMatchObject({ surveyed: 1, averageScore: 5 })
    expect(f.groups[0].label).toBe('1栋')
  })
  it('nothing to divide by is null, not 0', () => {
    expect(computeFigures([row('a')], 'type').total).toMatchObject({ responseRate: 0, averageScore: null, satisfiedShare: null, callbackCoverage: null })
  })
})
