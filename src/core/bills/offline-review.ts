import { yuan } from '../shared/money'
import type { PayMethod } from './types'

/**
 * Money taken by hand at the front desk is only as good as the word of whoever took it. Above a
 * threshold the 客服主任 sets in 设置, a second staff member must confirm it before the bills are
 * credited and a receipt is issued. It applies to bank transfers as well as cash: in this app a
 * "transfer arrived" is the same unverified word as "cash received".
 */

/** ¥2,000.00: more than a year of 物业费 for most homes here, so routine payments go straight through. */
export const DEFAULT_REVIEW_ABOVE = 200_000
/** ¥100,000.00: above that the setting would mean "never review", which it should say, not hide. */
export const MAX_REVIEW_ABOVE = 10_000_000

/** Strictly above the threshold: ¥2,000.00 exactly is credited at once. */
export const needsReview = (method: PayMethod, amount: number, above: number) => method !== 'wechat' && amount > above

export const reviewPolicySummary = (before: number, after: number) => `线下收款复核：超过 ¥${yuan(before)} → 超过 ¥${yuan(after)} 需第二人确认`
