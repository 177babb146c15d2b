import type { Push } from '../../../src/core/shared/templates'
import type { Tx } from '../ports/store'
import { newId } from '../runtime/ids'
import { wake } from '../runtime/schedule'

/** messages/<id>: the in-app message center, the channel that always works. */
export interface MessageDoc {
  _id: string
  openid: string
  title: string
  body: string
  /** Page the message opens, e.g. /pages/mine/index. */
  page: string
  read: boolean
  createdAt: number
}

/**
 * outbox/<id>: a push still to deliver, retried until it is sent, refused, or given up. A sender
 * claims a row (`sending`, with `nextAttemptAt` as the end of its claim) before it pushes.
 */
export interface OutboxDoc {
  _id: string
  openid: string
  templateKey: string
  page: string
  data: Record<string, string>
  status: 'pending' | 'sending' | 'sent' | 'no_quota' | 'failed'
  attempts: number
  nextAttemptAt: number
  lastError?: string
  createdAt: number
  updatedAt: number
}

/** The outbox is done with this push (sent, refused or given up); pending and sending are not. */
export const isSettled = <T extends Pick<OutboxDoc, 'status'>>(o: T): o is T & { status: 'sent' | 'no_quota' | 'failed' } =>
  o.status !== 'pending' && o.status !== 'sending'

/** A message to one person: their 消息 in the app, and maybe a subscribe push. Not a 公告 (NoticeDoc). */
export interface Notification {
  openid: string
  title: string
  body: string
  page: string
  /** Already seen: the person is on the page it is about (filed in 消息 as read). */
  read?: boolean
  /** The subscribe message, its data checked against the template's fields. */
  push?: Push & {
    /** Not before this time (e.g. nextSendTime(now) to respect quiet hours); default now. */
    notBefore?: number
  }
}

/**
 * Tell a person something, inside the transaction of the change itself: the in-app message is
 * written at once and the push goes to the outbox, so a failed push never loses the change.
 */
export async function notify(tx: Tx, now: number, n: Notification): Promise<{ messageId: string; outboxId?: string }> {
  const messageId = newId(now)
  await tx.c.messages.set({
    _id: messageId,
    openid: n.openid,
    title: n.title,
    body: n.body,
    page: n.page,
    read: n.read ?? false,
    createdAt: now,
  })
  if (!n.push) return { messageId }
  const outboxId = newId(now)
  await tx.c.outbox.set({
    _id: outboxId,
    openid: n.openid,
    templateKey: n.push.templateKey,
    page: n.page,
    data: n.push.data,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: Math.max(now, n.push.notBefore ?? now),
    createdAt: now,
    updatedAt: now,
  })
  await wake(tx, 'outbox', Math.max(now, n.push.notBefore ?? now))
  return { messageId, outboxId }
}
