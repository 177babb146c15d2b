import { pageUrl } from '../shared/pages'
import { fromQuery, tileFilters, tileList, whereOf } from './dashboard'

const DAY = Date.UTC(2026, 10, 23, 16) // 2026-11-24 00:00 Shanghai

describe('dashboard tiles', () => {
  it('each tile is one narrow condition set', () => {
    const f = tileFilters(DAY)
    expect(whereOf(f.new)).toEqual({ createdAt: { $gte: DAY } })
    expect(whereOf(f.open)).toEqual({ open: true })
    expect(whereOf(f.overdue)).toEqual({ overdue: true })
    expect(whereOf(f.escalated)).toEqual({ open: true, escalated: true })
    expect(whereOf(f.emergency)).toEqual({ open: true, priority: 'emergency' })
    expect(whereOf(f.lowRating)).toEqual({ open: true, lowRating: true })
    expect(whereOf({ tab: 'new' })).toEqual({ status: 'new' })
  })

  it('lists six tiles in order with Chinese labels', () => {
    expect(tileList(DAY).map((t) => t.label)).toEqual(['今日新增', '处理中', '已超时', '已升级', '紧急', '差评待回访'])
  })

  it('a filter survives the trip through page query parameters', () => {
    for (const f of Object.values(tileFilters(DAY))) {
      const params = Object.fromEntries(new URLSearchParams(pageUrl('staffInbox', { ...f }).split('?')[1]))
      expect(fromQuery(params)).toEqual(f)
    }
  })

  it('ignores parameters it does not know', () => {
    expect(fromQuery({})).toBeNull()
    expect(fromQuery({ tab: 'x' })).toBeNull()
    expect(fromQuery({ tab: 'all', since: 'abc', priority: 'high', escalated: 'yes' })).toEqual({ tab: 'all' })
  })
})
