import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { ItemResult } from '../../src/core/inspections/checklist'
import { houseLabel } from '../../src/core/community/types'
import { addMonths, monthStart, shanghaiMonth } from '../../src/core/shared/time'
import { vacancyCheckId, type VacancyDoc } from '../../src/core/vacancy/types'

const DAY = 86400_000

const fine = (water: number, power: number): ItemResult[] => [
  ...['doors', 'leak', 'smell', 'power'].map((itemId) => ({ itemId, ok: true, photos: [] })),
  { itemId: 'water', value: water, photos: [] },
  { itemId: 'power-meter', value: power, photos: [] },
]

/**
 * Two vacant houses in 周明's zone: one the office marked three months ago (checked twice, its
 * water meter still), one whose owner asked for 托管巡查 last month (checked once). This month's
 * checks are left to do.
 */
export async function seedVacancyDemo(store: Store, communityId: string, by: { openid: string; name: string }, now: number) {
  const month = shanghaiMonth(now)
  const houses = [
    { id: `${communityId}-2-1-1502`, since: now - 95 * DAY, as: 'staff' as const, care: false, checks: [fine(31.2, 1204.5), fine(31.2, 1206.1)] },
    { id: `${communityId}-3-2-801`, since: now - 40 * DAY, as: 'owner' as const, care: true, checks: [fine(8.6, 455)] },
  ]
  for (const x of houses) {
    const h = await store.c.houses.get(x.id)
    if (!h) continue
    const v: VacancyDoc = {
      _id: h._id,
      communityId,
      building: h.building,
      houseId: h._id,
      label: houseLabel(h),
      since: x.since,
      by: x.as === 'staff' ? { ...by, as: 'staff' } : { openid: `owner-${h._id}`, name: '业主', as: 'owner' },
      care: x.care,
      updatedAt: x.since,
    }
    await store.c.vacancies.set(v)
    // The oldest check first, each on the 10th of its month.
    for (const [k, results] of x.checks.entries()) {
      const m = addMonths(month, k - x.checks.length)
      await store.c.vacancyChecks.set({
        _id: vacancyCheckId(h._id, m),
        communityId,
        building: h.building,
        houseId: h._id,
        label: v.label,
        month: m,
        at: monthStart(m) + 9 * DAY + 10 * 3600_000,
        byOpenid: by.openid,
        byName: by.name,
        results,
        findings: 0,
        ticketIds: [],
      })
    }
  }
}
