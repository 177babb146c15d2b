import { formatTime } from '../../../src/core/shared/time'
import { STATUS_LABELS, type TicketDoc } from '../../../src/core/tickets/types'
import { notify } from '../outbox/notify'
import type { Store, Tx } from '../ports/store'

export const residentPage = (t: Pick<TicketDoc, '_id'>) => `/tickets/detail/index?id=${t._id}`
export const staffPage = (t: Pick<TicketDoc, '_id'>) => `/staff/ticket/index?id=${t._id}`

/** Tell the reporter and everyone following (merged duplicates) about a step they should know of. */
export async function tellResidents(tx: Tx, t: TicketDoc, now: number, title: string, body: string, templateKey = 'ticketProgress') {
  const to = [...new Set([t.reporterOpenid, ...t.followers])].filter((o) => o && !o.startsWith('offline:'))
  for (const openid of to) {
    await notify(tx, now, {
      openid,
      title,
      body,
      page: residentPage(t),
      push: {
        templateKey,
        data:
          templateKey === 'ticketDone'
            ? { no: t.no, handler: t.assigneeName ?? '工作人员', note: body, time: formatTime(now) }
            : { no: t.no, status: STATUS_LABELS[t.status], note: body, time: formatTime(now) },
      },
    })
  }
}

/** Tell staff (a handler of a new order, a manager of an overdue ticket …). */
export async function tellStaff(tx: Tx, t: TicketDoc, now: number, openids: string[], title: string, body: string, templateKey: 'newOrder' | 'ticketAlert', level = '') {
  for (const openid of new Set(openids)) {
    await notify(tx, now, {
      openid,
      title,
      body,
      page: staffPage(t),
      push: {
        templateKey,
        data: templateKey === 'newOrder' ? { no: t.no, place: t.place, note: body, time: formatTime(now) } : { no: t.no, level, note: body, time: formatTime(now) },
      },
    })
  }
}

/** Staff of a community, for paging and escalation (a community has tens of staff, not thousands). */
export async function communityStaff(store: Store, communityId: string) {
  return store.c.users.find({ where: { 'staff.communityId': communityId }, limit: 200 })
}
