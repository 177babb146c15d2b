import { DEFAULT_CALENDAR } from '../tickets/calendar'
import { addMonths, shanghaiMonth } from '../shared/time'
import type { SurveyDoc } from '../surveys/types'
import type { TicketDoc } from '../tickets/types'
import { monthDates, monthRange, monthsUpTo, rollupMonth } from './monthly'
import { groupBy, lineOf, reportCsv, scopeCells, topProblems, totalOf } from './monthly-report'

const H = 3600_000
// 2026-11-03 09:00 Shanghai, a Tuesday: business time starts at once.
const T = Date.UTC(2026, 10, 3, 1)

function ticket(over: Partial<TicketDoc> & { _id: string }): TicketDoc {
  return {
    no: 'BX-1',
    communityId: 'c',
    type: 'repair',
    scope: 'home',
    category: 'water_electric',
    description: '漏水',
    photos: [],
    priority: 'normal',
    building: '1',
    rank: 1,
    place: '1栋1单元301',
    reporter: { name: '张', phone: '13800000000' },
    reporterOpenid: 'r',
    phoneTail: '0000',
    source: 'app',
    status: 'closed',
    sla: {
      clock: 'business',
      startedAt: T,
      respond: { due: T + 0.5 * H, warnAt: 0, escalateAt: 0, level: 0, metAt: T + 0.25 * H },
      resolve: { due: T + 18 * H, warnAt: 0, escalateAt: 0, level: 0, metAt: T + 2 * H },
    },
    overdue: false,
    open: false,
    nextCheckAt: null,
    respondedAt: T + 0.25 * H,
    resolvedAt: T + 2 * H,
    reopenCount: 0,
    followers: [],
    links: [],
    afterPhotos: [],
    urgeCount: 0,
    createdBy: 'r',
    createdAt: T,
    updatedAt: T,
    department: 'engineering',
    assignee: 'zhao',
    assigneeName: '赵强',
    ...over,
  }
}

const survey = (over: Partial<SurveyDoc> & { ticketId: string; round: number }): SurveyDoc =>
  ({
    _id: `${over.ticketId}_${over.round}`,
    communityId: 'c',
    ticketNo: 'BX-1',
    type: 'repair',
    category: 'water_electric',
    department: 'engineering',
    handler: 'zhao',
    handlerName: '赵强',
    building: '1',
    place: 'x',
    residentOpenid: 'r',
    month: '2026-11',
    sentAt: T,
    state: 'rated',
    checkAt: null,
    updatedAt: T,
    ...over,
  }) as SurveyDoc

const answer = (overall: number) => ({ overall, resolved: overall > 2, tags: [], photos: [], source: 'app' as const, at: T, firstAt: T })

describe('month ranges', () => {
  it('are Shanghai calendar months', () => {
    expect(monthRange('2026-11')).toEqual([Date.UTC(2026, 9, 31, 16), Date.UTC(2026, 10, 30, 16)])
    expect(monthDates('2026-02')).toEqual(['2026-02-01', '2026-02-28'])
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    // Midnight in Shanghai is 16:00 UTC the day before: the month turns there, not at UTC midnight.
    expect([shanghaiMonth(Date.UTC(2026, 10, 30, 15, 59)), shanghaiMonth(Date.UTC(2026, 10, 30, 16))]).toEqual(['2026-11', '2026-12'])
    expect(addMonths('2026-01', -2)).toBe('2025-11')
  })
})

