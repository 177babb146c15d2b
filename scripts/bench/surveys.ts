import type { Store } from '../../cloudfunctions/lib/ports/store'
import { newSurvey } from '../../src/core/surveys/rules'
import type { SurveyDoc, SurveyTag } from '../../src/core/surveys/types'
import { writeBatched, type BenchDataset } from './dataset'
import type { BenchCase, CallFn } from './run'

export interface SurveyData {
  /** Closed tickets with an open survey: the resident and the ticket, for submit. */
  open: { openid: string; ticketId: string }[]
}

/**
 * Ratings for the bench's closed tickets, written as documents: ~150,000 answered over six
 * months, and a slice still open for the submit case. Read from the tickets by community and
 * status (the indexed way), so each survey snapshots the ticket it rates.
 */
export async function seedSurveys(store: Store, data: BenchDataset, target = 150_000, open = 600): Promise<SurveyData> {
  const out: SurveyData = { open: [] }
  const tickets = store.c.tickets
  let written = 0
  for (const c of data.communities) {
    const docs: { collection: string; doc: SurveyDoc }[] = []
    for (let offset = 0; ; offset += 1000) {
      const page = await tickets.find({
        where: { communityId: c.id, status: 'closed' },
        orderBy: [
          ['rank', 'asc'],
          ['createdAt', 'asc'],
        ],
        offset,
        limit: 1000,
      })
      for (const t of page) {
        const i = written + docs.length
        const sentAt = (t.closedAt ?? t.updatedAt) + 60_000
        const unanswered = out.open.length < open && i % 200 === 0
        const overall = [5, 5, 5, 4, 4, 3, 5, 2, 5, 1][i % 10]
        const s: SurveyDoc = {
          ...newSurvey(t, sentAt, null),
          state: unanswered ? 'open' : 'rated',
          ...(unanswered
            ? {}
            : {
                answer: {
                  overall,
                  ...(t.type === 'repair' ? { speed: overall, attitude: overall } : {}),
                  resolved: overall > 2,
                  tags: [(overall > 3 ? '准时' : '没修好') as SurveyTag],
                  photos: [],
                  source: 'app' as const,
                  at: sentAt + 3600_000,
                  firstAt: sentAt + 3600_000,
                },
              }),
        }
        if (unanswered) out.open.push({ openid: t.reporterOpenid, ticketId: t._id })
        docs.push({ collection: 'surveys', doc: s })
      }
      if (page.length < 1000 || written + docs.length >= (target * (data.communities.indexOf(c) + 1)) / data.communities.length) break
    }
    await writeBatched(store, docs)
    written += docs.length
  }
  return out
}

export function surveyCases(data: BenchDataset, s: SurveyData, call: CallFn, month: string, n = { read: 200, write: 300 }): BenchCase[] {
  const agentOf = (i: number) => data.agents.get(data.communities[i % data.communities.length].id)!
  return [
    {
      name: 'surveys.submit',
      n: Math.min(n.write, s.open.length),
      call: (i) => {
        const x = s.open[i]
        return call(x.openid, 'surveys', 'submit', { ticketId: x.ticketId, overall: 5, speed: 5, attitude: 5, resolved: true, tags: ['准时'] })
      },
    },
    {
      name: 'surveys.forTicket',
      n: n.read,
      call: (i) => {
        const x = s.open[i % s.open.length]
        return call(x.openid, 'surveys', 'forTicket', { ticketId: x.ticketId })
      },
    },
    {
      name: 'surveys.figures',
      n: n.read,
      call: (i) => call(agentOf(i), 'surveys', 'figures', { month, by: (['handler', 'category', 'building', 'type'] as const)[i % 4] }),
    },
    { name: 'surveys.callbacks', n: n.read, call: (i) => call(agentOf(i), 'surveys', 'callbacks', {}) },
  ]
}
