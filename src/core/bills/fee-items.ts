import type { FieldErrors } from '../shared/errors'
import type { Input } from '../shared/contract'
import type * as z from '../shared/zod'
import { billsContract, type FeeItemView } from './contracts'
import { CYCLE_LABELS, type Cycle, type FeeItemDoc, type FeeKind, type HouseType, type LateFeeRule } from './types'
import { CYCLE_MONTHS, dueDate, lateFee, propertyPrice } from './fees'
import { yuan } from '../shared/money'

type Prices = Partial<Record<HouseType, number>>
export type FeeItemInput = Input<typeof billsContract.saveFeeItem>
export type Item = z.output<typeof FeeItemView>

/**
 * The one price rule of a fee item. An item has a single price (unitPrice) — or, for 物业费
 * only, prices by house type (priceByType), and then unitPrice is the 住宅 price. The two never
 * disagree in storage: a save that sends priceByType without 住宅 gets unitPrice as the 住宅
 * price, and a save where they differ is refused rather than guessed at (it was exactly that
 * guess — a new unitPrice beside an old priceByType.residential — that made a price change do
 * nothing).
 */
export function feeItemPrices(input: {
  kind: FeeKind
  unitPrice: number
  priceByType?: Prices
}): { unitPrice: number; priceByType?: Prices } | { errors: FieldErrors } {
  const { kind, unitPrice, priceByType } = input
  if (!priceByType) return { unitPrice }
  if (kind !== 'property') return { errors: { priceByType: '只有物业费可按房屋类型定价' } }
  if (priceByType.residential !== undefined && priceByType.residential !== unitPrice) {
    return { errors: { 'priceByType.residential': '住宅单价与项目单价不一致，请刷新后重新填写' } }
  }
  return { unitPrice, priceByType: { ...priceByType, residential: unitPrice } }
}

/**
 * The rules of a save beyond its prices, for the server (the page builds inputs that keep them):
 * a one-off item is billed in its one period (onlyPeriod), monthly, and only a one-off has a
 * period; an item keeps its kind — a 停车费 does not become a 物业费, it is 停用 and a new one made.
 */
