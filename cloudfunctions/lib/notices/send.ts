import { formatTime } from '../../../src/core/shared/time'
import { inAudience, pushTime } from '../../../src/core/notices/rules'
import { NOTICE_CATEGORY_LABELS, type DeliveryDoc, type NoticeDoc } from '../../../src/core/notices/types'
import { isSettled, notify, type OutboxDoc } from '../outbox/notify'
import type { Filter, Store, Tx } from '../ports/store'
import type { BindingDoc } from '../../../src/core/account/types'
import { scan } from '../runtime/scan'
import type { Deps } from '../runtime/deps'
import { pageUrl } from '../../../src/core/shared/pages'
import { splitDue, wake } from '../runtime/schedule'

/** Recipients per page of bindings, and per transaction: a page fits well inside a function's time limit. */
export const CHUNK = 200
const BATCH = 25

export interface Recipient {
  openid: string
  building: string
}

export const deliveryId = (noticeId: string, openid: string) => `${noticeId}_${openid}`

/**
 * Tell each recipient the notice's current round, unless their delivery record says they already
 * heard it: the record and the message are written in one transaction, so a send that dies
 * halfway and runs again never tells anyone twice. `silent` only marks them told (they heard it
 * another way, e.g. their linked ticket was resolved).
 */
export async function deliver(tx: Tx, n: NoticeDoc, to: Recipient[], now: number, opts: { title?: string; silent?: boolean } = {}) {
  let told = 0
  const deliveries = tx.c.noticeDeliveries
  for (const r of to) {
    const id = deliveryId(n._id, r.openid)
    const d = await deliveries.get(id)
    if (d && d.round >= n.round) continue
    const base = { _id: id, noticeId: n._id, openid: r.openid, building: d?.building || r.building, round: n.round, at: now }
    if (opts.silent) {
      await deliveries.set({ ...base, status: 'ticket' })
    } else {
      const o = n.outage
      const notBefore = pushTime(n.urgent, now)
      const sent = await notify(tx, now, {
        openid: r.openid,
        title: opts.title ?? n.roundTitle,
        body: n.roundBody,
        page: pageUrl('notice', { id: n._id }),
        push: o
          ? {
              templateKey: 'outageUpdate',
              data: {
                area: o.area,
                status: o.state === 'restored' ? '已恢复' : n.round > 0 ? '有更新' : NOTICE_CATEGORY_LABELS[n.category],
                eta: formatTime(o.etaAt),
                note: n.roundBody,
              },
              notBefore,
            }
          : {
              templateKey: 'noticePublished',
              data: { title: n.title, category: NOTICE_CATEGORY_LABELS[n.category], time: formatTime(n.publishAt), note: n.roundBody },
              notBefore,
            },
      })
      // What the outbox makes of the push is settled onto this record later (settleDeliveries).
      await deliveries.set({
        ...base,
        status: 'pending',
        messageId: sent.messageId,
        ...(sent.outboxId ? { outboxId: sent.outboxId } : {}),
        checkAt: Math.max(now, notBefore),
      })
      await wake(tx, 'noticeStatus', Math.max(now, notBefore))
      told++
    }
  }
  return told
}

export async function deliverInBatches(store: Store, n: NoticeDoc, to: Recipient[], now: number, opts: { title?: string; silent?: boolean } = {}) {
  let told = 0
  for (let i = 0; i < to.length; i += BATCH) told += await store.transaction((tx) => deliver(tx, n, to.slice(i, i + BATCH), now, opts))
  return told
}

/** Whom a notice reaches: its community, its audience and the buildings that audience touches. */
export type Reach = Pick<NoticeDoc, 'communityId' | 'audience' | 'buildings'>

/** The approved bindings an audience names, as a filter; units are narrowed per page (`inUnits`). */
function audienceWhere(n: Reach): Filter {
  const where: Filter = { communityId: n.communityId, status: 'approved' }
  if (n.audience.scope === 'buildings' || n.audience.scope === 'units') where.building = { $in: n.buildings }
  if (n.audience.scope === 'rooms') where.houseId = { $in: n.audience.targets }
  return where
}

/** A page of the audience's bindings, less those outside its units (a unit is a field of the house, not the binding). */
async function inUnits(store: Store, n: Reach, page: BindingDoc[]) {
  if (n.audience.scope !== 'units') return page
  const ids = [...new Set(page.map((b) => b.houseId))]
  const houses = new Map((ids.length ? await store.c.houses.find({ where: { _id: { $in: ids } }, limit: ids.length }) : []).map((h) => [h._id, h]))
  return page.filter((b) => {
    const h = houses.get(b.houseId)
    return h !== undefined && inAudience(n.audience, h)
  })
}

/** How many households and people a notice would reach now: the same walk the send makes, counting. */
export async function countReach(store: Store, n: Reach) {
  const houses = new Set<string>()
  const people = new Set<string>()
  await scan(store.c.bindings, audienceWhere(n), async (page) => {
    for (const b of await inUnits(store, n, page)) {
      houses.add(b.houseId)
      people.add(b.openid)
    }
  })
  return { households: houses.size, residents: people.size }
}

