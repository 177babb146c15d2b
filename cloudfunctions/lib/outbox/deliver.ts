import type { Deps } from '../runtime/deps'
import type { PushResult } from '../ports/notifier'
import type { OutboxDoc } from './notify'
import { consume, hasQuota } from './quota'

export const MAX_ATTEMPTS = 6

/** 1 min, 2, 4, 8, 16 … between attempts: a flaky minute does not burn every retry. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1)

/**
 * Deliver due pushes. Run by the scheduler (and right after a change, best effort). Each
 * document moves to sent / no_quota / failed, or back to pending with a later attempt time.
 */
export async function deliverOutbox(deps: Deps, batch = 50) {
  const now = deps.clock.now()
  const outbox = deps.store.collection<OutboxDoc>('outbox')
  const due = await outbox.find({
    where: { status: 'pending', nextAttemptAt: { $lte: now } },
    orderBy: [['nextAttemptAt', 'asc']],
    limit: batch,
  })
  const tally = { sent: 0, no_quota: 0, retry: 0, failed: 0 }
  for (const m of due) {
    // No grant left: don't spend a call WeChat will refuse; the in-app message already landed.
    const granted = await hasQuota(deps.store, m.openid, m.templateKey)
    const r: PushResult = granted
      ? await deps.notifier.push({ openid: m.openid, templateKey: m.templateKey, page: m.page, data: m.data })
      : { status: 'no_quota' }
    if (r.status === 'sent') await consume(deps.store, m.openid, m.templateKey, now)
    if (granted && r.status === 'no_quota') await consume(deps.store, m.openid, m.templateKey, now, true)
    const attempts = m.attempts + 1
    if (r.status === 'failed' && r.retryable && attempts < MAX_ATTEMPTS) {
      tally.retry++
      await outbox.update(m._id, { attempts, nextAttemptAt: now + backoffMs(attempts), lastError: r.error, updatedAt: now })
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
  return tally
}
