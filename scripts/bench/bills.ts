import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { Deps } from '../../cloudfunctions/lib/runtime/deps'
import type { UserDoc } from '../../src/core/account/types'
import { billReminders } from '../../cloudfunctions/lib/bills/jobs'
import { DEMO_FEE_ITEMS } from '../seed/bills'
import type { BenchDataset } from './dataset'
import type { BenchCase, CallFn } from './run'

const spread = <T>(list: T[], i: number) => list[(i * 7919) % list.length]

/** Each bench community gets the demo's fee items and a 客服主任 who runs its bills. */
export async function seedBillsBench(store: Store, data: BenchDataset, now: number) {
  await store.transaction(async (tx) => {
    for (const c of data.communities) {
      for (const f of DEMO_FEE_ITEMS(c.id, now)) await tx.c.feeItems.set(f)
      const sup: UserDoc = {
        _id: `wx-${c.id}-supervisor`,
        nickname: '主任',
        createdAt: now,
        updatedAt: now,
        staff: { name: '主任', communityId: c.id, roles: ['supervisor'] },
      }
      await tx.c.users.set(sup)
    }
  })
}

/** Wall time of whole operations (a full bill run, a day's reminders), beside the per-call table. */
export const billsTotals: { name: string; ms: number; note: string }[] = []

/**
 * Bills under load: the bill run for 20 communities × 1,000 houses (two chunk calls each: 1,000
 * houses, then the empty tail, timed apart so neither's median is the other's), the resident's bill list, arrears, and the daily reminder job
 * over every bill due in 3 days (20,000 bills, ~12,000 bound owners).
 */
export function billsCases(data: BenchDataset, call: CallFn, ctl: { deps: Deps; setNow(ms: number): void; reminderAt: number }): BenchCase[] {
  const { communities, owners } = data
  const sup = (id: string) => `wx-${id}-supervisor`
  let runStart = 0
  return [
    {
      name: 'bills.runBills (1,000-house chunk)',
      n: communities.length,
      call: (i) => {
        if (i === 0) runStart = performance.now()
        return call(sup(communities[i].id), 'bills', 'runBills', { period: '2026-11', chunk: 1000 })
      },
    },
    {
      name: 'bills.runBills (empty tail)',
      n: communities.length,
      call: async (i) => {
        const r = await call(sup(communities[i].id), 'bills', 'runBills', { period: '2026-11', chunk: 1000 })
        if (i === communities.length - 1)
          billsTotals.push({ name: 'bill run, 20,000 houses', ms: performance.now() - runStart, note: `${communities.length} communities × 2 calls` })
        return r
      },
    },
    { name: 'bills.myBills', n: 500, call: (i) => call(spread(owners, i).openid, 'bills', 'myBills') },
    { name: 'bills.history', n: 300, call: (i) => call(spread(owners, i).openid, 'bills', 'history', {}) },
    { name: 'bills.arrears (1,000 houses)', n: communities.length, call: (i) => call(sup(communities[i].id), 'bills', 'arrears') },
    {
      name: 'bills.createOrder',
      n: 300,
      call: async (i) => {
        const o = spread(owners, i)
        return call(o.openid, 'bills', 'createOrder', { billIds: [`${o.communityId}_2026-11_${o.communityId}-property_${o.houseId}`] })
      },
    },
    {
      name: 'scheduler billReminders (20,000 bills)',
      n: 1,
      call: async () => {
        ctl.setNow(ctl.reminderAt)
        const t0 = performance.now()
        const tally = await billReminders(ctl.deps, 600_000)
        billsTotals.push({
          name: 'daily reminders, 20,000 bills',
          ms: performance.now() - t0,
          note: `${tally.bills} bills read, ${tally.prompted} people prompted`,
        })
        return { ok: true, data: tally }
      },
    },
  ]
}
