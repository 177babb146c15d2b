import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { MeterReadingDoc } from '../../../src/core/bills/types'
import { parseReadings, type CsvError } from '../../../src/core/bills/csv'
import { houseId } from '../../../src/core/community/types'
import { AppError } from '../../../src/core/shared/errors'
import { newId } from '../../lib/runtime/ids'
import { periodInWindow, PERIOD_WINDOW_MESSAGE } from '../../../src/core/bills/fees'

const reject = (errors: CsvError[]) => {
  errors.sort((a, b) => a.row - b.row)
  const fields = Object.fromEntries(errors.slice(0, 20).map((e) => [`第${e.row}行`, e.message]))
  const first = errors[0]
  const more = errors.length > 1 ? `等 ${errors.length} 处错误` : ''
  return new AppError('INVALID_INPUT', `第 ${first.row} 行：${first.message}${more}。未导入任何数据，请改正后重新导入`, fields)
}

/**
 * All or nothing: every row is checked (format, numbers, house exists, no duplicates) before
 * anything is written. Reading ids are <community>_<period>_<kind>_<house>, so importing the
 * same file again replaces rather than adds, and a write interrupted half-way is finished by
 * simply importing again.
 */
export const importReadings: Handler<typeof billsContract.importReadings> = async (ctx, { period, kind, csv }) => {
  if (!periodInWindow(period, ctx.now)) throw new AppError('INVALID_INPUT', PERIOD_WINDOW_MESSAGE, { period: PERIOD_WINDOW_MESSAGE })
  const communityId = ctx.user!.staff!.communityId
  const { rows, errors } = parseReadings(csv)
  if (errors.length) throw reject(errors)

  const ids = rows.map((r) => houseId(communityId, r.building, r.unit, r.room))
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 100) {
    const slice = ids.slice(i, i + 100)
    for (const h of await ctx.store.c.houses.find({ where: { _id: { $in: slice } }, limit: slice.length })) found.add(h._id)
  }
  const missing = rows.filter((_, i) => !found.has(ids[i])).map((r) => ({ row: r.row, message: `本小区没有房屋 ${r.building}-${r.unit}-${r.room}` }))
  if (missing.length) throw reject(missing)

  const importId = newId(ctx.now)
  const docs: MeterReadingDoc[] = rows.map((r, i) => ({
    _id: `${communityId}_${period}_${kind}_${ids[i]}`,
    communityId,
    period,
    kind,
    houseId: ids[i],
    previous: r.previous,
    current: r.current,
    importId,
    createdAt: ctx.now,
  }))
  for (let i = 0; i < docs.length; i += 100) {
    await ctx.store.transaction(async (tx) => {
      for (const d of docs.slice(i, i + 100)) await tx.c.meterReadings.set(d)
    })
  }
  return { imported: docs.length, importId }
}
