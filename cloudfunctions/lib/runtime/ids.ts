import { randomBytes } from 'node:crypto'

let seq = 0

/**
 * Time-ordered, URL-safe ids: creation time, then a per-process sequence (so two documents made
 * in the same millisecond keep their order — a timeline sorts by it), then randomness.
 */
export function newId(now: number = Date.now()): string {
  seq = (seq + 1) % 1_679_616 // 36^4
  return now.toString(36).padStart(9, '0') + seq.toString(36).padStart(4, '0') + randomBytes(4).toString('hex')
}
