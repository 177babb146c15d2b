import type { Deps } from '../runtime/deps'
import type { Store } from '../ports/store'
import type { PushResult } from '../ports/notifier'
import type { OutboxDoc } from './notify'
import { consume, hasQuota } from './quota'
import { splitDue } from '../runtime/schedule'

export const MAX_ATTEMPTS = 6

/** Longer than any function may run (60 s), so a live sender never loses its claim. */
export const CLAIM_MS = 120_000

/** 1 min, 2, 4, 8, 16 … between attempts: a flaky minute does not burn every retry. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1)

type Claim = { row: OutboxDoc; interrupted: boolean } | null

/**
 * Claim a due row before pushing it, in a transaction, so two senders (overlapping timer runs)
 * never push the same message: each duplicate would burn a one-time subscribe grant. A row still
 * `sending` after its claim ran out belonged to a sender that died mid-push; whether WeChat got
 * it is unknown, so it is not pushed again (the in-app message already landed).
 */
async function claim(store: Store, id: string, now: number): Promise<Claim> {
  return store.transaction(async (tx) => {
    const rows = tx.c.outbox
    const row = await rows.get(id)
    if (!row || row.nextAttemptAt > now || (row.status !== 'pending' && row.status !== 'sending')) return null
    if (row.status === 'sending') {
      await rows.update(id, { status: 'failed', lastError: 'interrupted while sending', updatedAt: now })
      return { row, interrupted: true }
    }
    await rows.update(id, { status: 'sending', nextAttemptAt: now + CLAIM_MS, updatedAt: now })
    return { row, interrupted: false }
  })
}

/** A notifier that throws is a failed attempt like any other: retried later, never fatal to the batch. */
async function push(deps: Deps, m: OutboxDoc): Promise<PushResult> {
  try {
    return await deps.notifier.push({ openid: m.openid, templateKey: m.templateKey, page: m.page, data: m.data })
  } catch (e) {
    return { status: 'failed', retryable: true, error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * Deliver due pushes. Run by the scheduler (and right after a change, best effort). Each
 * document moves to sent / no_quota / failed, or back to pending with a later attempt time.
 */
export async function deliverOutbox(deps: Deps, batch = 50) {
  const now = deps.clock.now()
  const outbox = deps.store.c.outbox
  const page = await outbox.find({ where: { status: { $in: ['pending', 'sending'] } }, orderBy: [['nextAttemptAt', 'asc']], limit: batch })
  const { due, nextAt: first } = splitDue(page, (o) => o.nextAttemptAt, now, batch)
  let nextAt = first
  const tally = { sent: 0, no_quota: 0, retry: 0, failed: 0, taken: 0 }
  for (const candidate of due) {
    const c = await claim(deps.store, candidate._id, now)
    if (!c) {
      tally.taken++ // another sender has it, or finished it meanwhile
      continue
    }
    if (c.interrupted) {
      tally.failed++
      continue
    }
    const m = c.row
    // No grant left: don't spend a call WeChat will refuse; the in-app message already landed.
    const granted = await hasQuota(deps.store, m.openid, m.templateKey)
    const r: PushResult = granted ? await push(deps, m) : { status: 'no_quota' }
    if (r.status === 'sent') await consume(deps.store, m.openid, m.templateKey, now)
    if (granted && r.status === 'no_quota') await consume(deps.store, m.openid, m.templateKey, now, true)
    const attempts = m.attempts + 1
    if (r.status === 'failed' && r.retryable && attempts < MAX_ATTEMPTS) {
      tally.retry++
      const at = now + backoffMs(attempts)
      nextAt = Math.min(nextAt ?? at, at)
      await outbox.update(m._id, { status: 'pending', attempts, nextAttemptAt: at, lastError: r.error, updatedAt: now })
    } else {
      tally[r.status]++
      await outbox.update(m._id, {
        status: r.status,
        attempts,
        updatedAt: now,
        ...(r.status === 'failed' ? { lastError: r.error } : {}),
      })
    }
  }
  return { ...tally, nextAt }
}