/**
 * Send the next chunk of a notice's current round and move its cursor — only if the round is
 * still the one we sent (an update posted meanwhile restarts the walk from the beginning).
 */
export async function sendChunk(deps: Pick<Deps, 'store' | 'clock'>, noticeId: string, limit = CHUNK) {
  const notices = deps.store.c.notices
  const n = await notices.get(noticeId)
  const now = deps.clock.now()
  if (!n || !n.sendPending || n.publishAt > now) return { told: 0, done: true }
  // One page of the audience from the cursor on, in id order.
  const page = await deps.store.c.bindings.find({
    where: { ...audienceWhere(n), ...(n.cursor ? { _id: { $gt: n.cursor } } : {}) },
    orderBy: [['_id', 'asc']],
    limit,
  })
  const recipients = (await inUnits(deps.store, n, page)).map((b) => ({ openid: b.openid, building: b.building }))
  const told = await deliverInBatches(deps.store, n, recipients, now)
  const done = page.length < limit
  await deps.store.transaction(async (tx) => {
    const cur = await tx.c.notices.get(noticeId)
    if (!cur || cur.round !== n.round) return
    await tx.c.notices.update(noticeId, {
      cursor: done ? null : page[page.length - 1]._id,
      sendPending: !done,
      recipients: cur.recipients + (n.round === 0 ? told : 0),
      updatedAt: now,
    })
  })
  return { told, done }
}

/** Scheduler job: publish what is due and keep walking every audience still being sent, within a budget per tick. */
export async function sendNotices(deps: Deps, budget = 2000) {
  const now = deps.clock.now()
  const page = await deps.store.c.notices.find({ where: { sendPending: true }, orderBy: [['publishAt', 'asc']], limit: 20 })
  const { due, nextAt } = splitDue(page, (n) => n.publishAt, now, 20)
  const tally = { notices: due.length, told: 0, chunks: 0 }
  let left = budget
  for (const n of due) {
    let done = false
    while (!done && left > 0) {
      const r = await sendChunk(deps, n._id, Math.min(CHUNK, left))
      tally.told += r.told
      tally.chunks++
      left -= CHUNK
      done = r.done
    }
    // Out of budget with audiences left: the next chunks go next minute.
    if (!done) return { ...tally, nextAt: now }
  }
  return { ...tally, nextAt }
}

/**
 * Scheduler job, after the outbox: copy what the outbox did with each pending push (sent, no
 * quota, failed) onto its delivery record, so every recipient's status is recorded and the
 * staff stats are counts over an index. A push the outbox will retry later is looked at again
 * then; one it has not reached yet is left for the next tick. A record that moved on to a newer
 * round meanwhile is left alone.
 */
export async function settleDeliveries(deps: Pick<Deps, 'store' | 'clock'>, limit = CHUNK) {
  const now = deps.clock.now()
  const page = await deps.store.c.noticeDeliveries.find({ where: { status: 'pending' }, orderBy: [['checkAt', 'asc']], limit })
  const { due, nextAt: first } = splitDue(page, (d) => d.checkAt ?? 0, now, limit)
  let nextAt = first
  const tally = { checked: due.length, settled: 0, later: 0 }
  const ids = due.flatMap((d) => (d.outboxId ? [d.outboxId] : []))
  const outbox = new Map<string, OutboxDoc>()
  for (let i = 0; i < ids.length; i += 100) {
    const slice = ids.slice(i, i + 100)
    for (const o of await deps.store.c.outbox.find({ where: { _id: { $in: slice } }, limit: slice.length })) outbox.set(o._id, o)
  }
  const changes: { d: DeliveryDoc; patch: Partial<DeliveryDoc> }[] = []
  for (const d of due) {
    const o = d.outboxId ? outbox.get(d.outboxId) : undefined
    // No push to wait for (it was never queued, or is gone): the in-app message is all they got.
    if (!o) changes.push({ d, patch: { status: 'failed' } })
    else if (isSettled(o)) changes.push({ d, patch: { status: o.status } })
    else {
      if (o.nextAttemptAt > (d.checkAt ?? 0)) changes.push({ d, patch: { checkAt: o.nextAttemptAt } })
      // Look again once the outbox has had its go (next minute at the earliest).
      const again = Math.max(o.nextAttemptAt, now + 60_000)
      nextAt = Math.min(nextAt ?? again, again)
    }
  }
  for (let i = 0; i < changes.length; i += BATCH) {
    const r = await deps.store.transaction(async (tx) => {
      const deliveries = tx.c.noticeDeliveries
      const done = { settled: 0, later: 0 }
      for (const { d, patch } of changes.slice(i, i + BATCH)) {
        const cur = await deliveries.get(d._id)
        if (!cur || cur.status !== 'pending' || cur.round !== d.round || cur.outboxId !== d.outboxId) continue
        await deliveries.update(d._id, patch)
        done[patch.status ? 'settled' : 'later']++
      }
      return done
    })
    tally.settled += r.settled
    tally.later += r.later
  }
  return { ...tally, nextAt }
}
