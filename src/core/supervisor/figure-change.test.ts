import { emptyCounters, type Counters } from './monthly'
import { lineOf } from './monthly-report'
import { changeOf, FIGURES, figureText, yuanText, type FigureKey } from './figure-change'

const line = (over: Partial<Counters>) => lineOf('all', '全小区', { ...emptyCounters(), ...over })
const fig = (key: FigureKey) => FIGURES.find((f) => f.key === key)!

// November: 300 tickets, 92 of 100 responses on time, 45 minutes on average, 4.40 of 5, 88.0% paid.
const nov = line({
  tickets: 300,
  complaints: 10,
  respondDue: 100,
  respondOnTime: 92,
  responseMinutes: 4500,
  responded: 100,
  answered: 50,
  scoreSum: 220,
  satisfied: 44,
  billed: 1_000_000,
  collected: 880_000,
})
// December (whole): 312 tickets, 95.2%, 30 minutes, 4.52, 94.0% paid.
const dec = line({
  tickets: 312,
  complaints: 7,
  respondDue: 125,
  respondOnTime: 119,
  responseMinutes: 3000,
  responded: 100,
  answered: 50,
  scoreSum: 226,
  satisfied: 44,
  billed: 1_000_000,
  collected: 940_000,
})

describe('a figure against the month before', () => {
  it('rates move in 个百分点, counts in their unit and share, durations and scores in theirs', () => {
    expect(changeOf(fig('respondOnTime'), dec, nov, false)).toEqual({ text: '↑ 3.2 个百分点', tone: 'good' })
    expect(changeOf(fig('tickets'), dec, nov, false)).toEqual({ text: '↑ 12 单 · 4%', tone: 'flat' })
    expect(changeOf(fig('complaints'), dec, nov, false)).toEqual({ text: '↓ 3 件 · 30%', tone: 'good' })
    expect(changeOf(fig('complaints'), nov, dec, false)).toEqual({ text: '↑ 3 件 · 43%', tone: 'bad' })
    expect(changeOf(fig('avgResponseMinutes'), dec, nov, false)).toEqual({ text: '↓ 15 分钟', tone: 'good' })
    expect(changeOf(fig('averageScore'), dec, nov, false)).toEqual({ text: '↑ 0.12 分', tone: 'good' })
    expect(changeOf(fig('collectionRate'), nov, dec, false)).toEqual({ text: '↓ 6 个百分点', tone: 'bad' })
    expect(changeOf(fig('satisfiedShare'), dec, nov, false)).toEqual({ text: '持平', tone: 'flat' })
  })

  it('nothing to compare is —: no month before, or a rate with nothing to divide by', () => {
    expect(changeOf(fig('respondOnTime'), dec, null, false)).toEqual({ text: '—', tone: 'none' })
    expect(changeOf(fig('firstTimeFix'), dec, nov, false)).toEqual({ text: '—', tone: 'none' })
    expect(changeOf(fig('tickets'), dec, line({}), false)).toEqual({ text: '↑ 312 单', tone: 'flat' })
  })

  it('a month just begun is 本月进行中, not a 0% cliff: what piles up shows last month beside it', () => {
    const firstDay = line({ tickets: 4, billed: 1_000_000, collected: 20_000 })
    expect(figureText(fig('respondOnTime'), firstDay)).toBe('—')
    expect(changeOf(fig('respondOnTime'), firstDay, nov, true)).toEqual({ text: '本月进行中', tone: 'none' })
    expect(changeOf(fig('collectionRate'), firstDay, nov, true)).toEqual({ text: '上月 88%', tone: 'none' })
    expect(changeOf(fig('tickets'), firstDay, nov, true)).toEqual({ text: '上月 300 单', tone: 'none' })
    expect(changeOf(fig('tickets'), firstDay, null, true)).toEqual({ text: '本月进行中', tone: 'none' })
    // A rate that does not pile up is compared as soon as it has data.
    const week = line({ tickets: 70, respondDue: 50, respondOnTime: 45 })
    expect(changeOf(fig('respondOnTime'), week, nov, true)).toEqual({ text: '↓ 2 个百分点', tone: 'bad' })
  })

  it('every figure says what it measures', () => {
    for (const f of FIGURES) expect(f.hint.length).toBeGreaterThan(4)
    expect(FIGURES.map((f) => figureText(f, dec))).toEqual(['312', '7', '95.2%', '—', '—', '30 分钟', '—', '4.52', '88%', '—', '94%'])
  })
  it('amounts for a report: ¥ and thousands, never inside the fen', () => {
    expect([yuanText(0), yuanText(99_999), yuanText(100_000), yuanText(12_345_678), yuanText(100_000_000), yuanText(-123_456)]).toEqual([
      '¥0.00',
      '¥999.99',
      '¥1,000.00',
      '¥123,456.78',
      '¥1,000,000.00',
      '-¥1,234.56',
    ])
  })
})
