import type { Actor, EventKind, TicketDoc } from '../../../src/core/tickets/types'
import type { Tx } from '../ports/store'
import { newId } from '../runtime/ids'

/** ticketEvents/<id>: one step of a ticket's life — the timeline, the thread, and the figures' source. */
export interface EventDoc {
  _id: string
  ticketId: string
  communityId: string
  kind: EventKind
  at: number
  actor: Actor
  text: string
  /** Internal notes and staff-only steps; residents never see them. */
  internal: boolean
  photos?: string[]
  data?: Record<string, unknown>
}

export async function addEvent(
  tx: Tx,
  t: Pick<TicketDoc, '_id' | 'communityId'>,
  kind: EventKind,
  actor: Actor,
  now: number,
  text: string,
  extra: { internal?: boolean; photos?: string[]; data?: Record<string, unknown> } = {},
): Promise<EventDoc> {
  const e: EventDoc = {
    _id: newId(now),
    ticketId: t._id,
    communityId: t.communityId,
    kind,
    at: now,
    actor,
    text,
    internal: extra.internal ?? false,
    ...(extra.photos?.length ? { photos: extra.photos } : {}),
    ...(extra.data ? { data: extra.data } : {}),
  }
  await tx.c.ticketEvents.set(e)
  return e
}
