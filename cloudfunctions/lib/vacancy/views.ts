import type * as z from '../../../src/core/shared/zod'
import type { VacancyView } from '../../../src/core/vacancy/contracts'
import { itemView } from '../../../src/core/inspections/contracts'
import { meters, reportText } from '../../../src/core/vacancy/report'
import { isVacant, VACANCY_CHECKLIST, type VacancyCheckDoc, type VacancyDoc } from '../../../src/core/vacancy/types'
import { houseLabel, type House } from '../../../src/core/community/types'
import { shanghaiMonth } from '../../../src/core/shared/time'
import type { Ctx } from '../runtime/context'

/** A house's checks, latest first: a year of them is what anyone looks back on. */
export const checksOf = (ctx: Pick<Ctx, 'store'>, houseId: string, limit = 12) =>
  ctx.store.c.vacancyChecks.find({ where: { houseId }, orderBy: [['month', 'desc']], limit })

/** The house's vacancy as both staff and owner see it: state, and each check with its report and the repairs it filed. */
export async function vacancyView(
  ctx: Ctx,
  house: House,
  v: VacancyDoc | null,
  checks?: VacancyCheckDoc[],
): Promise<Omit<z.output<typeof VacancyView>, 'items'>> {
  const list = checks ?? (await checksOf(ctx, house._id))
  const ticketIds = list.flatMap((c) => c.ticketIds)
  const tickets = ticketIds.length ? await ctx.store.c.tickets.find({ where: { _id: { $in: ticketIds } }, limit: ticketIds.length }) : []
  const noOf = new Map(tickets.map((t) => [t._id, t.no]))
  const photos = [...new Set(list.flatMap((c) => c.results.flatMap((r) => r.photos)))]
  const vacant = isVacant(v)
  return {
    houseId: house._id,
    label: houseLabel(house),
    vacant,
    care: vacant && Boolean(v?.care),
    ...(vacant && v ? { since: v.since, by: v.by.as, byName: v.by.name } : {}),
    month: shanghaiMonth(ctx.now),
    checks: list.map((c, i) => {
      const nos = c.ticketIds.map((id) => noOf.get(id) ?? '')
      const previous = list[i + 1]?.results
      return {
        month: c.month,
        at: c.at,
        byName: c.byName,
        results: c.results,
        findings: c.findings,
        tickets: c.ticketIds.map((id, k) => ({ id, no: nos[k] })),
        text: reportText(VACANCY_CHECKLIST, c.results, previous, nos.filter(Boolean)),
        meters: meters(VACANCY_CHECKLIST, c.results, previous),
      }
    }),
    photoUrls: photos.length ? await ctx.files.urls(photos) : {},
  }
}

export const staffVacancyView = async (ctx: Ctx, house: House, v: VacancyDoc | null, checks?: VacancyCheckDoc[]) => ({
  ...(await vacancyView(ctx, house, v, checks)),
  items: VACANCY_CHECKLIST.map(itemView),
})
