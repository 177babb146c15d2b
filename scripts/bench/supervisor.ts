import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { UserDoc } from '../../src/core/account/types'
import { refreshRollups } from '../../cloudfunctions/lib/supervisor/rollups'
import type { Deps } from '../../cloudfunctions/lib/runtime/deps'
import { writeBatched, type BenchDataset } from './dataset'
import type { BenchCase, CallFn } from './run'

/** A 客服主任 per bench community, so the supervisor's views run as they would there. */
export async function seedChiefs(store: Store, data: BenchDataset, now: number): Promise<Map<string, string>> {
  const chiefs = new Map<string, string>()
  const docs = data.communities.map((c) => {
    const user: UserDoc = {
      _id: `wx-${c.id}-chief`,
      createdAt: now,
      updatedAt: now,
      staff: { name: `主任${c.id.slice(-2)}`, communityId: c.id, roles: ['supervisor'], onDuty: true },
    }
    chiefs.set(c.id, user._id)
    return { collection: 'users', doc: user }
  })
  await writeBatched(store, docs)
  return chiefs
}

/**
 * Dashboard and 月报 over the 200,000 seeded tickets (~1,700 per community-month) and 150,000
 * ratings. Warm: the month rollups are stored and fresh — the steady state, since the scheduler
 * refolds watched live months before they go stale (its own row shows what that costs). Cold:
 * `stale()` moves the clock past the ten-minute freshness first, so each call folds its live
 * months again from the indexed ranges, as the first view after a deploy would.
 */
export function supervisorCases(data: BenchDataset, chiefs: Map<string, string>, call: CallFn, stale: () => void, month: string, deps: Deps): BenchCase[] {
  const chief = (i: number) => chiefs.get(data.communities[i % data.communities.length].id)!
  const n = data.communities.length
  const warmUp = async () => {
    for (let i = 0; i < n; i++) await call(chief(i), 'supervisor', 'trend', {})
  }
  return [
    { name: 'supervisor.dashboard (today tiles)', n: 200, setup: warmUp, call: (i) => call(chief(i), 'supervisor', 'dashboard', {}) },
    {
      name: 'supervisor.trend (warm)',
      n: 200,
      call: (i) => call(chief(i), 'supervisor', 'trend', { by: (['building', 'department', 'handler'] as const)[i % 3] }),
    },
    { name: 'supervisor.monthlyReport (warm)', n: 200, call: (i) => call(chief(i), 'supervisor', 'monthlyReport', { month }) },
    { name: 'supervisor.exportMonthlyReport (warm)', n: 100, call: (i) => call(chief(i), 'supervisor', 'exportMonthlyReport', { month }) },
    {
      name: 'scheduler rollups (8 folds per tick)',
      n: Math.ceil((2 * n) / 8),
      setup: async () => stale(),
      call: async () => ({ ok: true as const, data: await refreshRollups(deps) }),
    },
    { name: 'supervisor.monthlyReport (cold: one month folded)', n, call: (i) => (stale(), call(chief(i), 'supervisor', 'monthlyReport', { month })) },
    { name: 'supervisor.trend (cold: live months folded)', n, call: (i) => (stale(), call(chief(i), 'supervisor', 'trend', {})) },
  ]
}
