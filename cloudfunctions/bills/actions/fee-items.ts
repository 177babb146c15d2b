import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { FeeItemDoc } from '../../../src/core/bills/types'
import { AppError } from '../../../src/core/shared/errors'
import { feeItemPrices } from '../../../src/core/bills/fee-items'
import { newId } from '../../lib/runtime/ids'
import { feeItemView } from '../views'
import { recordChange } from '../../supervisor/record'
import { yuan } from '../../../src/core/bills/fees'

export const feeItems: Handler<typeof billsContract.feeItems> = async (ctx) => {
  const rows = await ctx.store
    .collection<FeeItemDoc>('feeItems')
    .find({ where: { communityId: ctx.user!.staff!.communityId }, orderBy: [['createdAt', 'asc']], limit: 100 })
  return rows.map(feeItemView)
}

/**
 * A price change applies from the next bill run; bills already issued keep their amount.
 * unitPrice and priceByType are stored consistent (unitPrice is the 住宅 price), see feeItemPrices.
 */
export const saveFeeItem: Handler<typeof billsContract.saveFeeItem> = async (ctx, input) => {
  const communityId = ctx.user!.staff!.communityId
  const { id, ...fields } = input
  if (fields.kind === 'oneoff' && !fields.onlyPeriod) throw new AppError('INVALID_INPUT', '一次性收费请填写账期', { onlyPeriod: '请填写账期' })
  const prices = feeItemPrices(fields)
  if ('errors' in prices) throw new AppError('INVALID_INPUT', Object.values(prices.errors)[0], prices.errors)
  // The item and its audit record together: a price that changed without a trace cannot exist.
  const doc = await ctx.store.transaction(async (tx) => {
    const items = tx.collection<FeeItemDoc>('feeItems')
    const prev = id ? await items.get(id) : null
    if (id && (!prev || prev.communityId !== communityId)) throw new AppError('NOT_FOUND', '收费项目不存在')
    const next: FeeItemDoc = JSON.parse(
      JSON.stringify({
        _id: prev?._id ?? newId(ctx.now),
        communityId,
        ...fields,
        unitPrice: prices.unitPrice,
        priceByType: prices.priceByType,
        createdAt: prev?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      }),
    )
    await items.set(next)
    const price = (f: FeeItemDoc) => `¥${yuan(f.unitPrice)}${f.priceByType?.commercial !== undefined ? `（商铺 ¥${yuan(f.priceByType.commercial)}）` : ''}`
    await recordChange(tx, ctx, communityId, {
      kind: 'feeItem',
      summary: prev ? `修改收费项目「${next.name}」：${price(prev)} → ${price(next)}` : `新增收费项目「${next.name}」：${price(next)}`,
      before: prev ? { ...prev, createdAt: undefined, updatedAt: undefined } : null,
      after: { ...next, createdAt: undefined, updatedAt: undefined },
    })
    return next
  })
  return feeItemView(doc)
}
