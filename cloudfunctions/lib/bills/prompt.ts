import type { BillDoc } from '../../../src/core/bills/types'
import { decidePrompt, DEFAULT_POLICY, type ReminderPolicy } from '../../../src/core/bills/reminders'
import { payable } from '../../../src/core/bills/fees'
import { yuan } from '../../../src/core/shared/money'
import type { Store } from '../ports/store'
import { notify } from '../outbox/notify'
import { pageUrl } from '../../../src/core/shared/pages'

/** A person who owes on one or more of their houses. */
export interface Debtor {
  openid: string
  name: string
  houseLabels: string[]
  billIds: string[]
  amount: number
  earliestDue: string
}

/** Unpaid bills → the people bound to those houses (owners, tenants, family). Houses nobody is bound to are counted, not reachable. */
export async function debtorsOf(store: Store, bills: BillDoc[], now: number) {
  const byHouse = new Map<string, BillDoc[]>()
  for (const b of bills) byHouse.set(b.houseId, [...(byHouse.get(b.houseId) ?? []), b])
  const houseIds = [...byHouse.keys()]
  const debtors = new Map<string, Debtor>()
  const reached = new Set<string>()
  for (let i = 0; i < houseIds.length; i += 100) {
    const slice = houseIds.slice(i, i + 100)
    const bindings = await store.c.bindings.find({ where: { houseId: { $in: slice }, status: 'approved' }, limit: 1000 })
    for (const bd of bindings) {
      reached.add(bd.houseId)
      const hb = byHouse.get(bd.houseId)!
      const d = debtors.get(bd.openid) ?? { openid: bd.openid, name: bd.name, houseLabels: [], billIds: [], amount: 0, earliestDue: '9999-12-31' }
      if (!d.houseLabels.includes(hb[0].houseLabel)) d.houseLabels.push(hb[0].houseLabel)
      for (const b of hb) {
        if (d.billIds.includes(b._id)) continue
        d.billIds.push(b._id)
        d.amount += payable(b, now)
        if (b.dueDate < d.earliestDue) d.earliestDue = b.dueDate
      }
      debtors.set(bd.openid, d)
    }
  }
  return { debtors: [...debtors.values()], unreachableHouses: houseIds.length - reached.size }
}

export type PromptResult = { openid: string; sent: true; messageId: string; outboxId?: string } | { openid: string; sent: false; reason: 'recent' | 'paid' }

/**
 * Prompt people, a batch per transaction: the 3-day rule is read and written with the message,
 * so a rerun (a retried timer, a campaign right after the daily prompt) cannot tell anyone twice.
 */
export async function promptDebtors(store: Store, now: number, debtors: Debtor[], opts: { policy?: ReminderPolicy; lead: (d: Debtor) => string }) {
  const policy = opts.policy ?? DEFAULT_POLICY
  const results: PromptResult[] = []
  for (let i = 0; i < debtors.length; i += 50) {
    const batch = debtors.slice(i, i + 50)
    const r = await store.transaction(async (tx) => {
      const out: PromptResult[] = []
      for (const d of batch) {
        const log = await tx.c.reminders.get(d.openid)
        const decision = decidePrompt({ now, unpaidTotal: d.amount, lastPromptAt: log?.lastPromptAt }, policy)
        if (!decision.send) {
          out.push({ openid: d.openid, sent: false, reason: decision.reason })
          continue
        }
        const houses = d.houseLabels.join('、')
        const ids = await notify(tx, now, {
          openid: d.openid,
          title: '物业费缴费提醒',
          body: `${opts.lead(d)}${houses} 待缴 ¥${yuan(d.amount)}，最早一笔 ${d.earliestDue} 到期。可在「账单」页在线缴纳，如已缴纳请忽略。`,
          page: pageUrl('bills'),
          push: {
            templateKey: 'billReminder',
            data: { house: houses, amount: `${yuan(d.amount)}元`, due: d.earliestDue, note: '点击查看账单并在线缴费' },
            notBefore: decision.notBefore,
          },
        })
        await tx.c.reminders.set({ _id: d.openid, lastPromptAt: now, count: (log?.count ?? 0) + 1 })
        out.push({ openid: d.openid, sent: true, ...ids })
      }
      return out
    })
    results.push(...r)
  }
  return results
}
