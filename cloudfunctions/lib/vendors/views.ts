import type * as z from '../../../src/core/shared/zod'
import { AppError } from '../../../src/core/shared/errors'
import { itemView } from '../../../src/core/inspections/contracts'
import { scopeCells, totalOf } from '../../../src/core/supervisor/monthly-report'
import { monthsUpTo } from '../../../src/core/supervisor/monthly'
import { scopeOf } from '../../../src/core/access/scope'
import { addMonths, monthStart, shanghaiDate, shanghaiMonth } from '../../../src/core/shared/time'
import type { VendorView } from '../../../src/core/vendors/contracts'
import { contractDaysLeft, fixState, monthScore, type MonthScore } from '../../../src/core/vendors/score'
import { SERVICE_DEPARTMENT, type FixDoc, type VendorCheckDoc, type VendorDoc } from '../../../src/core/vendors/types'
import type { Ctx } from '../runtime/context'
import { monthRollup, type RollupDoc } from '../supervisor/rollups'

export async function loadVendor(ctx: Ctx, vendorId: string) {
  const v = await ctx.store.c.vendors.get(vendorId)
  if (!v || v.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '外包单位不存在')
  return v
}

/** A firm's checks since a month began, newest first. */
export const checksSince = (ctx: Pick<Ctx, 'store'>, vendorId: string, month: string) =>
  ctx.store.c.vendorChecks.find({ where: { vendorId, at: { $gte: monthStart(month) } }, orderBy: [['at', 'desc']], limit: 200 })

export const rollupsOf = async (ctx: Ctx, communityId: string, months: string[]) =>
  new Map(await Promise.all(months.map(async (m) => [m, await monthRollup(ctx.store, communityId, m, ctx.now)] as const)))

/**
 * A firm's score for the month of a rollup: its checks, and its department's tickets in a zone
 * (null: the community) from the rollup — the same counters as the dashboard and 月报.
 */
export function scoreIn(v: VendorDoc, r: RollupDoc, checks: VendorCheckDoc[], zone: string[] | null): MonthScore {
  const cells = scopeCells(r.cells, zone).filter((c) => c.department === SERVICE_DEPARTMENT[v.service])
  return monthScore(
    checks.filter((c) => c.month === r.month).map((c) => c.score),
    cells.length ? totalOf(cells) : null,
  )
}

/** Month scores in the caller's scope, one per month. */
async function scores(ctx: Ctx, v: VendorDoc, months: string[], checks: VendorCheckDoc[], rollups?: Map<string, RollupDoc>): Promise<MonthScore[]> {
  const zone = scopeOf(ctx.user?.staff)?.buildings ?? null
  const folded = rollups ?? (await rollupsOf(ctx, v.communityId, months))
  return months.map((m) => scoreIn(v, folded.get(m)!, checks, zone))
}

export async function vendorRow(ctx: Ctx, v: VendorDoc, openFixes: FixDoc[], rollups?: Map<string, RollupDoc>) {
  const month = shanghaiMonth(ctx.now)
  const last = addMonths(month, -1)
  const checks = await checksSince(ctx, v._id, last)
  const [now, before] = await scores(ctx, v, [month, last], checks, rollups)
  return {
    id: v._id,
    name: v.name,
    service: v.service,
    contact: v.contact,
    contractEnd: v.contractEnd,
    contractDaysLeft: contractDaysLeft(v.contractEnd, shanghaiDate(ctx.now)),
    month: now,
    lastMonth: before,
    openFixes: openFixes.length,
    overdueFixes: openFixes.filter((f) => fixState(f, ctx.now) === 'overdue').length,
  }
}

const fixView = (f: FixDoc, now: number) => ({
  id: f._id,
  vendorName: f.vendorName,
  label: f.label,
  place: f.place,
  note: f.note,
  photos: f.photos,
  dueAt: f.dueAt,
  state: fixState(f, now),
  rechecks: f.rechecks,
  createdAt: f.createdAt,
})

export async function vendorView(ctx: Ctx, v: VendorDoc): Promise<z.output<typeof VendorView>> {
  const months = monthsUpTo(shanghaiMonth(ctx.now), 6)
  const [checks, fixes] = await Promise.all([
    checksSince(ctx, v._id, months[0]),
    ctx.store.c.fixes.find({ where: { vendorId: v._id }, orderBy: [['createdAt', 'desc']], limit: 50 }),
  ])
  const open = fixes.filter((f) => f.state === 'open')
  const rollups = await rollupsOf(ctx, v.communityId, months)
  const [row, trend] = await Promise.all([vendorRow(ctx, v, open, rollups), scores(ctx, v, months, checks, rollups)])
  const photos = [
    ...new Set([...checks.flatMap((c) => c.results.flatMap((r) => r.photos)), ...fixes.flatMap((f) => [...f.photos, ...f.rechecks.flatMap((r) => r.photos)])]),
  ]
  return {
    ...row,
    phone: v.phone,
    contractStart: v.contractStart,
    items: v.items.map(itemView),
    trend: months.map((month, i) => ({ month, ...trend[i] })),
    checks: checks.slice(0, 10).map((c) => ({ id: c._id, at: c.at, byName: c.byName, place: c.place, score: c.score, results: c.results, fixIds: c.fixIds })),
    // Open ones first (most pressing deadline first), then the latest closed.
    fixes: [...open.sort((a, b) => a.dueAt - b.dueAt), ...fixes.filter((f) => f.state !== 'open').slice(0, 10)].map((f) => fixView(f, ctx.now)),
    photoUrls: photos.length ? await ctx.files.urls(photos) : {},
  }
}
