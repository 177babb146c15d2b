import { AppError } from '../../../src/core/shared/errors'
import { covers, scopeOf } from '../../../src/core/access/scope'
import type { decorationContract } from '../../../src/core/decoration/contracts'
import {
  hoursText,
  isNeighbour,
  nextInspection,
  openBooking,
  PERMIT_LABELS,
  periodText,
  permitIdOf,
  statusText,
  WORK_LABELS,
  type DecorationDoc,
  type Status,
} from '../../../src/core/decoration/types'
import { billId, DEPOSIT_ITEM, type BillDoc } from '../../../src/core/bills/types'
import { yuan } from '../../../src/core/shared/money'
import { maskPhone } from '../../../src/core/shared/phone'
import { shanghaiDate, shanghaiMonth } from '../../../src/core/shared/time'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { auditChange } from '../../lib/runtime/audit'
import { notify } from '../../lib/outbox/notify'
import { pageUrl } from '../../../src/core/shared/pages'
import { ownersOf, tellOwners } from '../../lib/decoration/tell'
import { permitOf, rulesOf, staffDecoration, staffDecorationView } from '../../lib/decoration/views'

const TABS: Record<'pending' | 'open' | 'done', readonly Status[]> = {
  pending: ['pending'],
  open: ['approved', 'stopped', 'completed'],
  done: ['closed', 'rejected', 'withdrawn'],
}

/** The renovations in his scope, latest first: one read for the community's last 300, one for their deposit bills. */
export const list: Handler<typeof decorationContract.list> = async (ctx, { state }) => {
  const scope = scopeOf(ctx.user?.staff)
  if (!scope) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  const all = (await ctx.store.c.decorations.find({ where: { communityId: scope.communityId }, orderBy: [['submittedAt', 'desc']], limit: 300 })).filter((d) =>
    covers(scope, d),
  )
  const shown = all.filter((d) => TABS[state].includes(d.status))
  const billIds = shown.flatMap((d) => (d.depositBillId ? [d.depositBillId] : []))
  const bills = billIds.length ? await ctx.store.c.bills.find({ where: { _id: { $in: billIds } }, limit: billIds.length }) : []
  const billOf = new Map(bills.map((b) => [b._id, b]))
  return {
    items: shown.map((d) => {
      const permit = permitOf(ctx, d, d.depositBillId ? billOf.get(d.depositBillId) : null)
      const b = openBooking(d)
      return {
        id: d._id,
        houseId: d.houseId,
        label: d.label,
        building: d.building,
        applicantName: d.applicant.name,
        start: d.start,
        end: d.end,
        works: d.works,
        status: d.status,
        statusText: statusText(d.status, permit),
        permit,
        next: nextInspection(d),
        booking: b ? { kind: b.kind, date: b.date, slot: b.slot } : null,
        violations: d.violations.length,
        submittedAt: d.submittedAt,
      }
    }),
    counts: { pending: all.filter((d) => TABS.pending.includes(d.status)).length, open: all.filter((d) => TABS.open.includes(d.status)).length },
  }
}

export const detail: Handler<typeof decorationContract.detail> = async (ctx, { id }) => staffDecorationView(ctx, await staffDecoration(ctx, id))

const decided = (ctx: Ctx, extra: { conditions?: string; reason?: string }) => ({
  at: ctx.now,
  byOpenid: ctx.openid,
  byName: ctx.user?.staff?.name ?? '',
  ...extra,
})

/**
 * Approval, in one transaction: the decision and its audit record, the deposit as a bill of the
 * house, the owners' message, and the notice to each neighbour of the same unit on the floors
 * next to it (the period, the works and the hours they may hear them).
 */
