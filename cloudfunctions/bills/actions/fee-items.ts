import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { FeeItemDoc } from '../../../src/core/bills/types'
import { AppError } from '../../../src/core/shared/errors'
import { feeItemPrices } from '../../../src/core/bills/fee-items'
import { newId } from '../../lib/runtime/ids'
import { feeItemView } from '../views'

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
  const items = ctx.store.collection<FeeItemDoc>('feeItems')
  const prev = id ? await items.get(id) : null
  if (id && (!prev || prev.communityId !== communityId)) throw new AppError('NOT_FOUND', '收费项目不存在')
  const doc: FeeItemDoc = {
    _id: prev?._id ?? newId(ctx.now),
    communityId,
    ...fields,
    unitPrice: prices.unitPrice,
    priceByType: prices.priceByType,
    createdAt: prev?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  }
  await items.set(JSON.parse(JSON.stringify(doc)))
  return feeItemView(doc)
}
