import type { Store } from '../ports/store'
import { isVisible, outageLine, outageView } from '../../../src/core/notices/rules'
import type { Audience, NoticeDoc } from '../../../src/core/notices/types'

export function audienceLabel(a: Audience): string {
  if (a.scope === 'community') return '全体住户'
  if (a.scope === 'buildings') return a.targets.map((b) => `${b}栋`).join('、')
  if (a.scope === 'units') return a.targets.map((u) => u.replace('-', '栋') + '单元').join('、')
  return `${a.targets.length} 户`
}

/** The list view of a notice: an outage carries its state and the one line residents read. */
export function summary(n: NoticeDoc, now: number, read?: boolean) {
  const state = outageView(n)
  return {
    id: n._id,
    category: n.category,
    title: n.title,
    excerpt: [...n.body].slice(0, 60).join(''),
    pinned: n.pinned,
    urgent: n.urgent,
    publishAt: n.publishAt,
    ...(n.expiresAt !== undefined ? { expiresAt: n.expiresAt } : {}),
    ...(n.outage && state ? { outage: { ...n.outage, state, line: outageLine(n, now) } } : {}),
    ...(read !== undefined ? { read } : {}),
  }
}

export interface Links {
  linked: number
  open: number
}

/** An outage's linked repairs, all and still open (what 已恢复 would close); a plain notice has none, and costs no read. */
export async function outageLinks(store: Store, n: NoticeDoc): Promise<Links> {
  if (!n.outage) return { linked: 0, open: 0 }
  const [linked, open] = await Promise.all([store.c.tickets.count({ outageId: n._id }), store.c.tickets.count({ outageId: n._id, open: true })])
  return { linked, open }
}

export function staffView(n: NoticeDoc, now: number, links: Links = { linked: 0, open: 0 }) {
  return {
    ...summary(n, now),
    audienceLabel: audienceLabel(n.audience),
    scheduled: !isVisible(n, now) && n.publishAt > now,
    sending: n.sendPending,
    recipients: n.recipients,
    linkedTickets: links.linked,
    openLinkedTickets: links.open,
    createdByName: n.createdByName,
  }
}