export const approve: Handler<typeof decorationContract.approve> = async (ctx, { id, conditions }) => {
  const first = await staffDecoration(ctx, id)
  if (first.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理')
  const [rules, owners, unit, community] = await Promise.all([
    rulesOf(ctx.store, first.communityId),
    ownersOf(ctx, first),
    ctx.store.c.houses.find({ where: { communityId: first.communityId, building: first.building, unit: first.unit }, limit: 1000 }),
    ctx.store.c.communities.get(first.communityId),
  ])
  const near = unit.filter((h) => isNeighbour(first, h)).map((h) => h._id)
  const bound = near.length ? await ctx.store.c.bindings.find({ where: { houseId: { $in: near }, status: 'approved' }, limit: 1000 }) : []
  const neighbours = [...new Set(bound.map((b) => b.openid))].filter((o) => !owners.includes(o))
  const hours = hoursText(rules)
  const works = first.works.map((w) => WORK_LABELS[w]).join('、')

  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur || cur.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理')
    const bill: BillDoc | null =
      cur.deposit > 0
        ? {
            _id: billId(cur.communityId, shanghaiMonth(ctx.now), DEPOSIT_ITEM, cur._id),
            communityId: cur.communityId,
            houseId: cur.houseId,
            building: cur.building,
            houseLabel: cur.label,
            period: shanghaiMonth(ctx.now),
            periodLabel: periodText(cur),
            itemId: DEPOSIT_ITEM,
            itemName: '装修押金',
            kind: 'oneoff',
            basis: '完工验收合格后退还',
            amount: cur.deposit,
            original: cur.deposit,
            dueDate: cur.start > shanghaiDate(ctx.now) ? cur.start : shanghaiDate(ctx.now),
            status: 'unpaid',
            createdAt: ctx.now,
            updatedAt: ctx.now,
          }
        : null
    if (bill) await tx.c.bills.set(bill)
    const next: DecorationDoc = {
      ...cur,
      status: 'approved',
      decided: decided(ctx, conditions ? { conditions } : {}),
      ...(bill ? { depositBillId: bill._id } : {}),
      updatedAt: ctx.now,
    }
    await tx.c.decorations.set(next)
    await auditChange(tx, ctx, cur.communityId, {
      kind: 'decoration',
      summary: `${cur.label} 装修申请已批准${conditions ? `：${conditions}` : ''}`,
      before: { status: cur.status },
      after: { status: next.status, conditions, depositBillId: bill?._id, neighbours: neighbours.length },
    })
    await tellOwners(
      tx,
      ctx,
      owners,
      next,
      `装修申请已批准：${cur.label}`,
      (bill ? `请在「账单」缴纳装修押金 ¥${yuan(bill.amount)}，缴纳后装修许可证生效。` : '装修许可证已生效。') +
        `施工期 ${periodText(cur)}，${hours}。${conditions ? `附加要求：${conditions}` : ''}`,
    )
    for (const openid of neighbours)
      await notify(tx, ctx.now, {
        openid,
        title: `装修施工告知：${cur.label}`,
        body: `${cur.label} 将于 ${periodText(cur)} 装修（${works}）。施工时间：${hours}。给您带来不便，敬请谅解；如遇超时施工或噪音扰民，请联系物业${community?.servicePhone ? ` ${community.servicePhone}` : ''}。`,
        page: pageUrl('messages'),
      })
    return next
  })
  return { ...(await staffDecorationView(ctx, d)), neighbours: neighbours.length }
}

export const reject: Handler<typeof decorationContract.reject> = async (ctx, { id, reason }) => {
  const first = await staffDecoration(ctx, id)
  const owners = await ownersOf(ctx, first)
  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur || cur.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理')
    const next: DecorationDoc = { ...cur, status: 'rejected', decided: decided(ctx, { reason }), updatedAt: ctx.now }
    await tx.c.decorations.set(next)
    await auditChange(tx, ctx, cur.communityId, {
      kind: 'decoration',
      summary: `${cur.label} 装修申请未批准：${reason}`,
      before: { status: cur.status },
      after: { status: next.status, reason },
    })
    await tellOwners(tx, ctx, owners, next, `装修申请未通过：${cur.label}`, `原因：${reason}。修改方案后可重新提交申请。`)
    return next
  })
  return staffDecorationView(ctx, d)
}

/** The gate: what the permit allows today. Any staff of the community (a 保安 is a handler of 保安部); workers' phones masked. */
export const verify: Handler<typeof decorationContract.verify> = async (ctx, { code }) => {
  const id = permitIdOf(code)
  const d = id ? await ctx.store.c.decorations.get(id) : null
  if (!d || d.communityId !== ctx.user?.staff?.communityId || !d.decided || d.status === 'rejected' || d.status === 'withdrawn')
    throw new AppError('NOT_FOUND', '不是本小区有效的装修许可证')
  const [bill, rules] = await Promise.all([d.depositBillId ? ctx.store.c.bills.get(d.depositBillId) : null, rulesOf(ctx.store, d.communityId)])
  const permit = permitOf(ctx, d, bill)
  return {
    id: d._id,
    label: d.label,
    permit,
    permitText: PERMIT_LABELS[permit],
    start: d.start,
    end: d.end,
    hours: hoursText(rules),
    contractor: d.contractor,
    workers: d.workers.map((w) => ({ name: w.name, phone: maskPhone(w.phone) })),
    works: d.works,
    ...(d.decided.conditions ? { conditions: d.decided.conditions } : {}),
  }
}
