import type { Store } from '../ports/store'

/** leases/<name>: who runs a job now, and until when their claim holds if they never let go. */
export interface LeaseDoc {
  _id: string
  holder: string
  takenAt: number
  expiresAt: number
}

/**
 * Take the named lease for `ttlMs`, in a transaction so two takers cannot both win. A holder
 * that died (a function killed at its timeout) stops blocking once its lease expires, so the
 * time to live must outlast the longest run the platform allows.
 */
export async function takeLease(store: Store, name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
  return store.transaction(async (tx) => {
    const leases = tx.c.leases
    const cur = await leases.get(name)
    if (cur && cur.holder !== holder && cur.expiresAt > now) return false
    await leases.set({ _id: name, holder, takenAt: now, expiresAt: now + ttlMs })
    return true
  })
}

/** Let go of a lease this holder still has; one taken over meanwhile is left to its new holder. */
export async function releaseLease(store: Store, name: string, holder: string): Promise<void> {
  await store.transaction(async (tx) => {
    const leases = tx.c.leases
    const cur = await leases.get(name)
    if (cur?.holder === holder) await leases.remove(name)
  })
}
