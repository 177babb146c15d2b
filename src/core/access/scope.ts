import type { StaffRole } from '../shared/roles'

/**
 * The staff scope, the one rule of who acts as staff where. The front office (客服, 管理员,
 * 客服主任) works a community; a 管理员 who holds no wider role works only the buildings of
 * their zone. A handler's reach is their assignments, not a place. A house someone is personally
 * bound to grants nothing here: that is resident access, decided by the binding.
 */
export interface Scope {
  communityId: string
  /** null: the whole community. */
  buildings: string[] | null
}

export interface StaffLike {
  communityId: string
  roles: readonly StaffRole[]
  zone?: readonly string[]
}

export const OFFICE_ROLES = ['agent', 'manager', 'supervisor'] as const satisfies readonly StaffRole[]

/** A 管理员 who is nothing more (not also 客服 or 客服主任) is held to their zone. */
export const zoneOnly = (roles: readonly StaffRole[]) => roles.includes('manager') && !roles.includes('agent') && !roles.includes('supervisor')

/** The scope of a front-office staff member; null for a handler or a resident. */
export function scopeOf(staff: StaffLike | undefined): Scope | null {
  if (!staff || !staff.roles.some((r) => (OFFICE_ROLES as readonly string[]).includes(r))) return null
  return { communityId: staff.communityId, buildings: zoneOnly(staff.roles) ? [...(staff.zone ?? [])] : null }
}

/** Is this place (a ticket's, a bill's, a binding's) inside the scope? A record with no building is community-wide. */
export function covers(scope: Scope | null, place: { communityId: string; building?: string }): boolean {
  if (!scope || scope.communityId !== place.communityId) return false
  if (!scope.buildings) return true
  return place.building !== undefined && scope.buildings.includes(place.building)
}

/** A community-wide record (a notice to several buildings) is inside only if every building it reaches is. */
export const coversAll = (scope: Scope | null, communityId: string, buildings: readonly string[]) =>
  Boolean(scope && scope.communityId === communityId && (!scope.buildings || (buildings.length > 0 && buildings.every((b) => scope.buildings!.includes(b)))))

/**
 * The buildings a list may show when the caller asks for `building`: the ask narrows the scope
 * and never widens it. `null` means the whole community; an empty list means nothing at all.
 */
export function narrow(scope: Scope, building?: string): string[] | null {
  if (building === undefined) return scope.buildings
  if (!scope.buildings || scope.buildings.includes(building)) return [building]
  return []
}
