import { AppError } from '../../../src/core/shared/errors'
import { findings, problems, scoreOf } from '../../../src/core/inspections/checklist'
import { addMonths, shanghaiMonth } from '../../../src/core/shared/time'
import type { vendorsContract } from '../../../src/core/vendors/contracts'
import type { FixDoc, VendorCheckDoc } from '../../../src/core/vendors/types'
import type { Handler } from '../../lib/runtime/handler'
import { auditChange } from '../../lib/runtime/audit'
import { requireOwnUploads } from '../../lib/files/uploads'
import { loadVendor, rollupsOf, vendorRow, vendorView } from '../../lib/vendors/views'

const DAY = 86400_000

/** The community's firms; the month rollups are read once for all of them. */
export const list: Handler<typeof vendorsContract.list> = async (ctx) => {
  const communityId = ctx.user?.staff?.communityId
  if (!communityId) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
  const month = shanghaiMonth(ctx.now)
  const [vendors, open, rollups] = await Promise.all([
    ctx.store.c.vendors.find({ where: { communityId }, orderBy: [['name', 'asc']], limit: 100 }),
    ctx.store.c.fixes.find({ where: { communityId, state: 'open' }, orderBy: [['dueAt', 'asc']], limit: 500 }),
    rollupsOf(ctx, communityId, [month, addMonths(month, -1)]),
  ])
  const items = await Promise.all(
    vendors.map((v) =>
      vendorRow(
        ctx,
        v,
        open.filter((f) => f.vendorId === v._id),
        rollups,
      ),
    ),
  )
  return { month, items }
}

export const vendor: Handler<typeof vendorsContract.vendor> = async (ctx, { vendorId }) => vendorView(ctx, await loadVendor(ctx, vendorId))

/**
 * 品质检查: every standard scored; each one below its pass mark is a 整改单 with a deadline. The
 * check and its fixes are written in one transaction under an id fixed by the form's request, so
 * a retried 提交 records it once.
 */
export const check: Handler<typeof vendorsContract.check> = async (ctx, { vendorId, requestId, place, days, results }) => {
  const v = await loadVendor(ctx, vendorId)
  const wrong = problems(v.items, results)
  if (Object.keys(wrong).length) throw new AppError('INVALID_INPUT', Object.values(wrong)[0], wrong)
  await requireOwnUploads(
    ctx,
    ctx.openid,
    results.flatMap((r) => r.photos),
  )
  const id = `${vendorId}_${requestId}`
  const found = findings(v.items, results)
  const fixes: FixDoc[] = found.map((f) => ({
    _id: `${id}_${f.item.id}`,
    communityId: v.communityId,
    vendorId,
    vendorName: v.name,
    checkId: id,
    itemId: f.item.id,
    label: f.item.label,
    place,
    note: f.result.note ?? '',
    photos: f.result.photos,
    dueAt: ctx.now + days * DAY,
    state: 'open',
    rechecks: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }))
  const doc: VendorCheckDoc = {
    _id: id,
    communityId: v.communityId,
    vendorId,
    month: shanghaiMonth(ctx.now),
    at: ctx.now,
    byOpenid: ctx.openid,
    byName: ctx.user?.staff?.name ?? '',
    place,
    results,
    score: scoreOf(v.items, results) ?? 100,
    fixIds: fixes.map((f) => f._id),
  }
  await ctx.store.transaction(async (tx) => {
    if (await tx.c.vendorChecks.get(id)) return
    await tx.c.vendorChecks.set(doc)
    for (const f of fixes) await tx.c.fixes.set(f)
  })
  return vendorView(ctx, v)
}

/** 复查: passed closes the fix; not yet is recorded and the firm gets more days. Both are staff decisions, audited. */
export const recheck: Handler<typeof vendorsContract.recheck> = async (ctx, { fixId, ok, note, photos, days }) => {
  const fix = await ctx.store.c.fixes.get(fixId)
  if (!fix || fix.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '整改单不存在')
  if (!ok && !note) throw new AppError('INVALID_INPUT', '请写明还有什么没改好', { note: '请写明还有什么没改好' })
  await requireOwnUploads(ctx, ctx.openid, photos)
  await ctx.store.transaction(async (tx) => {
    const cur = (await tx.c.fixes.get(fixId))!
    if (cur.state !== 'open') throw new AppError('INVALID_STATE', '这张整改单已复查通过')
    const recheck = { at: ctx.now, byName: ctx.user?.staff?.name ?? '', ok, ...(note ? { note } : {}), photos }
    const next: FixDoc = {
      ...cur,
      state: ok ? 'passed' : 'open',
      ...(ok ? {} : { dueAt: ctx.now + days * DAY }),
      rechecks: [...cur.rechecks, recheck],
      updatedAt: ctx.now,
    }
    await tx.c.fixes.set(next)
    await auditChange(tx, ctx, cur.communityId, {
      kind: 'vendorFix',
      summary: `${cur.vendorName}「${cur.label}」${ok ? '复查通过' : `复查未通过，限 ${days} 天内整改`}`,
      before: cur,
      after: next,
    })
  })
  return vendorView(ctx, await loadVendor(ctx, fix.vendorId))
}
