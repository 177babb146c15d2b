import { AppError } from '../../../src/core/shared/errors'
import { shanghaiMonth } from '../../../src/core/shared/time'
import { pageUrl } from '../../../src/core/shared/pages'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import type { Handler } from '../../lib/runtime/handler'
import { officeScope } from '../../lib/runtime/scope'
import { notify } from '../../lib/outbox/notify'
import { communityStaff } from '../../lib/tickets/tell'
import { communityMonth, zoneFigures } from '../../lib/supervisor/zone-report'

const notYet = (month: string, now: number) => {
  if (month > shanghaiMonth(now)) throw new AppError('INVALID_INPUT', '该月份还没有到', { month: '该月份还没有到' })
}

/** A 管理员 reads his own zone; the 客服主任 every 管理员's zone, side by side. */
export const zoneReports: Handler<typeof supervisorContract.zoneReports> = async (ctx, { month }) => {
  notYet(month, ctx.now)
  const { communityId } = officeScope(ctx)
  const managers = ctx.callers.includes('supervisor')
    ? (await communityStaff(ctx.store, communityId)).filter((u) => u.staff?.roles.includes('manager') && u.staff.zone?.length)
    : [ctx.user!]
  managers.sort((a, b) => (a.staff?.zone?.[0] ?? '').localeCompare(b.staff?.zone?.[0] ?? '', 'zh', { numeric: true }))
  const shared = await communityMonth(ctx, communityId, month)
  return { month, items: await Promise.all(managers.map((m) => zoneFigures(ctx, shared, m))) }
}

/** Submitting keeps the figures as they stood and tells every 客服主任 in 消息. */
export const submitZoneReport: Handler<typeof supervisorContract.submitZoneReport> = async (ctx, { month, comment }) => {
  notYet(month, ctx.now)
  const { communityId } = officeScope(ctx)
  if (!ctx.user?.staff?.zone?.length) throw new AppError('FORBIDDEN', '您没有负责的片区')
  const figures = await zoneFigures(ctx, await communityMonth(ctx, communityId, month), ctx.user)
  const supervisors = (await communityStaff(ctx.store, communityId)).filter((u) => u.staff?.roles.includes('supervisor'))
  const name = ctx.user.staff.name
  await ctx.store.transaction(async (tx) => {
    const id = `${communityId}_${month}_${ctx.openid}`
    const again = Boolean(await tx.c.zoneReports.get(id))
    await tx.c.zoneReports.set({ _id: id, communityId, month, managerOpenid: ctx.openid, figures, comment, submittedAt: ctx.now })
    for (const s of supervisors)
      await notify(tx, ctx.now, {
        openid: s._id,
        title: `${name}${again ? '更新了' : '提交了'} ${month} 片区月报`,
        body: comment.slice(0, 100),
        page: pageUrl('zoneReport', { month }),
      })
  })
  return { ...figures, comment, submittedAt: ctx.now }
}
