import type { ArchiveDoc, BindingDoc, HouseRole } from './types'

/** Names are compared the way a person would: spaces and full-width spaces don't count. */
export const normalizeName = (name: string) => name.replace(/[\s\u3000]/g, '')

/**
 * A request is approved at once only when the archive lists this very person (name and phone)
 * in the role they claim; anything else waits for staff, who can check papers we cannot.
 */
export function decideBinding(
  archive: Pick<ArchiveDoc, 'members'> | null,
  req: { name: string; phone: string; role: HouseRole },
): 'approved' | 'pending' {
  if (!archive) return 'pending'
  const name = normalizeName(req.name)
  const match = archive.members.some(
    (m) => normalizeName(m.name) === name && m.phone === req.phone && m.role === req.role,
  )
  return match ? 'approved' : 'pending'
}

/** A person holds at most one live claim per house; a rejected one may be filed again. */
export const isLive = (b: Pick<BindingDoc, 'status'>) => b.status !== 'rejected'
