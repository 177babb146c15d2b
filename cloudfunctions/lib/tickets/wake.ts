import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Tx } from '../ports/store'
import { wake } from '../runtime/schedule'

/**
 * After a ticket is written: a check that now falls due earlier (a new ticket's first warning, a
 * resumed clock) or a close that owes a survey tells the scheduler, in the same transaction.
 */
export async function wakeFor(tx: Tx, before: TicketDoc | null, t: TicketDoc, now: number): Promise<void> {
  if (t.nextCheckAt !== null && (before?.nextCheckAt == null || t.nextCheckAt < before.nextCheckAt)) await wake(tx, 'tickets', t.nextCheckAt)
  if (t.surveyState === 'due' && before?.surveyState !== 'due') await wake(tx, 'surveys', now)
}
