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

export function staffView(n: NoticeDoc, now: number, linkedTickets = 0) {
  return {
    ...summary(n, now),
    audienceLabel: audienceLabel(n.audience),
    scheduled: !isVisible(n, now) && n.publishAt > now,
    sending: n.sendPending,
    recipients: n.recipients,
    linkedTickets,
    createdByName: n.createdByName,
  }
}
