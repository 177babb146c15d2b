import { atShanghai } from '../shared/time'
import { emptyCounters, type Counters } from './monthly'
import { lineOf } from './monthly-report'
import { DEC, NOV, reportLine, TOP } from '../../../test/helpers/report-lines'
import { reportSummary } from './report-summary'

const line = (over: Partial<Counters>) => reportLine(over)
const nov = NOV
const dec = DEC
// A fourth category: only the top three are named.
const top = { ...TOP, categories: [...TOP.categories, { category: 'other' as const, label: '其他', count: 3 }] }
const at = atShanghai('2026-12-07 15:30')

describe('the 月报 in one paragraph', () => {
  it('a whole month: volume and its change, on-time rates, satisfaction, money with amounts, the top three problems', () => {
    expect(reportSummary({ month: '2026-12', total: dec, previous: nov, partial: false, top, computedAt: at })).toBe(
      '2026年12月，全小区共受理工单 312 单，较上月增加 12 单（4%），其中投诉 7 件、紧急 2 件。' +
        '响应及时率 95.2%（较上月提高 3.2 个百分点），解决及时率 90%（与上月持平），一次解决率 97%。' +
        '收到住户评价 60 条，满意度均分 4.52 分，满意率 90%（较上月提高 2 个百分点）。' +
        '本月到期账单应收 ¥123,456.78，实收 ¥110,000.00，收缴率 89.1%（较上月提高 1.1 个百分点）。' +
        '高发问题依次为水电（80 次）、公共设施（41 次）、门窗（20 次）；重复报事最多的位置是 2栋1单元 电梯（5 次）。',
    )
  })

  it('a month under way says up to when, and does not set what piles up against a whole month', () => {
    const week = line({ tickets: 70, complaints: 1, respondDue: 50, respondOnTime: 45, billed: 12_345_678, collected: 2_000_000 })
    expect(reportSummary({ month: '2026-12', total: week, previous: nov, partial: true, top: { ...top, places: [] }, computedAt: at })).toBe(
      '2026年12月（进行中，截至 12月7日 15:30），全小区共受理工单 70 单，其中投诉 1 件、紧急 0 件。' +
        '响应及时率 90%（较上月下降 2 个百分点）。' +
        '暂无住户评价。' +
        '本月到期账单应收 ¥123,456.78，实收 ¥20,000.00，收缴率 16.2%（本月账单仍在收缴中）。' +
        '高发问题依次为水电（80 次）、公共设施（41 次）、门窗（20 次）。',
    )
  })

  it('an empty scope says so in a sentence, with no rates made of nothing', () => {
    const none = lineOf('all', '负责的 1、2、3 栋', emptyCounters())
    expect(
      reportSummary({ month: '2026-12', total: none, previous: null, partial: true, top: { types: [], categories: [], places: [] }, computedAt: at }),
    ).toBe('2026年12月（进行中，截至 12月7日 15:30），负责的 1、2、3 栋暂无工单。暂无住户评价。')
  })
})
