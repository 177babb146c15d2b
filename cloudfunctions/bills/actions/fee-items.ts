import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { FeeItemDoc } from '../../../src/core/bills/types'
import { AppError } from '../../../src/core/shared/errors'
import { feeItemChangeSummary, feeItemPrices, feeItemRuleErrors } from '../../../src/core/bills/fee-items'
import { newId } from '../../lib/runtime/ids'
import { feeItemView } from '../../lib/bills/views'
import { auditChange } from '../../lib/runtime/audit'

export const feeItems: Handler<typeof billsContract.feeItems> = async (ctx) => {
  const rows = await ctx.store.c.feeItems.find({ where: { communityId: ctx.user!.staff!.communityId }, orderBy: [['createdAt', 'asc']], limit: 100 })
  return rows.map(feeItemView)
}

/**
 * A change (price, cycle, due day, late fee rule, 停用/启用) applies from the next bill run; bills
 * already issued keep their amount, due date and rule. unitPrice and priceByType are stored
 * consistent (unitPrice is the 住宅 price), see feeItemPrices; a one-off item has its period and
 * an item keeps its kind, see feeItemRuleErrors.
 */
export const saveFeeItem: Handler<typeof billsContract.saveFeeItem> = async (ctx, input) => {
  const communityId = ctx.user!.staff!.communityId
  const { id, ...fields } = input
  const invalid = (errors: Record<string, string>) => new AppError('INVALID_INPUT', Object.values(errors)[0], errors)
  const rules = feeItemRuleErrors(fields)
  if (rules) throw invalid(rules)
  const prices = feeItemPrices(fields)
  if ('errors' in prices) throw invalid(prices.errors)
  // The item and its audit record together: a price that changed without a trace cannot exist.
  const doc = await ctx.store.transaction(async (tx) => {
    const items = tx.c.feeItems
    const prev = id ? await items.get(id) : null
    if (id && (!prev || prev.communityId !== communityId)) throw new AppError('NOT_FOUND', '收费项目不存在')
    const kindChange = feeItemRuleErrors(fields, prev)
    if (kindChange) throw invalid(kindChange)
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
    await auditChange(tx, ctx, communityId, {
      kind: 'feeItem',
      summary: feeItemChangeSummary(prev, next),
      before: prev ? { ...prev, createdAt: undefined, updatedAt: undefined } : null,
      after: { ...next, createdAt: undefined, updatedAt: undefined },
    })
    return next
  })
  return feeItemView(doc)
}
