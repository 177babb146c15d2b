import { houseId } from './types'

/**
 * A house as staff type it at the desk: 1-1-301 or 1栋1单元301 (spaces allowed) → its id in the
 * community; anything else → null.
 */
export function houseIdFromQuery(communityId: string, q: string): string | null {
  const m = roomOf(q)
  return m ? houseId(communityId, m[1], m[2], m[3]) : null
}

const roomOf = (q: string) => {
  const s = q.replace(/\s+/g, '')
  return /^(\d+)-(\d+)-(\d+)$/.exec(s) ?? /^(\d+)[栋幢号楼](\d+)单元(\d+)室?$/.exec(s)
}

/** A phone as staff type it to find someone: the last 4 digits or the whole number. */
export const phoneQuery = (q: string): string | null => (/^(\d{4}|1[3-9]\d{9})$/.test(q.trim()) ? q.trim() : null)

/** Does this search name a house, by its room or a phone on file (what 查找住户 answers)? */
export const namesHouse = (q: string) => roomOf(q) !== null || phoneQuery(q) !== null
