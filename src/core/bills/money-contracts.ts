import * as z from '../shared/zod'
import { action, Id, text } from '../shared/contract'
import { HELD_REASONS, OFFLINE_STATUSES } from './types'
import { HELD_STATUSES } from './refunds'
import { ReceiptView } from './receipt-view'

/**
 * Staff money actions beyond the desk: payments held for a refund, and desk payments above the
 * review threshold waiting for a second person. Spread into billsContract.
 */

const OFFICE = ['agent', 'manager', 'supervisor'] as const

export const HeldPaymentView = z.object({
  orderId: z.string(),
  houseLabel: z.string(),
  /** Fen WeChat Pay took; `amountYuan` is the same, formatted (229.13). */
  amount: z.number(),
  amountYuan: z.string(),
  /** The payer as their binding of the house names them; the phone is always masked. */
  payer: z.optional(z.object({ name: z.string(), phone: z.string() })),
  reason: z.enum(HELD_REASONS),
  reasonText: z.string(),
  /** When the payment arrived and was held. */
  heldAt: z.number(),
  status: z.enum(HELD_STATUSES),
  statusText: z.string(),
  refund: z.optional(
    z.object({
      reason: z.string(),
      byName: z.string(),
      at: z.number(),
      attempts: z.number(),
      refundId: z.optional(z.string()),
      refundedAt: z.optional(z.number()),
      error: z.optional(z.string()),
    }),
  ),
  /** The caller may press 退款 (or 重试退款) now. */
  canRefund: z.boolean(),
})

export const OfflineEntryView = z.object({
  id: z.string(),
  houseId: z.string(),
  houseLabel: z.string(),
  method: z.enum(['cash', 'transfer']),
  amount: z.number(),
  lines: z.array(z.object({ itemName: z.string(), periodLabel: z.string() })),
  note: z.optional(z.string()),
  recordedByName: z.string(),
  createdAt: z.number(),
  status: z.enum(OFFLINE_STATUSES),
  decidedByName: z.optional(z.string()),
  decidedAt: z.optional(z.number()),
  rejectReason: z.optional(z.string()),
  receiptNo: z.optional(z.string()),
  /** The caller recorded it: someone else must confirm. */
  mine: z.boolean(),
  /** The bills were paid another way meanwhile (WeChat Pay): it can only be rejected, and the money handed back. */
  settledElsewhere: z.boolean(),
})

const HouseFilter = { houseId: z.optional(Id) }

export const moneyContract = {
  heldPayments: action({
    summary:
      'Staff: payments that were not credited (paid twice, bills changed meanwhile, amount differs) in the caller’s scope, newest first — house, amount, masked payer, why, when, refund state. `state: refunded` lists the ones already refunded.',
    // Everyone at the desk sees them, to answer the resident who calls about their money.
    callers: OFFICE,
    input: z.strictObject({ state: z._default(z.enum(['open', 'refunded'], '状态只能是待退款或已退款'), 'open'), ...HouseFilter }),
    output: z.object({ items: z.array(HeldPaymentView) }),
  }),
  refund: action({
    summary:
      '客服主任: refund a held payment in full to the payer through WeChat Pay (cloudPay.refund, out_refund_no derived from the order). Refunded, or refund_failed with WeChat Pay’s reason (still listed, retry with the same call); audited; the payer is told. A second refund of the same order is INVALID_STATE.',
    // Only the 客服主任 sends money out of the merchant account: a refund cannot be taken back, and
    // the 客服主任 already owns every other money decision (prices, bill runs, waivers). 客服 and
    // 管理员 see the list and tell the resident; they ask the 客服主任 to press the button.
    callers: ['supervisor'],
    input: z.strictObject({
      orderId: Id,
      reason: text(2, 100, '请填写退款原因', '退款原因最多 100 个字'),
    }),
    output: HeldPaymentView,
  }),
  pendingOffline: action({
    summary: 'Staff: desk payments above the review threshold still waiting for a second person, in the caller’s scope, oldest first.',
    callers: OFFICE,
    input: z.strictObject(HouseFilter),
    output: z.object({ items: z.array(OfflineEntryView) }),
  }),
  confirmOffline: action({
    summary:
      'Staff: confirm a pending desk payment someone else recorded: the bills are credited and the receipt issued now. The recorder can never confirm their own (FORBIDDEN); bills paid or changed meanwhile are INVALID_STATE. Audited.',
    // Any front-office colleague in scope may be the second pair of eyes: what matters is that it is a different person.
    callers: OFFICE,
    input: z.strictObject({ entryId: Id }),
    output: z.object({ entry: OfflineEntryView, receipt: ReceiptView }),
  }),
  rejectOffline: action({
    summary:
      'Staff: reject a pending desk payment with a reason (the money goes back to the payer by hand); the bills are unpaid again. Not the recorder’s own. Audited.',
    callers: OFFICE,
    input: z.strictObject({ entryId: Id, reason: text(2, 100, '请填写驳回原因', '原因最多 100 个字') }),
    output: OfflineEntryView,
  }),
} as const
