import type { Schedule } from '../inspections/schedule'

/** A schedule's problems: a weekly round names its day. */
export const scheduleProblems = (s: Schedule): Record<string, string> =>
  s.every === 'weekly' && !s.weekday ? { 'schedule.weekday': '请选择每周哪天巡查' } : {}

/** Which walkers may own a route: the front office, and a 保安 of 保安部. */
export const mayOwnRoute = (staff: { roles: readonly string[]; department?: string }) =>
  staff.roles.some((r) => r === 'agent' || r === 'manager' || r === 'supervisor') || (staff.roles.includes('handler') && staff.department === 'security')
