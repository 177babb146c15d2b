import type { FieldErrors } from '../shared/errors'
import type { Input } from '../shared/contract'
import type * as z from '../shared/zod'
import type { billsContract, FeeItemView } from './contracts'
import type { FeeKind, HouseType } from './types'

type Prices = Partial<Record<HouseType, number>>
export type FeeItemInput = Input<typeof billsContract.saveFeeItem>
type Item = z.output<typeof FeeItemView>

/**
 * The one price rule of a fee item. An item has a single price (unitPrice) — or, for 物业费
 * only, prices by house type (priceByType), and then unitPrice is the 住宅 price. The two never
 * disagree in storage: a save that sends priceByType without 住宅 gets unitPrice as the 住宅
 * price, and a save where they differ is refused rather than guessed at (it was exactly that
 * guess — a new unitPrice beside an old priceByType.residential — that made a price change do
 * nothing).
 */
export function feeItemPrices(input: { kind: FeeKind; unitPrice: number; priceByType?: Prices }): { unitPrice: number; priceByType?: Prices } | { errors: FieldErrors } {
  const { kind, unitPrice, priceByType } = input
  if (!priceByType) return { unitPrice }
  if (kind !== 'property') return { errors: { priceByType: '只有物业费可按房屋类型定价' } }
  if (priceByType.residential !== undefined && priceByType.residential !== unitPrice) {
    return { errors: { 'priceByType.residential': '住宅单价与项目单价不一致，请刷新后重新填写' } }
  }
  return { unitPrice, priceByType: { ...priceByType, residential: unitPrice } }
}

/** Does the 收费项目 page edit this item's price per house type (住宅 and 商铺 separately)? */
export const pricedByType = (item: Pick<Item, 'kind'>) => item.kind === 'property'

/**
 * What the 收费项目 page sends to change an item's price: the item as it is, with the new
 * price(s). For an item priced by type, `prices` holds each type's price and unitPrice follows
 * the 住宅 price; otherwise `prices` is the one price.
 */
export function repriced(item: Item, prices: number | Record<HouseType, number>): FeeItemInput {
  const { id, kind, name, cycle, dueDay, onlyPeriod, lateFee, active } = item
  const base = { id, kind, name, cycle, dueDay, active, ...(onlyPeriod ? { onlyPeriod } : {}), ...(lateFee ? { lateFee } : {}) }
  if (typeof prices === 'number') return { ...base, unitPrice: prices }
  return { ...base, unitPrice: prices.residential, priceByType: { residential: prices.residential, commercial: prices.commercial } }
}
