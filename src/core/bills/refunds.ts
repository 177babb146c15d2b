import { yuan } from '../shared/money'
import type { BillStatus, HeldReason, OrderStatus, PayOrderDoc } from './types'

/**
 * Payments that cannot be credited — a second payment for bills already paid, a payment for
 * bills changed meanwhile, an amount WeChat Pay reports differently — are held for a refund,
 * never absorbed. Pure: `now` is an argument.
 */

export const HELD_REASON_LABELS: Record<HeldReason, string> = {
  duplicate: '重复缴费：账单已缴清',
  changed: '账单已调整或减免，付款未入账',
  amount: '到账金额与订单金额不符',
}

/** Statuses of a held payment, and the words staff see for each. */
export const HELD_STATUSES = ['conflict', 'mismatch', 'refunding', 'refund_failed', 'refunded'] as const satisfies readonly OrderStatus[]
export type HeldStatus = (typeof HELD_STATUSES)[number]
export const HELD_STATUS_LABELS: Record<HeldStatus, string> = {
  conflict: '待退款',
  mismatch: '待退款',
  refunding: '退款中',
  refund_failed: '退款失败，可重试',
  refunded: '已退款',
}
/** Still needs someone: listed under 待退款 until refunded. */
export const OPEN_HELD: readonly HeldStatus[] = ['conflict', 'mismatch', 'refunding', 'refund_failed']

/** Why this payment is held: the amount first (nothing else can be trusted), then what became of the bills. */
export function heldReason(amountMatches: boolean, bills: readonly ({ status: BillStatus } | null)[]): HeldReason {
  if (!amountMatches) return 'amount'
  return bills.some((b) => b?.status === 'paid') ? 'duplicate' : 'changed'
}

/**
 * out_refund_no, derived from the order alone: a retry (after a timeout, a failure, a crash
 * between WeChat Pay and our write) is the same refund at WeChat Pay, which refunds one number
 * once and asks that a failed refund be resubmitted under its original number. ≤ 64 characters.
 */
export const refundNo = (orderId: string) => `RF${orderId}`

/** A refund claim older than this was left by a call that died mid-way; the same refund number makes taking it over safe. */
export const REFUND_CLAIM_MS = 2 * 60_000

/** Why this order may not be refunded now, or null when it may. */
export function refundRefusal(o: Pick<PayOrderDoc, 'status' | 'refund'>, now: number): string | null {
  switch (o.status) {
    case 'conflict':
    case 'mismatch':
    case 'refund_failed':
      return null
    case 'refunding':
      return o.refund && now - o.refund.at > REFUND_CLAIM_MS ? null : '这笔退款正在处理，请稍后刷新'
    case 'refunded':
      return '这笔付款已退款，不能重复退款'
    default:
      return '这笔付款已正常入账或尚未支付，无需退款'
  }
}

/** The short text WeChat Pay shows the payer with the refund (refund_desc is at most 80 bytes). */
export const REFUND_DESC: Record<HeldReason, string> = { duplicate: '物业费重复缴费退款', changed: '物业缴费未入账退款', amount: '物业缴费未入账退款' }

/** What the payer is told, in-app, the moment the payment is held. */
export function heldMessage(reason: HeldReason, fee: number, houseLabel: string): { title: string; body: string } {
  const paid = `您为 ${houseLabel} 支付的 ¥${yuan(fee)}`
  if (reason === 'duplicate') {
    return { title: '重复缴费，将原路退回', body: `${paid}与已缴清的账单重复，这笔钱不会入账，物业核实后将原路退回您的支付账户，您无需再做任何操作。` }
  }
  if (reason === 'changed') {
    return { title: '付款未入账，将原路退回', body: `${paid}时账单金额已调整，这笔付款未入账，物业核实后将原路退回。最新应缴金额请在「账单」查看。` }
  }
  return { title: '付款未入账，将原路退回', body: `${paid}与订单金额不符，未能入账，物业核实后将原路退回您的支付账户。` }
}

/** What the payer is told once WeChat Pay has accepted the refund. */
export function refundedMessage(fee: number, houseLabel: string): { title: string; body: string } {
  return {
    title: '款项已原路退回',
    body: `您为 ${houseLabel} 支付的 ¥${yuan(fee)}（未入账）已原路退回您的支付账户：微信零钱一般 20 分钟内到账，银行卡约 3 个工作日。`,
  }
}