export function feeItemRuleErrors(input: Pick<FeeItemInput, 'kind' | 'cycle' | 'onlyPeriod'>, prev?: Pick<FeeItemDoc, 'kind'> | null): FieldErrors | null {
  if (prev && prev.kind !== input.kind) return { kind: '收费类型不能修改；请停用此项目，再新增一个' }
  if (input.kind === 'oneoff') {
    if (!input.onlyPeriod) return { onlyPeriod: '一次性收费请填写账期' }
    if (input.cycle !== 'monthly') return { cycle: '一次性收费只在所填账期收一次，周期请选按月' }
  } else if (input.onlyPeriod) return { onlyPeriod: '只有一次性收费有账期' }
  return null
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

/** The prices an item charges now: each house type's 物业费 price, or its one price. */
export const currentPrices = (item: Pick<Item, 'kind' | 'unitPrice' | 'priceByType'>) =>
  pricedByType(item) ? { residential: propertyPrice(item, 'residential'), commercial: propertyPrice(item, 'commercial') } : item.unitPrice

/** What the page's 停用 / 启用 sends: the item exactly as it charges now, switched off or on. */
export const toggled = (item: Item): FeeItemInput => ({ ...repriced(item, currentPrices(item)), active: !item.active })

// ——— Numbers as people type them ———

/** Basis points as a percentage without trailing zeros: 1000 → '10', 5 → '0.05', 1250 → '12.5'. */
export const percent = (bp: number) => yuan(bp).replace(/\.?0+$/, '')

// ——— Words for what a setting means ———

export const MONTH_END = 0

/** The kinds the 新增 form offers, with what each charges. */
export const KIND_CHOICES: { kind: FeeKind; label: string; hint: string }[] = [
  { kind: 'property', label: '物业费', hint: '按建筑面积 × 每平方米每月单价，住宅与商铺分别定价' },
  { kind: 'parking', label: '停车费', hint: '按车位，每个车位每月一个价' },
  { kind: 'water', label: '水费', hint: '按导入的抄表用量（吨）× 单价' },
  { kind: 'electricity', label: '电费', hint: '按导入的抄表用量（度）× 单价' },
  { kind: 'oneoff', label: '一次性', hint: '只在所填账期向每户收一次，如电梯维修分摊' },
]

/** What the price of an item is per: ¥2.50/m²·月, ¥150.00/个·月, ¥5.00/吨, ¥50.00/户. */
export const PRICE_UNIT: Record<FeeKind, string> = { property: '/m²·月', parking: '/个·月', water: '/吨', electricity: '/度', oneoff: '/户' }

/** The months (1–12) an item of this cycle bills in: quarterly 1, 4, 7, 10; yearly 1. */
export const billingMonths = (cycle: Cycle) => Array.from({ length: 12 / CYCLE_MONTHS[cycle] }, (_, i) => 1 + i * CYCLE_MONTHS[cycle])

/** What a cycle means for this kind of item, in words. */
export function cycleWords(kind: FeeKind, cycle: Cycle): string {
  const months = CYCLE_MONTHS[cycle]
  const when = months === 1 ? '每月出账' : `每年 ${billingMonths(cycle).join('、')} 月出账`
  if (kind === 'property' || kind === 'parking') return months === 1 ? `${when}，每张账单 1 个月` : `${when}，每张账单收 ${months} 个月`
  if (kind === 'water' || kind === 'electricity') return `${when}，按当期导入的抄表用量计费`
  return when
}

/** When an item's bills are due, in words: 每月月末到期, 每季首月 15 日到期, 2026-12-31 到期 (one-off). */
export function dueWords(item: Pick<Item, 'kind' | 'cycle' | 'dueDay' | 'onlyPeriod'>): string {
  if (item.kind === 'oneoff' && item.onlyPeriod) return `${dueDate(item.onlyPeriod, item.dueDay)} 到期`
  const day = item.dueDay === MONTH_END ? '月末' : ` ${item.dueDay} 日`
  if (item.cycle === 'monthly') return `每月${day}到期`
  if (item.cycle === 'quarterly') return `每季首月${day}到期`
  return `每年 1 月 ${item.dueDay === MONTH_END ? 31 : item.dueDay} 日到期`
}

/** The first period from `from` (YYYY-MM) in which an item of this cycle bills: for the due-date example. */
export function nextBillingPeriod(cycle: Cycle, from: string): string {
  const year = Number(from.slice(0, 4))
  const month = Number(from.slice(5, 7))
  const next = billingMonths(cycle).find((m) => m >= month)
  return next ? `${year}-${String(next).padStart(2, '0')}` : `${year + 1}-01`
}

/** The late fee rule in short, for the list: 逾期每天万分之5，最多 10%. */
export const lateFeeShort = (rule?: LateFeeRule) => (rule ? `逾期每天加收万分之${rule.bpPerDay}，最多 ${percent(rule.capBp)}%` : '不收滞纳金')

/**
 * The late fee rule in full, with an example worked by the same lateFee() the bills use:
 * 逾期后每天按未缴金额的万分之5（0.05%）加收滞纳金，最多加收 10%。例：¥100.00 逾期 30 天加收 ¥1.50 …
 */
export function lateFeeWords(rule?: LateFeeRule, example = 10_000): string {
  if (!rule) return '不收滞纳金（默认）：逾期的账单只收原金额。'
  const cap = Math.floor((example * rule.capBp) / 10_000)
  const capDays = rule.capBp === 0 ? 0 : Math.ceil(rule.capBp / rule.bpPerDay)
  return (
    `逾期后每天按未缴金额的万分之${rule.bpPerDay}（${percent(rule.bpPerDay)}%）加收滞纳金，最多加收未缴金额的 ${percent(rule.capBp)}%。` +
    `例：¥${yuan(example)} 的账单逾期 30 天加收 ¥${yuan(lateFee(example, 30, rule))}` +
    (capDays ? `，逾期 ${capDays} 天起按上限 ¥${yuan(cap)} 计。` : '。') +
    '只对此后出账的账单生效。'
  )
}

// ——— The audit trail ———

/** 物业费 as its two prices, others as their one: ¥2.50（商铺 ¥4.00）. */
const priceText = (f: Pick<FeeItemDoc, 'kind' | 'unitPrice' | 'priceByType'>) =>
  f.kind === 'property' && f.priceByType?.commercial !== undefined
    ? `¥${yuan(propertyPrice(f, 'residential'))}（商铺 ¥${yuan(propertyPrice(f, 'commercial'))}）`
    : `¥${yuan(f.unitPrice)}`

const dueText = (d: number) => (d === MONTH_END ? '月末' : `${d} 日`)

/**
 * The audit summary of a save: what changed, in words. A price change reads as before
 * (修改收费项目「物业费」：¥2.50（商铺 ¥4.00） → ¥2.80（商铺 ¥4.50）); switching an item off or on
 * alone reads 停用收费项目「停车费」.
 */
export function feeItemChangeSummary(prev: FeeItemDoc | null, next: FeeItemDoc): string {
  if (!prev) {
    const when = next.kind === 'oneoff' ? `一次性，账期 ${next.onlyPeriod}` : CYCLE_LABELS[next.cycle]
    return `新增收费项目「${next.name}」：${priceText(next)}，${when}，${dueText(next.dueDay)}到期，${lateFeeShort(next.lateFee)}${next.active ? '' : '（停用）'}`
  }
  const changes: string[] = []
  if (prev.name !== next.name) changes.push(`名称「${prev.name}」→「${next.name}」`)
  if (priceText(prev) !== priceText(next)) changes.push(`${priceText(prev)} → ${priceText(next)}`)
  if (prev.cycle !== next.cycle) changes.push(`周期 ${CYCLE_LABELS[prev.cycle]} → ${CYCLE_LABELS[next.cycle]}`)
  if (prev.dueDay !== next.dueDay) changes.push(`到期日 ${dueText(prev.dueDay)} → ${dueText(next.dueDay)}`)
  if ((prev.onlyPeriod ?? '') !== (next.onlyPeriod ?? '')) changes.push(`账期 ${prev.onlyPeriod ?? '无'} → ${next.onlyPeriod ?? '无'}`)
  const late = (r?: LateFeeRule) => (r ? `${r.bpPerDay}/${r.capBp}` : '')
  if (late(prev.lateFee) !== late(next.lateFee)) changes.push(`滞纳金 ${lateFeeShort(prev.lateFee)} → ${lateFeeShort(next.lateFee)}`)
  const switched = prev.active !== next.active ? (next.active ? '启用' : '停用') : ''
  if (switched && !changes.length) return `${switched}收费项目「${next.name}」`
  if (switched) changes.push(switched)
  return `修改收费项目「${next.name}」：${changes.length ? changes.join('；') : '无改动'}`
}
