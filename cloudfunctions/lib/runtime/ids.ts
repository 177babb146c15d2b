import { randomBytes } from 'node:crypto'

/** Time-ordered, URL-safe ids: documents sort by creation without an extra field. */
export function newId(now: number = Date.now()): string {
  return now.toString(36).padStart(9, '0') + randomBytes(6).toString('hex')
}