describe('rollupMonth', () => {
  const now = T + 30 * 24 * H
  const late = ticket({
    _id: 'late',
    building: '2',
    sla: {
      clock: 'business',
      startedAt: T,
      respond: { due: T + 0.5 * H, warnAt: 0, escalateAt: 0, level: 0, metAt: T + H },
      resolve: { due: T + 18 * H, warnAt: 0, escalateAt: 0, level: 0, metAt: T + 20 * H },
    },
    respondedAt: T + H,
    resolvedAt: T + 20 * H,
    reopenCount: 1,
  })
  const r = rollupMonth({
    month: '2026-11',
    tickets: [
      ticket({ _id: 'a' }),
      late,
      ticket({ _id: 'dup', status: 'merged', mergedInto: 'a' }),
      ticket({
        _id: 'q',
        type: 'complaint',
        category: 'other',
        department: undefined,
        assignee: undefined,
        assigneeName: undefined,
        status: 'cancelled',
        respondedAt: undefined,
        resolvedAt: undefined,
        sla: { clock: 'business', startedAt: T, respond: { due: T + 2 * H, warnAt: 0, escalateAt: 0, level: 0 } },
      }),
      // Still open and past its respond promise: counted as late already.
      ticket({
        _id: 'open',
        status: 'new',
        open: true,
        respondedAt: undefined,
        resolvedAt: undefined,
        sla: { clock: 'business', startedAt: T, respond: { due: T + 0.5 * H, warnAt: 0, escalateAt: 0, level: 0 } },
      }),
    ],
    surveys: [
      survey({ ticketId: 'a', round: 1, answer: answer(5), callbackId: 'cb', callbackReached: true }),
      survey({ ticketId: 'late', round: 1, answer: answer(5), building: '2' }),
      survey({ ticketId: 'late', round: 2, answer: answer(2), building: '2' }),
    ],
    bills: [
      { building: '1', amount: 30000, status: 'paid' },
      { building: '1', amount: 10000, status: 'unpaid' },
      { building: '2', amount: 5000, status: 'waived' },
    ],
    calendar: DEFAULT_CALENDAR,
    now,
  })
  const total = lineOf('all', '全部', totalOf(r.cells))

  it('counts a merged duplicate once, through its master', () => {
    expect(total.tickets).toBe(4)
    expect(total.complaints).toBe(1)
  })

  it('judges promises that fell due: met late, or open past due; a cancelled ticket never tested is left out', () => {
    // a on time, late late, open late (unmet, past due); q cancelled before its promise was tested.
    expect(total.respondOnTime).toBeCloseTo(1 / 3)
    expect(total.resolveOnTime).toBeCloseTo(1 / 2)
  })

  it('first-time fix, response and resolution in business minutes', () => {
    expect(total.firstTimeFix).toBe(0.5)
    expect(total.avgResponseMinutes).toBe(38) // (15 + 60) / 2, rounded
    // late resolves at T+20 h: 09:00 → 18:00 is 9 h of the first day, then the next day to 05:00 is none: 540 min.
    expect(total.avgResolutionMinutes).toBe((120 + 540) / 2)
  })

  it('rates by the latest round and counts callbacks reached', () => {
    expect(total.answered).toBe(2)
    expect(total.averageScore).toBe(3.5)
    expect(total.satisfiedShare).toBe(0.5)
    expect(total.callbackCoverage).toBe(1)
  })

  it('collects bills by building, waived ones owed by nobody', () => {
    expect(total.collectionRate).toBe(0.75)
    const byBuilding = groupBy(r.cells, 'building')
    expect(byBuilding.map((l) => [l.key, l.collectionRate])).toEqual([
      ['1', 0.75],
      ['2', null],
    ])
    expect(groupBy(r.cells, 'department').every((l) => l.collectionRate === null)).toBe(true)
  })

  it('a zone sees only its buildings, and the groups add up to the total', () => {
    const zone = lineOf('z', 'z', totalOf(scopeCells(r.cells, ['2'])))
    expect(zone.tickets).toBe(1)
    expect(zone.billed).toBe(0)
    const byHandler = groupBy(r.cells, 'handler')
    expect(byHandler.reduce((n, l) => n + l.tickets, 0)).toBe(total.tickets)
    expect(byHandler.find((l) => l.key === 'none')?.label).toBe('客服办结')
  })

  it('top problems: categories by count, places that recur', () => {
    const top = topProblems(r, null)
    expect(top.categories[0]).toMatchObject({ category: 'water_electric', count: 3 })
    expect(top.types.find((t) => t.type === 'complaint')?.count).toBe(1)
    expect(r.places).toEqual([{ place: '1栋1单元301', building: '1', count: 4, category: 'water_electric' }])
    expect(topProblems(r, ['5']).places).toEqual([])
  })

  it('exports a CSV Excel reads, with quoted cells where needed', () => {
    const csv = reportCsv('2026-11 月报', total, [{ title: '楼栋', lines: groupBy(r.cells, 'building') }], topProblems(r, null))
    expect(csv.startsWith('\uFEFF2026-11 月报\r\n')).toBe(true)
    expect(csv).toContain('合计,全部,4,1,0,33.3%,50%,50%,38 分钟')
    expect(csv).toContain('楼栋,1栋,')
    expect(csv).toContain('1栋1单元301,4')
  })

  it('writes text someone typed as text, never as a spreadsheet formula', () => {
    const csv = reportCsv('=1+2', total, [{ title: '@楼栋', lines: groupBy(r.cells, 'building') }], topProblems(r, null))
    expect(csv.startsWith("\uFEFF'=1+2\r\n")).toBe(true)
    expect(csv).toContain("'@楼栋,1栋,")
  })
})
