import { AppError } from '../../../src/core/shared/errors'
import { findings, problems } from '../../../src/core/inspections/checklist'
import type { decorationContract } from '../../../src/core/decoration/contracts'
import {
  INSPECTION_CHECKLISTS,
  INSPECTION_LABELS,
  nextInspection,
  VIOLATION_LABELS,
  type DecorationDoc,
  type InspectionEntry,
} from '../../../src/core/decoration/types'
import { shanghaiDate, shanghaiHour } from '../../../src/core/shared/time'
import type { Handler } from '../../lib/runtime/handler'
import { auditChange } from '../../lib/runtime/audit'
import { requireOwnUploads } from '../../lib/files/uploads'
import { ownersOf, tellOwners } from '../../lib/decoration/tell'
import { permitOf, staffDecoration, staffDecorationView } from '../../lib/decoration/views'

/**
 * The inspection the work waits for, recorded on site: on its booking, or as a walk-in. Passed or
 * not, the owners are told what was found; a failed one is booked again once put right. The passed
 * 完工验收 completes the work (closed at once when there is no deposit to return).
 */
export const inspect: Handler<typeof decorationContract.inspect> = async (ctx, { id, results, note }) => {
  const first = await staffDecoration(ctx, id)
  if (first.status !== 'approved') throw new AppError('INVALID_STATE', first.status === 'stopped' ? '停工整改中，请先复工再验收' : '当前状态不能验收')
  const bill = first.depositBillId ? await ctx.store.c.bills.get(first.depositBillId) : null
  if (permitOf(ctx, first, bill) === 'unpaid') throw new AppError('INVALID_STATE', '业主尚未缴纳装修押金')
  const kind = nextInspection(first)
  if (!kind) throw new AppError('INVALID_STATE', '验收已全部完成')
  const items = INSPECTION_CHECKLISTS[kind]
  const wrong = problems(items, results)
  if (Object.keys(wrong).length) throw new AppError('INVALID_INPUT', Object.values(wrong)[0], wrong)
  await requireOwnUploads(
    ctx,
    ctx.openid,
    results.flatMap((r) => r.photos),
  )
  const found = findings(items, results)
  const passed = found.length === 0
  const owners = await ownersOf(ctx, first)

  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur || cur.status !== 'approved' || nextInspection(cur) !== kind) throw new AppError('INVALID_STATE', '验收状态已变化，请刷新')
    const result = { at: ctx.now, byOpenid: ctx.openid, byName: ctx.user?.staff?.name ?? '', passed, results, ...(note ? { note } : {}) }
    const booked = cur.inspections.findIndex((i) => i.kind === kind && !i.result)
    const entry: InspectionEntry =
      booked >= 0
        ? { ...cur.inspections[booked], result }
        : { kind, date: shanghaiDate(ctx.now), slot: shanghaiHour(ctx.now) < 12 ? 'am' : 'pm', bookedAt: ctx.now, result }
    const inspections = booked >= 0 ? cur.inspections.map((i, k) => (k === booked ? entry : i)) : [...cur.inspections, entry]
    const done = passed && kind === 'final'
    const status = done ? (cur.depositBillId && bill?.status === 'paid' ? 'completed' : 'closed') : cur.status
    const next: DecorationDoc = { ...cur, inspections, status, updatedAt: ctx.now }
    await tx.c.decorations.set(next)
    const label = INSPECTION_LABELS[kind]
    await auditChange(tx, ctx, cur.communityId, {
      kind: 'decoration',
      summary: `${cur.label} ${label}${passed ? '合格' : `不合格（${found.length} 项）`}`,
      before: { status: cur.status },
      after: { status, kind, passed, findings: found.map((f) => f.item.label) },
    })
    await tellOwners(
      tx,
      ctx,
      owners,
      next,
      `${label}${passed ? '合格' : '未通过'}：${cur.label}`,
      passed
        ? done
          ? status === 'completed'
            ? '完工验收合格，物业将为您办理装修押金退还。'
            : '完工验收合格，装修手续已办结。'
          : `${label}合格，可以继续施工。`
        : `需整改：${found.map((f) => `${f.item.label}（${f.result.note ?? ''}）`).join('；')}。整改后请重新预约${label}。${note ? `验收意见：${note}` : ''}`,
    )
    return next
  })
  return staffDecorationView(ctx, d)
}

/** A violation seen on site, with its photo; the owners are told, and the work may be stopped until 复工. Once per form. */
export const violation: Handler<typeof decorationContract.violation> = async (ctx, { id, requestId, kind, note, photos, stop }) => {
  const first = await staffDecoration(ctx, id)
  if (first.violations.some((v) => v.id === requestId)) return staffDecorationView(ctx, first)
  if (first.status !== 'approved' && first.status !== 'stopped') throw new AppError('INVALID_STATE', '只有施工中的装修可以登记违规')
  await requireOwnUploads(ctx, ctx.openid, photos)
  const owners = await ownersOf(ctx, first)
  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur) throw new AppError('NOT_FOUND', '装修申请不存在')
    if (cur.violations.some((v) => v.id === requestId)) return cur
    if (cur.status !== 'approved' && cur.status !== 'stopped') throw new AppError('INVALID_STATE', '只有施工中的装修可以登记违规')
    const stops = stop && cur.status === 'approved'
    const next: DecorationDoc = {
      ...cur,
      status: stops ? 'stopped' : cur.status,
      violations: [...cur.violations, { id: requestId, kind, note, photos, at: ctx.now, byName: ctx.user?.staff?.name ?? '', stop }],
      updatedAt: ctx.now,
    }
    await tx.c.decorations.set(next)
    const what = VIOLATION_LABELS[kind]
    await auditChange(tx, ctx, cur.communityId, {
      kind: 'decoration',
      summary: `${cur.label} 装修违规：${what}${stops ? '，责令停工' : ''}`,
      before: { status: cur.status },
      after: { status: next.status, kind, note, stop },
    })
    await tellOwners(
      tx,
      ctx,
      owners,
      next,
      `${stops ? '装修停工通知' : '装修违规提醒'}：${cur.label}`,
      `${what}：${note}。${stops ? '请立即停止施工，整改完成后联系物业复查复工。' : '请督促施工方立即整改。'}`,
    )
    return next
  })
  return staffDecorationView(ctx, d)
}

export const resume: Handler<typeof decorationContract.resume> = async (ctx, { id, note }) => {
  const first = await staffDecoration(ctx, id)
  const owners = await ownersOf(ctx, first)
  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur || cur.status !== 'stopped') throw new AppError('INVALID_STATE', '这项装修没有停工')
    const next: DecorationDoc = { ...cur, status: 'approved', updatedAt: ctx.now }
    await tx.c.decorations.set(next)
    await auditChange(tx, ctx, cur.communityId, {
      kind: 'decoration',
      summary: `${cur.label} 整改完成，准予复工：${note}`,
      before: { status: cur.status },
      after: { status: next.status, note },
    })
    await tellOwners(tx, ctx, owners, next, `准予复工：${cur.label}`, `整改已复查：${note}。请在规定时间内施工。`)
    return next
  })
  return staffDecorationView(ctx, d)
}
