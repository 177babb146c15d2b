import { calendarDay } from '../shared/calendar-day'
import { addMonths, shanghaiDate, shanghaiMonth } from '../shared/time'
import { yuan } from '../shared/money'
import { HOUSE_TYPE_LABELS, type Cycle, type FeeItemDoc, type HouseType, type LateFeeRule } from './types'

/**
 * Fee arithmetic, in integers only. Areas arrive as m² with two decimals and meter readings as
 * units with two decimals; both are turned into hundredths first, so no float multiplies money.
 */

/** 118.3 → 11830. Inputs have at most two decimals; rounding only absorbs binary noise (118.3 * 100 = 11829.999…). */
export const toHundredths = (x: number) => Math.round(x * 100)

/**
 * round(hundredths × fen / 100), half up: the rule for every fee that multiplies a measured
 * quantity by a unit price. E.g. 118.30 m² × 250 fen = 11830 × 250 / 100 = 29575 fen.
 * A remainder of 50 or more (half a fen or more) rounds up, anything less rounds down.
 */
export const mulHundredths = (hundredths: number, fen: number) => Math.floor((hundredths * fen + 50) / 100)

export const CYCLE_MONTHS: Record<Cycle, number> = { monthly: 1, quarterly: 3, yearly: 12 }

export const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

/** Does this item bill in this month? Quarterly items bill in Jan/Apr/Jul/Oct, yearly in January. */
export function billsInPeriod(item: Pick<FeeItemDoc, 'cycle' | 'onlyPeriod' | 'kind'>, period: string): boolean {
  if (item.kind === 'oneoff') return item.onlyPeriod === period
  const month = Number(period.slice(5, 7))
  return (month - 1) % CYCLE_MONTHS[item.cycle] === 0
}

/** 2026-11, or 2026-10 至 2026-12 for a quarter. */
export function periodLabel(period: string, cycle: Cycle): string {
  const months = CYCLE_MONTHS[cycle]
  if (months === 1) return period
  const end = calendarDay(`${period}-01`)
    .add(months - 1, 'month')
    .format('YYYY-MM')
  return `${period} 至 ${end}`
}

/** YYYY-MM-DD the bill is due: the given day of the period's first month, or its last day for 0. */
export function dueDate(period: string, dueDay: number): string {
  const first = calendarDay(`${period}-01`)
  const day = dueDay <= 0 ? first.daysInMonth() : Math.min(dueDay, first.daysInMonth())
  return first.date(day).format('YYYY-MM-DD')
}

/** Fen per m² per month a house of this type pays for this 物业费 item. */
export const propertyPrice = (item: Pick<FeeItemDoc, 'unitPrice' | 'priceByType'>, type: HouseType = 'residential') =>
  item.priceByType?.[type] ?? item.unitPrice

/**
 * 物业费 for one house and one bill: area × the price for its type per m² per month × months of
 * the cycle. The basis names the rate charged, and the type when it is not the usual 住宅:
 * `91.65 m² × ¥2.50/m²·月`, `商铺 89.50 m² × ¥4.00/m²·月`.
 */
export function propertyFee(area: number, item: Pick<FeeItemDoc, 'unitPrice' | 'priceByType' | 'cycle'>, type: HouseType = 'residential') {
  const price = propertyPrice(item, type)
  const months = CYCLE_MONTHS[item.cycle]
  const amount = mulHundredths(toHundredths(area), price) * months
  const per = months > 1 ? ` × ${months} 个月` : ''
  const kind = type === 'residential' ? '' : `${HOUSE_TYPE_LABELS[type]} `
  return { amount, basis: `${kind}${area.toFixed(2)} m² × ¥${yuan(price)}/m²·月${per}` }
}

export function parkingFee(space: string, item: Pick<FeeItemDoc, 'unitPrice' | 'cycle'>) {
  const months = CYCLE_MONTHS[item.cycle]
  return { amount: item.unitPrice * months, basis: `车位 ${space} × ¥${yuan(item.unitPrice)}/月${months > 1 ? ` × ${months} 个月` : ''}` }
}

/** Readings are in hundredths of a unit (吨/度). */
export function meterFee(previous: number, current: number, item: Pick<FeeItemDoc, 'unitPrice' | 'kind'>) {
  const used = current - previous
  const unit = item.kind === 'water' ? '吨' : '度'
  return { amount: mulHundredths(used, item.unitPrice), basis: `${yuan(used)} ${unit} × ¥${yuan(item.unitPrice)}/${unit}` }
}

/** Whole days from a due date to today (Shanghai calendar days); negative before it is due. */
export function daysOverdue(due: string, now: number): number {
  return calendarDay(shanghaiDate(now)).diff(calendarDay(due), 'day')
}

/** Late fee in fen: basis points per day overdue, capped; zero when the community has no rule. */
export function lateFee(amount: number, days: number, rule?: LateFeeRule): number {
  if (!rule || days <= 0 || amount <= 0) return 0
  const raw = Math.floor((amount * rule.bpPerDay * days) / 10_000)
  return Math.min(raw, Math.floor((amount * rule.capBp) / 10_000))
}

/** What the resident pays for a bill now: its amount plus any late fee. */
export const payable = (b: { amount: number; dueDate: string; lateFee?: LateFeeRule }, now: number) =>
  b.amount + lateFee(b.amount, daysOverdue(b.dueDate, now), b.lateFee)

/** How far back a bill run or a meter import may reach, and how far ahead (a quarter billed in advance): a typo (2062-11) is refused. */
export const PERIOD_BACK = 12
export const PERIOD_AHEAD = 3

/** Is this billing period inside the sane window around today's Shanghai month? */
export const periodInWindow = (period: string, now: number) => {
  const month = shanghaiMonth(now)
  return period >= addMonths(month, -PERIOD_BACK) && period <= addMonths(month, PERIOD_AHEAD)
}
export const PERIOD_WINDOW_MESSAGE = `账期只能是本月前 ${PERIOD_BACK} 个月到后 ${PERIOD_AHEAD} 个月之间`
