import { findings, isFailed, problems, scoreOf, type ChecklistItem } from './checklist'

const items: ChecklistItem[] = [
  { id: 'clear', label: '通道畅通', kind: 'check', category: 'facility' },
  { id: 'tidy', label: '整洁', kind: 'score', max: 10, pass: 6 },
]

describe('checklist', () => {
  it('a check fails on 异常, a score below its pass mark', () => {
    expect(isFailed(items[0], { itemId: 'clear', ok: false, photos: [] })).toBe(true)
    expect(isFailed(items[0], { itemId: 'clear', ok: true, photos: [] })).toBe(false)
    expect(isFailed(items[1], { itemId: 'tidy', score: 5, photos: [] })).toBe(true)
    expect(isFailed(items[1], { itemId: 'tidy', score: 6, photos: [] })).toBe(false)
  })

  it('asks for every item once, a score in range, and a note and photo on each finding', () => {
    expect(problems(items, [{ itemId: 'clear', ok: true, photos: [] }])).toEqual({ 'results.tidy': '请检查「整洁」' })
    expect(
      problems(items, [
        { itemId: 'clear', photos: [] },
        { itemId: 'tidy', score: 11, photos: [] },
      ]),
    ).toEqual({
      'results.clear': '请选择「通道畅通」正常或异常',
      'results.tidy': '「整洁」请打 0–10 分',
    })
    expect(
      problems(items, [
        { itemId: 'clear', ok: false, photos: ['p'] },
        { itemId: 'tidy', score: 2, note: '脏', photos: [] },
      ]),
    ).toEqual({
      'results.clear': '请写明「通道畅通」的问题',
      'results.tidy': '请为「整洁」的问题拍一张照片',
    })
    expect(
      problems(items, [
        { itemId: 'clear', ok: true, photos: [] },
        { itemId: 'clear', ok: true, photos: [] },
        { itemId: 'x', ok: true, photos: [] },
      ]),
    ).toEqual({
      'results.clear': '检查项重复',
      'results.x': '检查项不存在',
      'results.tidy': '请检查「整洁」',
    })
    expect(
      problems(items, [
        { itemId: 'clear', ok: true, photos: [] },
        { itemId: 'tidy', score: 8, photos: [] },
      ]),
    ).toEqual({})
  })

  it('lists the findings in checklist order and scores the score items', () => {
    const results = [
      { itemId: 'tidy', score: 3, note: '脏', photos: ['p'] },
      { itemId: 'clear', ok: false, note: '堆物', photos: ['q'] },
    ]
    expect(findings(items, results).map((f) => f.item.id)).toEqual(['clear', 'tidy'])
    expect(scoreOf(items, results)).toBe(30)
    expect(scoreOf([items[0]], results)).toBeNull()
  })

  it('a reading is a number to two decimals, recorded and never a finding', () => {
    const meter: ChecklistItem[] = [{ id: 'water', label: '水表', kind: 'reading', unit: '吨' }]
    expect(problems(meter, [{ itemId: 'water', value: 1.15, photos: [] }])).toEqual({})
    expect(findings(meter, [{ itemId: 'water', value: 0, photos: [] }])).toEqual([])
    for (const value of [undefined, -1, 1.234, Number.NaN])
      expect(problems(meter, [{ itemId: 'water', value, photos: [] }])).toEqual({ 'results.water': '请填写「水表」读数（最多两位小数）' })
  })
})
