import { AppError } from '../../../src/core/shared/errors'
import { covers, scopeOf } from '../../../src/core/access/scope'
import { findings, problems } from '../../../src/core/inspections/checklist'
import { houseLabel } from '../../../src/core/community/types'
import { pageUrl } from '../../../src/core/shared/pages'
import { formatTime, shanghaiMonth } from '../../../src/core/shared/time'
import type { vacancyContract } from '../../../src/core/vacancy/contracts'
import { reportText } from '../../../src/core/vacancy/report'
import { isVacant, newVacancy, VACANCY_CHECKLIST, vacancyCheckId, type VacancyCheckDoc, type VacancyDoc } from '../../../src/core/vacancy/types'
import type { Handler } from '../../lib/runtime/handler'
import { auditChange } from '../../lib/runtime/audit'
import { requireOwnUploads } from '../../lib/files/uploads'
import { fileFinding } from '../../lib/inspections/tickets'
import { notify } from '../../lib/outbox/notify'
import { staffHouse } from '../../lib/runtime/scope'
import { checksOf, staffVacancyView } from '../../lib/vacancy/views'

/** The vacant houses in his scope, this month's unchecked first: two reads, however many houses. */
export const list: Handler<typeof vacancyContract.list> = async (ctx) => {
  const scope = scopeOf(ctx.user?.staff)
  if (!scope) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  const month = shanghaiMonth(ctx.now)
  const [all, checks] = await Promise.all([
    ctx.store.c.vacancies.find({ where: { communityId: scope.communityId }, orderBy: [['building', 'asc']], limit: 1000 }),
    ctx.store.c.vacancyChecks.find({ where: { communityId: scope.communityId, month }, limit: 1000 }),
  ])
  const checkOf = new Map(checks.map((c) => [c.houseId, c]))
  const items = all
    .filter((v) => isVacant(v) && covers(scope, v))
    .map((v) => {
      const c = checkOf.get(v.houseId)
      return {
        houseId: v.houseId,
        label: v.label,
        building: v.building,
        since: v.since,
        care: v.care,
        by: v.by.as,
        byName: v.by.name,
        checked: c ? { at: c.at, byName: c.byName, findings: c.findings } : null,
      }
    })
    .sort((a, b) => Number(Boolean(a.checked)) - Number(Boolean(b.checked)) || Number(b.care) - Number(a.care) || a.label.localeCompare(b.label, 'zh'))
  return { month, items, vacant: items.length, checked: items.filter((i) => i.checked).length }
}

export const house: Handler<typeof vacancyContract.house> = async (ctx, { houseId }) => {
  const h = await staffHouse(ctx, houseId)
  return staffVacancyView(ctx, h, await ctx.store.c.vacancies.get(houseId))
}

export const mark: Handler<typeof vacancyContract.mark> = async (ctx, { houseId, care }) => {
  const h = await staffHouse(ctx, houseId)
  const v = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.vacancies.get(houseId)
    const next: VacancyDoc = isVacant(cur)
      ? { ...cur, care, updatedAt: ctx.now }
      : newVacancy(h, { openid: ctx.openid, name: ctx.user?.staff?.name ?? '', as: 'staff' }, care, ctx.now)
    await tx.c.vacancies.set(next)
    await auditChange(tx, ctx, h.communityId, {
      kind: 'vacancy',
      summary: isVacant(cur) ? `${next.label} ${care ? '开通' : '取消'}托管巡查` : `${next.label} 登记为空置房`,
      before: cur,
      after: next,
    })
    return next
  })
  return staffVacancyView(ctx, h, v)
}

export const end: Handler<typeof vacancyContract.end> = async (ctx, { houseId }) => {
  const h = await staffHouse(ctx, houseId)
  const v = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.vacancies.get(houseId)
    if (!isVacant(cur)) throw new AppError('INVALID_STATE', '这套房屋不是空置房')
    const next: VacancyDoc = { ...cur, endedAt: ctx.now, updatedAt: ctx.now }
    await tx.c.vacancies.set(next)
    await auditChange(tx, ctx, h.communityId, { kind: 'vacancy', summary: `${cur.label} 已入住，结束空置`, before: cur, after: next })
    return next
  })
  return staffVacancyView(ctx, h, v)
}

/**
 * This month's look at a vacant house. Everything is checked before anything is written; each
 * finding is filed as a repair of the house with an id fixed by house, month and item; the check
 * and the owners' report are written together, so a retry files nothing twice and tells them once.
 */
export const check: Handler<typeof vacancyContract.check> = async (ctx, { houseId, results }) => {
  const h = await staffHouse(ctx, houseId)
  const v = await ctx.store.c.vacancies.get(houseId)
  if (!isVacant(v)) throw new AppError('INVALID_STATE', '这套房屋不是空置房')
  const month = shanghaiMonth(ctx.now)
  const id = vacancyCheckId(houseId, month)
  if (await ctx.store.c.vacancyChecks.get(id)) throw new AppError('INVALID_STATE', '这套房屋本月已检查过')
  const wrong = problems(VACANCY_CHECKLIST, results)
  if (Object.keys(wrong).length) throw new AppError('INVALID_INPUT', Object.values(wrong)[0], wrong)
  await requireOwnUploads(
    ctx,
    ctx.openid,
    results.flatMap((r) => r.photos),
  )

  const found = findings(VACANCY_CHECKLIST, results)
  const ticketIds: string[] = []
  const label = houseLabel(h)
  for (const f of found) {
    ticketIds.push(
      await fileFinding(ctx, `kz_${id}_${f.item.id}`, { communityId: h.communityId, building: h.building, name: label, houseId }, f, {
        kind: 'vacancy',
        id: houseId,
        label: `${label} ${month}`,
      }),
    )
  }
  const [previous] = await checksOf(ctx, houseId, 1)
  const tickets = ticketIds.length ? await ctx.store.c.tickets.find({ where: { _id: { $in: ticketIds } }, limit: ticketIds.length }) : []
  const text = reportText(
    VACANCY_CHECKLIST,
    results,
    previous?.results,
    tickets.map((t) => t.no),
  )
  const owners = await ctx.store.c.bindings.find({ where: { houseId, status: 'approved' }, limit: 50 })
  await ctx.store.transaction(async (tx) => {
    if (await tx.c.vacancyChecks.get(id)) return
    const doc: VacancyCheckDoc = {
      _id: id,
      communityId: h.communityId,
      building: h.building,
      houseId,
      label,
      month,
      at: ctx.now,
      byOpenid: ctx.openid,
      byName: ctx.user?.staff?.name ?? '',
      results,
      findings: found.length,
      ticketIds,
    }
    await tx.c.vacancyChecks.set(doc)
    // Owners hear of every check in 消息; those who asked for 托管巡查 also by subscribe message.
    for (const openid of new Set(owners.filter((b) => b.role === 'owner').map((b) => b.openid))) {
      await notify(tx, ctx.now, {
        openid,
        title: `空置房检查：${label}`,
        body: `${doc.byName} ${formatTime(ctx.now, 'M月D日 HH:mm')} 检查了您的空置房。${text}`,
        page: pageUrl('vacancy', { houseId }),
        ...(v.care
          ? {
              push: {
                templateKey: 'inspectionReport',
                data: { house: label, result: found.length ? '有问题' : '正常', time: formatTime(ctx.now), note: text },
              },
            }
          : {}),
      })
    }
  })
  return staffVacancyView(ctx, h, v)
}
