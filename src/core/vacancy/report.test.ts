import { reportText, meters } from './report'
import { VACANCY_CHECKLIST } from './types'

const fine = (water: number, power: number) => [
  ...['doors', 'leak', 'smell', 'power'].map((itemId) => ({ itemId, ok: true, photos: [] })),
  { itemId: 'water', value: water, photos: [] },
  { itemId: 'power-meter', value: power, photos: [] },
]

describe('空置房 report', () => {
  it('the first month states the meters; later months say whether they moved', () => {
    expect(reportText(VACANCY_CHECKLIST, fine(12.5, 300))).toBe('4 项检查全部正常。水表 12.5 吨；电表 300 度。')
    expect(meters(VACANCY_CHECKLIST, fine(12.5, 301.2), fine(12.5, 300))).toEqual([
      { label: '水表', unit: '吨', value: 12.5, used: 0 },
      { label: '电表', unit: '度', value: 301.2, used: 1.2 },
    ])
    expect(reportText(VACANCY_CHECKLIST, fine(14.7, 300), fine(12.5, 300))).toBe(
      '4 项检查全部正常。水表 14.7 吨，上次以来走了 2.2 吨，请留意；电表 300 度，上次以来未走字。',
    )
  })

  it('a finding is named with its note and the repair it became', () => {
    const r = fine(12.5, 300).map((x) => (x.itemId === 'leak' ? { itemId: 'leak', ok: false, note: '卫生间顶部渗水', photos: ['p'] } : x))
    expect(reportText(VACANCY_CHECKLIST, r, undefined, ['BX-20261207-0001'])).toBe(
      '发现 1 项问题：无漏水、渗水（卫生间顶部渗水），已登记报修 BX-20261207-0001。水表 12.5 吨；电表 300 度。',
    )
  })
})
