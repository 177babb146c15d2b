import type { FieldErrors } from '../shared/errors'
import { DEPARTMENT_LABELS, ROLE_LABELS, STAFF_ROLES, type Department, type StaffRole } from '../shared/roles'

/** A staff member's place in the team, as the 客服主任 edits it (users/<openid>.staff without communityId). */
export interface MemberProfile {
  name: string
  roles: StaffRole[]
  department?: Department
  /** Buildings a 管理员 answers for; empty for everyone else. */
  zone: string[]
  /** On the emergency roster (紧急工单 day or night). */
  onDuty: boolean
}

export interface RosterEntry extends MemberProfile {
  openid: string
}

const byBuilding = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true })

/** Roles in their fixed order, buildings in building order, no repeats: the same choice is stored (and audited) the same way. */
export function normalizeProfile(p: MemberProfile): MemberProfile {
  return {
    name: p.name,
    roles: STAFF_ROLES.filter((r) => p.roles.includes(r)),
    ...(p.department ? { department: p.department } : {}),
    zone: [...new Set(p.zone)].sort(byBuilding),
    onDuty: p.onDuty,
  }
}

/**
 * Rules between fields, which the field schemas cannot see. A 维修/服务人员 is dispatched by
 * department, so needs one; a 管理员 is the second rung of escalation for their buildings, so needs
 * at least one building, and only buildings the community has.
 */
export function memberErrors(p: MemberProfile, buildings: readonly string[]): FieldErrors {
  const out: FieldErrors = {}
  if (p.roles.includes('handler') && !p.department) out.department = '维修/服务人员须选择所属部门'
  if (p.roles.includes('manager')) {
    if (!p.zone.length) out.zone = '管理员须至少负责一栋楼'
  } else if (p.zone.length) out.zone = '只有管理员需要设置负责楼栋'
  p.zone.forEach((b, i) => {
    if (!buildings.includes(b)) out[`zone.${i}`] = `本小区没有 ${b} 栋`
  })
  return out
}

/**
 * What must stay true of a community's team after any change: someone is 客服主任 (or nobody
 * could run this page again), and someone is on duty (emergencies skip the queue, day or night,
 * and go to the on-duty roster).
 */
export function rosterErrors(after: readonly RosterEntry[]): FieldErrors {
  const out: FieldErrors = {}
  if (!after.some((m) => m.roles.includes('supervisor'))) out.roles = '至少保留一位客服主任'
  if (!after.some((m) => m.onDuty)) out.onDuty = '值班名单不能为空：请先安排其他人值班'
  return out
}

const rolesText = (roles: readonly StaffRole[]) => roles.map((r) => ROLE_LABELS[r]).join('、') || '无'
const zoneText = (zone: readonly string[]) => (zone.length ? `${zone.join('、')} 栋` : '无')

/** 维修/服务人员 · 工程部 · 值班 — one person in one line. */
export function describeMember(p: MemberProfile): string {
  return [rolesText(p.roles), p.department ? DEPARTMENT_LABELS[p.department] : '', p.zone.length ? `负责 ${zoneText(p.zone)}` : '', p.onDuty ? '值班' : '']
    .filter(Boolean)
    .join(' · ')
}

/** The audit line for an edit: each changed field as before → after. */
export function memberChangeSummary(before: MemberProfile, after: MemberProfile): string {
  const parts: string[] = []
  if (before.name !== after.name) parts.push(`姓名 ${before.name} → ${after.name}`)
  if (rolesText(before.roles) !== rolesText(after.roles)) parts.push(`角色 ${rolesText(before.roles)} → ${rolesText(after.roles)}`)
  if (before.department !== after.department) {
    const d = (x?: Department) => (x ? DEPARTMENT_LABELS[x] : '无')
    parts.push(`部门 ${d(before.department)} → ${d(after.department)}`)
  }
  if (zoneText(before.zone) !== zoneText(after.zone)) parts.push(`负责楼栋 ${zoneText(before.zone)} → ${zoneText(after.zone)}`)
  if (before.onDuty !== after.onDuty) parts.push(after.onDuty ? '加入值班' : '退出值班')
  return `修改 ${after.name}：${parts.join('；')}`
}
