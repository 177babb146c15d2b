import { AppError } from '../../../src/core/shared/errors'
import type { vacancyContract } from '../../../src/core/vacancy/contracts'
import { isVacant, newVacancy, type VacancyDoc } from '../../../src/core/vacancy/types'
import type { Handler } from '../../lib/runtime/handler'
import { auditChange } from '../../lib/runtime/audit'
import { memberHouse } from '../../lib/vacancy/access'
import { vacancyView } from '../../lib/vacancy/views'

export const mine: Handler<typeof vacancyContract.mine> = async (ctx, { houseId }) => {
  const { house, isOwner } = await memberHouse(ctx, houseId)
  return { ...(await vacancyView(ctx, house, await ctx.store.c.vacancies.get(houseId))), isOwner }
}

/** Only the owner says whether the house stands empty; the office sees it in its list at once. */
export const setMine: Handler<typeof vacancyContract.setMine> = async (ctx, { houseId, vacant, care }) => {
  const { house, isOwner, binding } = await memberHouse(ctx, houseId)
  if (!isOwner) throw new AppError('FORBIDDEN', '只有业主可以设置空置房')
  const v = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.vacancies.get(houseId)
    const open = isVacant(cur) ? cur : null
    if (!vacant && !open) return cur
    const next: VacancyDoc = !vacant
      ? { ...open!, endedAt: ctx.now, updatedAt: ctx.now }
      : open
        ? { ...open, care, updatedAt: ctx.now }
        : newVacancy(house, { openid: ctx.openid, name: binding.name, as: 'owner' }, care, ctx.now)
    await tx.c.vacancies.set(next)
    const what = !vacant ? '已入住，结束空置' : open ? `${care ? '开通' : '取消'}托管巡查` : `业主登记为空置房${care ? '并申请托管巡查' : ''}`
    await auditChange(tx, ctx, house.communityId, { kind: 'vacancy', summary: `${next.label} ${what}`, before: cur, after: next })
    return next
  })
  return { ...(await vacancyView(ctx, house, v)), isOwner }
}
