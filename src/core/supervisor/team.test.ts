import { describeMember, memberChangeSummary, memberErrors, normalizeProfile, rosterErrors, type MemberProfile } from './team'

const BUILDINGS = ['1', '2', '3', '10']
const sun: MemberProfile = { name: '孙丽', roles: ['handler'], department: 'cleaning', zone: [], onDuty: false }

describe('team rules', () => {
  it('normalizes roles and buildings so one choice is stored one way', () => {
    expect(normalizeProfile({ ...sun, roles: ['manager', 'handler', 'manager'], zone: ['10', '2', '2'] })).toEqual({
      ...sun,
      roles: ['handler', 'manager'],
      zone: ['2', '10'],
    })
  })

  it('handlers need a department, 管理员 an existing building, others no zone', () => {
    expect(memberErrors(sun, BUILDINGS)).toEqual({})
    expect(memberErrors({ ...sun, department: undefined }, BUILDINGS)).toEqual({ department: '维修/服务人员须选择所属部门' })
    expect(memberErrors({ ...sun, roles: ['manager'] }, BUILDINGS)).toEqual({ zone: '管理员须至少负责一栋楼' })
    expect(memberErrors({ ...sun, roles: ['manager'], zone: ['1', '7'] }, BUILDINGS)).toEqual({ 'zone.1': '本小区没有 7 栋' })
    expect(memberErrors({ ...sun, zone: ['1'] }, BUILDINGS)).toEqual({ zone: '只有管理员需要设置负责楼栋' })
  })

  it('someone stays 客服主任 and someone stays on duty', () => {
    const liu = { openid: 'liu', name: '刘芳', roles: ['supervisor' as const], zone: [], onDuty: true }
    expect(rosterErrors([liu])).toEqual({})
    expect(rosterErrors([{ ...liu, onDuty: false }])).toEqual({ onDuty: '值班名单不能为空：请先安排其他人值班' })
    expect(rosterErrors([{ ...liu, roles: ['agent'] }])).toEqual({ roles: '至少保留一位客服主任' })
  })

  it('says in one line what changed', () => {
    expect(describeMember({ ...sun, onDuty: true })).toBe('维修/服务人员 · 保洁部 · 值班')
    expect(memberChangeSummary(sun, { ...sun, name: '孙莉', department: 'greening', onDuty: true })).toBe(
      '修改 孙莉：姓名 孙丽 → 孙莉；部门 保洁部 → 绿化部；加入值班',
    )
  })
})
