import { formatTime } from '../../../src/core/shared/time'
import { STATUS_LABELS, type TicketDoc } from '../../../src/core/tickets/types'
import { notify } from '../outbox/notify'
import type { Store, Tx } from '../ports/store'
import { pageUrl } from '../../../src/core/shared/pages'
import type { UserDoc } from '../../../src/core/account/types'

/** Tell the reporter and everyone following (merged duplicates) about a step they should know of. */
export async function tellResidents(
  tx: Tx,
  t: TicketDoc,
  now: number,
  title: string,
  body: string,
  templateKey: 'ticketProgress' | 'ticketDone' = 'ticketProgress',
) {
  const to = [...new Set([t.reporterOpenid, ...t.followers])].filter((o) => o && !o.startsWith('offline:'))
  for (const openid of to) {
    await notify(tx, now, {
      openid,
      title,
      body,
      page: pageUrl('ticket', { id: t._id }),
      push:
        templateKey === 'ticketDone'
          ? { templateKey, data: { no: t.no, handler: t.assigneeName ?? '工作人员', note: body, time: formatTime(now) } }
          : { templateKey, data: { no: t.no, status: STATUS_LABELS[t.status], note: body, time: formatTime(now) } },
    })
  }
}

/** Tell staff (a handler of a new order, a manager of an overdue ticket …). */
export async function tellStaff(
  tx: Tx,
  t: TicketDoc,
  now: number,
  openids: string[],
  title: string,
  body: string,
  templateKey: 'newOrder' | 'ticketAlert',
  level = '',
) {
  for (const openid of new Set(openids)) {
    await notify(tx, now, {
      openid,
      title,
      body,
      page: pageUrl('staffTicket', { id: t._id }),
      push:
        templateKey === 'newOrder'
          ? { templateKey, data: { no: t.no, place: t.place, note: body, time: formatTime(now) } }
          : { templateKey, data: { no: t.no, level, note: body, time: formatTime(now) } },
    })
  }
}

/** Staff of a community, for paging and escalation (a community has tens of staff, not thousands). */
export async function communityStaff(store: Store, communityId: string) {
  return store.c.users.find({ where: { 'staff.communityId': communityId }, limit: 200 })
}

/** The 管理员 whose zone holds this building: the one to hear of what happens there. */
export const zoneManagers = (staff: readonly UserDoc[], building: string) =>
  staff.filter((u) => u.staff?.roles.includes('manager') && u.staff.zone?.includes(building)).map((u) => u._id)
