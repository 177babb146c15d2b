import type { ArchiveDoc, BindingDoc, HouseRole, RemovedBy } from './types'

/** Names are compared the way a person would: spaces and full-width spaces don't count. */
export const normalizeName = (name: string) => name.replace(/[\s\u3000]/g, '')

/**
 * A request is approved at once only when the archive lists this very person (name and phone)
 * in the role they claim, and the phone is one WeChat verified for the account: a name and a
 * number are printed on every delivery slip, so typed ones prove nothing and wait for staff,
 * who can check papers we cannot.
 */
export function decideBinding(
  archive: Pick<ArchiveDoc, 'members'> | null,
  req: { name: string; phone: string; role: HouseRole; phoneVerified: boolean },
): 'approved' | 'pending' {
  if (!archive || !req.phoneVerified) return 'pending'
  const name = normalizeName(req.name)
  const match = archive.members.some((m) => normalizeName(m.name) === name && m.phone === req.phone && m.role === req.role)
  return match ? 'approved' : 'pending'
}

/** A person holds at most one live claim per house; a rejected or removed one may be filed again. */
export const isLive = (b: Pick<BindingDoc, 'status'>) => b.status === 'pending' || b.status === 'approved'

/**
 * Who may end a binding, and as whom: anyone their own; the house's owner a tenant's or a family
 * member's (a co-owner is a matter of title deeds, so staff decide); staff in scope any, with a
 * reason. `null`: this caller may not.
 */
export function removalBy(
  caller: { openid: string; ownsHouse: boolean; staffInScope: boolean },
  target: Pick<BindingDoc, 'openid' | 'role' | 'status'>,
): RemovedBy | null {
  if (!isLive(target)) return null
  if (caller.openid === target.openid) return 'self'
  if (caller.ownsHouse && target.role !== 'owner' && target.status === 'approved') return 'owner'
  if (caller.staffInScope) return 'staff'
  return null
}
