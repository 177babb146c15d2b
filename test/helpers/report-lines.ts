import { emptyCounters, type Counters } from '../../src/core/supervisor/monthly'
import { lineOf, type TopProblems } from '../../src/core/supervisor/monthly-report'

/** Report figures built the way the server builds them: a line from counters. */
export const reportLine = (over: Partial<Counters>, key = 'all', label = '全小区') => lineOf(key, label, { ...emptyCounters(), ...over })

/** A whole November and a whole December of one community, December better on most counts. */
export const NOV = reportLine({
  tickets: 300,
  complaints: 10,
  respondDue: 100,
  respondOnTime: 92,
  resolveDue: 80,
  resolveOnTime: 72,
  closed: 80,
  firstTime: 76,
  answered: 50,
  scoreSum: 220,
  satisfied: 44,
  billed: 1_000_000,
  collected: 880_000,
})
export const DEC = reportLine({
  tickets: 312,
  complaints: 7,
  emergencies: 2,
  respondDue: 125,
  respondOnTime: 119,
  resolveDue: 100,
  resolveOnTime: 90,
  closed: 100,
  firstTime: 97,
  answered: 60,
  scoreSum: 271,
  satisfied: 54,
  billed: 12_345_678,
  collected: 11_000_000,
})
/** December's top problems: three categories and one repeated place. */
export const TOP: TopProblems = {
  types: [],
  categories: [
    { category: 'water_electric', label: '水电', count: 80 },
    { category: 'facility', label: '公共设施', count: 41 },
    { category: 'door_window', label: '门窗', count: 20 },
  ],
  places: [{ place: '2栋1单元 电梯', building: '2', count: 5, category: 'elevator' }],
}
