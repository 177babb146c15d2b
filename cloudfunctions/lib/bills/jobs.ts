import { dailyRunDue, dueDatesToday, stageText, today } from '../../../src/core/bills/reminders'
import type { Deps } from '../runtime/deps'
import { debtorsOf, promptDebtors } from './prompt'
import { MAX_LIMIT as PAGE } from '../ports/store'
import { creditOrder } from './credit'
import { reminderPolicyOf } from './policy'
import { moreIfFull } from '../runtime/schedule'

/** Stop starting new pages after this long, and resume on the next tick (the timer fires every minute). */
const BUDGET_MS = 40_000

/**
 * Daily policy prompts (from 10:00 Shanghai, once a day per community). Only bills due for a
 * prompt today are read; people are told once for all their houses, never twice in 3 days.
 */
export async function billReminders(deps: Deps, budgetMs = BUDGET_MS) {
  const started = Date.now()
  const now = deps.clock.now()
  const tally = { communities: 0, bills: 0, prompted: 0, skipped: 0 }
  const states = deps.store.c.jobState
  const communities = await deps.store.c.communities.find({ orderBy: [['_id', 'asc']], limit: 1000 })
  for (const c of communities) {
    const id = `billReminders_${c._id}`
    const state = (await states.get(id)) ?? { _id: id }
    const policy = await reminderPolicyOf(deps.store, c._id)
    if (!dailyRunDue(now, state.lastRunDate, policy)) continue
    const day = today(now)
    let cursor = state.runningDate === day ? (state.cursor ?? '') : ''
    const stages = dueDatesToday(now, policy)
    const stageByDue = new Map(stages.map((s) => [s.dueDate, s.stage]))
    tally.communities++
    for (;;) {
      if (Date.now() - started > budgetMs) {
        await states.set({ ...state, runningDate: day, cursor })
        // Out of time mid-run: carry on next minute.
        return { ...tally, nextAt: now }
      }
      const page = await deps.store.c.bills.find({
        where: { communityId: c._id, status: 'unpaid', dueDate: { $in: stages.map((s) => s.dueDate) }, ...(cursor ? { _id: { $gt: cursor } } : {}) },
        orderBy: [['_id', 'asc']],
        limit: PAGE,
      })
      if (page.length) {
        tally.bills += page.length
        const { debtors } = await debtorsOf(deps.store, page, now)
        const results = await promptDebtors(deps.store, now, debtors, {
          policy,
          lead: (d) => {
            const first = stageByDue.get(d.earliestDue)
            return first ? `您的物业账单${stageText(first)}：` : ''
          },
        })
        tally.prompted += results.filter((r) => r.sent).length
        tally.skipped += results.filter((r) => !r.sent).length
        cursor = page[page.length - 1]._id
      }
      if (page.length < PAGE) break
    }
    await states.set({ _id: id, lastRunDate: day })
  }
  return tally
}

/** Orders older than this are asked about; WeChat calls back only for successful payments. */
const CHECK_AFTER_MS = 5 * 60_000
/** An order still unpaid after this is given up (the resident abandoned the payment sheet). */
const CLOSE_AFTER_MS = 2 * 3600_000

/**
 * Abandoned and missed orders: ask WeChat Pay (queryOrder) about orders with no callback yet.
 * Paid → credited through the same code as the callback; closed or too old → closed.
 */
export async function payOrders(deps: Deps) {
  const now = deps.clock.now()
  const tally = { checked: 0, credited: 0, closed: 0 }
  const orders = await deps.store.c.payOrders.find({
    where: { status: 'created', updatedAt: { $lte: now - CHECK_AFTER_MS } },
    orderBy: [['updatedAt', 'asc']],
    limit: 50,
  })
  for (const o of orders) {
    tally.checked++
    const q = await deps.payments.queryOrder(o._id)
    if (q.state === 'paid' && q.totalFee !== undefined) {
      if ((await creditOrder(deps, o._id, { totalFee: q.totalFee, transactionId: q.transactionId })) === 'credited') tally.credited++
    } else if (q.state === 'closed' || now - o.createdAt > CLOSE_AFTER_MS) {
      await deps.store.c.payOrders.update(o._id, { status: 'closed', updatedAt: now })
      tally.closed++
    } else {
      // Touch it so the next check is CHECK_AFTER_MS later, not every minute.
      await deps.store.c.payOrders.update(o._id, { updatedAt: now })
    }
  }
  return { ...tally, nextAt: moreIfFull(orders, 50, now) }
}
