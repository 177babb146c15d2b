import { randomBytes } from 'node:crypto'
import type { Tx } from '../ports/store'

let seq = 0

/**
 * Time-ordered, URL-safe ids: creation time, then a per-process sequence (so two documents made
 * in the same millisecond keep their order — a timeline sorts by it), then randomness.
 */
export function newId(now: number = Date.now()): string {
  seq = (seq + 1) % 1_679_616 // 36^4
  return now.toString(36).padStart(9, '0') + seq.toString(36).padStart(4, '0') + randomBytes(4).toString('hex')
}

/**
 * The next number of a sequence (ticket numbers per community, type and day; receipt numbers per
 * day), taken inside the transaction that uses it, so two callers can never get the same one.
 */
export async function nextSeq(tx: Tx, key: string): Promise<number> {
  const n = ((await tx.c.counters.get(key))?.n ?? 0) + 1
  await tx.c.counters.set({ _id: key, n })
  return n
}
