import { mayOwnRoute, scheduleProblems } from '../patrol/setup'
import { checklistOf } from './drafts'

describe('巡查设置 rules', () => {
  it('keeps the ids items had, gives new ones this form’s ids, and never revives a removed id', () => {
    const had = [
      { id: 'a', label: '照明正常', kind: 'check' as const },
      { id: 'b', label: '地面干净', kind: 'check' as const },
    ]
    const { items, problems } = checklistOf(
      [
        { id: 'b', label: '地面干净无杂物', kind: 'check' },
        { id: 'zzz', label: '设备房整洁', kind: 'score', max: 10, pass: 6, category: 'cleaning' },
      ],
      had,
      (k) => `f.${k}`,
    )
    expect(problems).toEqual({})
    expect(items).toEqual([
      { id: 'b', label: '地面干净无杂物', kind: 'check' },
      { id: 'f.1', label: '设备房整洁', kind: 'score', max: 10, pass: 6, category: 'cleaning' },
    ])
  })

  it('says what is wrong, by field', () => {
    const fresh = (k: number) => `n${k}`
    expect(checklistOf([{ label: '整洁', kind: 'score', max: 5, pass: 6 }], [], fresh).problems).toEqual({
      'items.0': '「整洁」请填写满分和及格分（及格分不高于满分）',
    })
    expect(
      checklistOf(
        [
          { label: '照明', kind: 'check' },
          { label: '照明', kind: 'check' },
        ],
        [],
        fresh,
      ).problems,
    ).toEqual({ 'items.1': '检查项「照明」重复' })
    expect(scheduleProblems({ every: 'weekly', dueBy: '17:00' })).toEqual({ 'schedule.weekday': '请选择每周哪天巡查' })
    expect(scheduleProblems({ every: 'daily', dueBy: '17:00' })).toEqual({})
  })

  it('lets the front office and 保安部 own a route, not a plumber', () => {
    expect(mayOwnRoute({ roles: ['manager'] })).toBe(true)
    expect(mayOwnRoute({ roles: ['handler'], department: 'security' })).toBe(true)
    expect(mayOwnRoute({ roles: ['handler'], department: 'engineering' })).toBe(false)
  })
})
