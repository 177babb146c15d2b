/** Staff roles. A resident has no staff role; what they may see follows from their bound houses. */
export const STAFF_ROLES = ['agent', 'handler', 'manager', 'supervisor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/**
 * Who may call an action. `signedIn` is any signed-in WeChat user, resident or staff (houses are
 * checked per action); `system` is a timer trigger, which WeChat sends with no OPENID.
 */
export type Caller = 'signedIn' | StaffRole | 'system'

/** Whom a step on a record is by: the resident of the house, a staff role, or the system. */
export type ActorRole = 'resident' | StaffRole | 'system'

export const ROLE_LABELS: Record<ActorRole, string> = {
  resident: '住户',
  agent: '客服',
  handler: '维修/服务人员',
  manager: '管理员',
  supervisor: '客服主任',
  system: '系统',
}

export const DEPARTMENTS = ['engineering', 'cleaning', 'security', 'greening'] as const
export type Department = (typeof DEPARTMENTS)[number]

export const DEPARTMENT_LABELS: Record<Department, string> = {
  engineering: '工程部',
  cleaning: '保洁部',
  security: '保安部',
  greening: '绿化部',
}
