import type { Store } from '../../lib/ports/store'
import type { surveysContract } from '../../../src/core/surveys/contracts'
import { roundOf, surveyId } from '../../../src/core/surveys/rules'
import type { TicketDoc } from '../../../src/core/tickets/types'
import type { Handler } from '../../lib/runtime/handler'
import { loadTicket } from '../../lib/tickets/access'
import { surveyView } from '../../lib/surveys/views'

/** The latest round's survey, or the last one sent (a reopened job keeps its earlier rating visible). */
export async function currentSurvey(store: Store, t: TicketDoc) {
  const surveys = store.c.surveys
  for (let round = roundOf(t); round >= 1; round--) {
    const s = await surveys.get(surveyId(t._id, round))
    if (s) return s
  }
  return null
}

export const forTicket: Handler<typeof surveysContract.forTicket> = async (ctx, { ticketId }) => {
  const t = await loadTicket(ctx, ticketId)
  if (!t.surveyState && t.reopenCount === 0) return null
  const s = await currentSurvey(ctx.store, t)
  if (!s) return null
  const c = s.complaintId && s.complaintId !== 'pending' ? await ctx.store.c.tickets.get(s.complaintId) : null
  return surveyView(ctx, s, c ? { id: c._id, no: c.no } : undefined)
}
