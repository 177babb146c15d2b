import type { FieldErrors } from '../../core/shared/errors'
import { issuesToFields } from '../../core/shared/errors'
import { parseHundredths, parseYuan, yuan } from '../../core/shared/money'
import { billsContract } from '../../core/bills/contracts'
import { PERIOD_RE } from '../../core/bills/fees'
import { currentPrices, MONTH_END, percent, type FeeItemInput, type Item } from '../../core/bills/fee-items'
import { FEE_KIND_LABELS, type Cycle, type FeeKind, type LateFeeRule } from '../../core/bills/types'

/** The form as typed: numbers stay strings until saved, so nothing is rounded behind a person's back. */
export interface FeeItemDraft {
  id?: string
  kind: FeeKind
  name: string
  /** 元: the one price, or the 住宅 price of 物业费. */
  price: string
  /** 元: the 商铺 price of 物业费. */
  commercial: string
  cycle: Cycle
  /** '0' = month end, '1'–'28' a day of the period's first month. */
  dueDay: string
  /** YYYY-MM: a one-off item's period. */
  onlyPeriod: string
  lateFeeOn: boolean
  /** 万分之几 per day overdue. */
  bpPerDay: string
  /** At most this % of the amount. */
  capPct: string
  active: boolean
}

const defaultName = (kind: FeeKind) => (kind === 'oneoff' ? '' : FEE_KIND_LABELS[kind])

/** A new item of this kind: monthly, due at month end, no late fee, active. */
export const newDraft = (kind: FeeKind = 'property'): FeeItemDraft => ({
  kind,
  name: defaultName(kind),
  price: '',
  commercial: '',
  cycle: 'monthly',
  dueDay: String(MONTH_END),
  onlyPeriod: '',
  lateFeeOn: false,
  bpPerDay: '',
  capPct: '',
  active: true,
})

/** Another kind for a new item; a name that was only the old kind's default follows the kind. */
export const withKind = (d: FeeItemDraft, kind: FeeKind): FeeItemDraft => ({
  ...d,
  kind,
  name: !d.name.trim() || d.name === defaultName(d.kind) ? defaultName(kind) : d.name,
  cycle: kind === 'oneoff' ? 'monthly' : d.cycle,
})

/** An existing item in the form, prices as it charges them now. */
export function draftOf(item: Item): FeeItemDraft {
  const prices = currentPrices(item)
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    price: yuan(typeof prices === 'number' ? prices : prices.residential),
    commercial: typeof prices === 'number' ? '' : yuan(prices.commercial),
    cycle: item.cycle,
    dueDay: String(item.dueDay),
    onlyPeriod: item.onlyPeriod ?? '',
    lateFeeOn: !!item.lateFee,
    bpPerDay: item.lateFee ? String(item.lateFee.bpPerDay) : '',
    capPct: item.lateFee ? percent(item.lateFee.capBp) : '',
    active: item.active,
  }
}

const MAX_FEN = 100_000_000

function fenOf(s: string, errors: FieldErrors, key: string, what: string): number {
  const fen = parseYuan(s)
  if (fen === null) errors[key] = `请填写${what}（元），最多两位小数，如 2.50`
  else if (fen === 0) errors[key] = `${what}须大于 0；不再收取的项目请停用`
  else if (fen > MAX_FEN) errors[key] = `${what}过大，请检查`
  return fen ?? 0
}

/** The late fee rule as typed, or null when it is not one (errors say why, under lateFee.*). */
export function lateFeeOf(d: Pick<FeeItemDraft, 'bpPerDay' | 'capPct'>, errors: FieldErrors = {}): LateFeeRule | null {
  const bp = /^\d{1,2}$/.test(d.bpPerDay.trim()) ? Number(d.bpPerDay.trim()) : Number.NaN
  if (!(bp >= 1 && bp <= 50)) errors['lateFee.bpPerDay'] = '每天加收请填 1–50 的整数（万分之几）'
  const cap = parseHundredths(d.capPct.replace(/%$/, ''))
  if (cap === null || cap < 1 || cap > 3000) errors['lateFee.capBp'] = '最多加收请填 0.01–30（%）'
  return errors['lateFee.bpPerDay'] || errors['lateFee.capBp'] ? null : { bpPerDay: bp, capBp: cap! }
}

/**
 * What the 收费项目 page sends for the form: yuan → fen by string arithmetic, the kind's own
 * fields only (a period for one-offs, 商铺 for 物业费, a late fee rule when it is on), then the
 * contract the server parses with. Errors are keyed as the server keys them (unitPrice,
 * priceByType.commercial, dueDay, onlyPeriod, lateFee.bpPerDay …), so one map shows both.
 */
export function feeItemInput(d: FeeItemDraft): { input: FeeItemInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const property = d.kind === 'property'
  const oneoff = d.kind === 'oneoff'
  const unitPrice = fenOf(d.price, errors, 'unitPrice', property ? '住宅单价' : oneoff ? '每户金额' : '单价')
  const commercial = property ? fenOf(d.commercial, errors, 'priceByType.commercial', '商铺单价') : 0
  const dueDay = /^\d{1,2}$/.test(d.dueDay.trim()) ? Number(d.dueDay.trim()) : Number.NaN
  if (!(dueDay >= 0 && dueDay <= 28)) errors.dueDay = '到期日请填 1–28，或 0 表示月末'
  const onlyPeriod = d.onlyPeriod.trim()
  if (oneoff && !PERIOD_RE.test(onlyPeriod)) errors.onlyPeriod = '请填写账期，格式 YYYY-MM，如 2026-12'
  const rule = d.lateFeeOn ? lateFeeOf(d, errors) : null

  const input: FeeItemInput = {
    ...(d.id ? { id: d.id } : {}),
    kind: d.kind,
    name: d.name.trim(),
    unitPrice,
    ...(property ? { priceByType: { residential: unitPrice, commercial } } : {}),
    cycle: oneoff ? 'monthly' : d.cycle,
    dueDay: Number.isNaN(dueDay) ? 0 : dueDay,
    ...(oneoff && onlyPeriod ? { onlyPeriod } : {}),
    ...(rule ? { lateFee: rule } : {}),
    active: d.active,
  }
  const parsed = billsContract.saveFeeItem.input.safeParse(input)
  if (!parsed.success) for (const [k, m] of Object.entries(issuesToFields(parsed.error.issues))) errors[k] ??= m
  return Object.keys(errors).length ? { errors } : { input }
}
