import { OFFICE_ROLES } from '../access/scope'
import * as z from '../shared/zod'
import { action, Empty, Id, pageFields, line, text } from '../shared/contract'
import { AGING_BANDS, BILL_STATUSES, CYCLES, FEE_KINDS, ORDER_STATUSES, PAY_METHODS, RECIPIENT_STATUSES } from './types'
import { ReceiptView } from './receipt-view'
import { moneyContract, OfflineEntryView } from './money-contracts'

export { ReceiptView }

const Fen = z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000))
const Period = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '账期格式应为 YYYY-MM，如 2026-11'))

export const BillView = z.object({
  id: z.string(),
  houseId: z.string(),
  houseLabel: z.string(),
  itemName: z.string(),
  kind: z.enum(FEE_KINDS),
  target: z.optional(z.string()),
  period: z.string(),
  periodLabel: z.string(),
  basis: z.string(),
  /** Fen, after adjustments. */
  amount: z.number(),
  /** Fen the resident pays now: amount plus any late fee. */
  payable: z.number(),
  dueDate: z.string(),
  /** Days past the due date; negative before it. */
  overdueDays: z.number(),
  status: z.enum(BILL_STATUSES),
  paidAt: z.optional(z.number()),
  paidVia: z.optional(z.enum(PAY_METHODS)),
  paidAmount: z.optional(z.number()),
  receiptNo: z.optional(z.string()),
  /** The 对账单有疑问 ticket about this bill, if the resident asked. */
  disputeTicketId: z.optional(z.string()),
  adjustments: z.optional(z.array(z.object({ byName: z.string(), at: z.number(), from: z.number(), to: z.number(), reason: z.string() }))),
  /** Staff only: a desk payment for this bill waits for a colleague's confirmation. */
  offlinePending: z.optional(z.boolean()),
})

export const FeeItemView = z.object({
  id: z.string(),
  kind: z.enum(FEE_KINDS),
  name: z.string(),
  unitPrice: z.number(),
  priceByType: z.optional(z.record(z.string(), z.number())),
  cycle: z.enum(CYCLES),
  dueDay: z.number(),
  onlyPeriod: z.optional(z.string()),
  lateFee: z.optional(z.object({ bpPerDay: z.number(), capBp: z.number() })),
  active: z.boolean(),
})

const Bands = z.object({ d0_30: z.number(), d31_90: z.number(), d90_plus: z.number() })

export const CampaignView = z.object({
  id: z.string(),
  building: z.optional(z.string()),
  band: z.optional(z.enum(AGING_BANDS)),
  createdByName: z.string(),
  createdAt: z.number(),
  skippedRecent: z.number(),
  unreachableHouses: z.number(),
  recipients: z.array(z.object({ name: z.string(), houseLabel: z.string(), amount: z.number(), status: z.enum(RECIPIENT_STATUSES) })),
})

const Target = z.strictObject({
  building: z.optional(line(1, 8, '请选择楼栋')),
  band: z.optional(z.enum(AGING_BANDS)),
})

export const billsContract = {
  myBills: action({
    summary: 'The resident’s unpaid bills by house, with the unpaid total on top.',
    callers: ['signedIn'],
    input: Empty,
    output: z.object({
      unpaidTotal: z.number(),
      houses: z.array(z.object({ houseId: z.string(), label: z.string(), unpaidTotal: z.number(), bills: z.array(BillView) })),
    }),
  }),
  history: action({
    summary: 'Paid and waived bills of the resident’s houses, newest first.',
    callers: ['signedIn'],
    input: z.strictObject(pageFields),
    output: z.object({ items: z.array(BillView), total: z.number() }),
  }),
  receipt: action({
    summary: 'An electronic receipt (电子收据) by number: the payer, or staff of its community.',
    callers: ['signedIn'],
    input: z.strictObject({ receiptNo: line(6, 32, '收据编号不正确') }),
    output: ReceiptView,
  }),
  createOrder: action({
    summary: 'Pay one or several unpaid bills of the caller’s houses: a WeChat Pay order (cloudPay.unifiedOrder) for their total.',
    callers: ['signedIn'],
    input: z.strictObject({ billIds: z.array(Id).check(z.minLength(1, '请选择要缴的账单'), z.maxLength(20, '一次最多缴 20 笔')) }),
    output: z.object({ outTradeNo: z.string(), totalFee: z.number(), payment: z.record(z.string(), z.string()) }),
  }),
  orderStatus: action({
    summary: 'Whether an order has been credited (the payment callback may arrive a moment after the payment sheet closes).',
    callers: ['signedIn'],
    input: z.strictObject({ outTradeNo: line(8, 32, '订单号不正确') }),
    output: z.object({ status: z.enum(ORDER_STATUSES), receiptNo: z.optional(z.string()) }),
  }),
  feeItems: action({
    summary: 'Staff: the fee items of the caller’s community.',
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.array(FeeItemView),
  }),
  saveFeeItem: action({
    summary: '客服主任: create or change a fee item (price in fen).',
    callers: ['supervisor'],
    input: z.strictObject({
      id: z.optional(Id),
      kind: z.enum(FEE_KINDS),
      name: line(2, 20, '请填写收费项目名称'),
      unitPrice: Fen,
      priceByType: z.optional(z.strictObject({ residential: z.optional(Fen), commercial: z.optional(Fen) })),
      cycle: z.enum(CYCLES),
      dueDay: z.number().check(z.int(), z.minimum(0), z.maximum(28, '到期日请填 1–28，或 0 表示月末')),
      onlyPeriod: z.optional(Period),
      lateFee: z.optional(
        z.strictObject({ bpPerDay: z.number().check(z.int(), z.minimum(1), z.maximum(50)), capBp: z.number().check(z.int(), z.minimum(0), z.maximum(3000)) }),
      ),
      active: z._default(z.boolean(), true),
    }),
    output: FeeItemView,
  }),
  previewBills: action({
    summary: '客服主任, before 出账: how many bills the run would create now for each fee item, and their total; bills that exist already are counted apart.',
    callers: ['supervisor'],
    input: z.strictObject({ period: Period }),
    output: z.object({
      period: z.string(),
      houses: z.number(),
      items: z.array(z.object({ itemId: z.string(), name: z.string(), bills: z.number(), amount: z.number() })),
      bills: z.number(),
      amount: z.number(),
      existing: z.number(),
    }),
  }),
  runBills: action({
    summary: '客服主任: bill run for a period, one chunk of houses per call; call again until done. Running it twice creates nothing new.',
    callers: ['supervisor'],
    input: z.strictObject({ period: Period, chunk: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(1000)), 500) }),
    output: z.object({ period: z.string(), created: z.number(), skipped: z.number(), done: z.boolean() }),
  }),
  importReadings: action({
    summary: '客服主任: meter readings (水/电) from CSV. Every row is checked; one bad row imports nothing and names the row.',
    callers: ['supervisor'],
    input: z.strictObject({
      period: Period,
      kind: z.enum(['water', 'electricity']),
      csv: z.string().check(z.minLength(1, '请粘贴或选择 CSV 文件'), z.maxLength(400_000, '文件过大，请分批导入')),
    }),
    output: z.object({ imported: z.number(), importId: z.string() }),
  }),
  arrears: action({
    summary: 'Staff: unpaid totals by building with aging bands (0–30, 31–90, >90 days past due).',
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.object({
      total: z.number(),
      houses: z.number(),
      bands: Bands,
      rows: z.array(z.object({ building: z.string(), houses: z.number(), bills: z.number(), total: z.number(), bands: Bands })),
    }),
  }),
  houseBills: action({
    summary: 'Staff: one house’s bills (unpaid first), for an offline payment or an adjustment.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ houseId: Id }),
    output: z.object({ houseId: z.string(), label: z.string(), bills: z.array(BillView) }),
  }),
  recordOffline: action({
    summary:
      'Staff: record a cash or transfer payment for unpaid bills of one house. Up to the community’s review threshold (设置, default ¥2,000) it is credited with a receipt at once; above it, it waits as a pending entry (`pending: true`) until a different staff member confirms it (confirmOffline). Audited either way.',
    // The front desk takes money: 客服 at the counter, a 管理员 on site in their zone, the 客服主任.
    // Handlers and residents never record money; the review threshold is what limits a single person.
    callers: OFFICE_ROLES,
    input: z.strictObject({
      billIds: z.array(Id).check(z.minLength(1, '请选择账单'), z.maxLength(50)),
      method: z.enum(['cash', 'transfer'], '请选择收款方式'),
      note: z.optional(text(0, 100, '', '备注最多 100 个字')),
    }),
    output: z.union([ReceiptView, z.object({ pending: z.literal(true), entry: OfflineEntryView })]),
  }),
  adjust: action({
    summary: '客服主任: waive (amount 0) or adjust an unpaid bill; the reason is kept on the bill and in the community audit trail.',
    // Changing what a house owes is a money decision like a refund: the 客服主任 only, never the desk
    // that also takes the cash (so nobody can lower a bill and pocket the difference).
    callers: ['supervisor'],
    input: z.strictObject({ billId: Id, amount: Fen, reason: text(2, 100, '请填写调整原因', '原因最多 100 个字') }),
    output: BillView,
  }),
  startCampaign: action({
    summary: 'Staff: 催缴 the residents of a building or an aging band who still owe; respects the 3-day rule and quiet hours.',
    callers: OFFICE_ROLES,
    input: Target,
    output: CampaignView,
  }),
  campaign: action({
    summary: 'Staff: a campaign and each recipient’s status now (sent in-app, by subscribe message, no quota, paid meanwhile).',
    callers: OFFICE_ROLES,
    input: z.strictObject({ campaignId: Id }),
    output: CampaignView,
  }),
  exportArrears: action({
    summary: 'Staff: unpaid bills as CSV (UTF-8 with BOM, opens in Excel), optionally for one building.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ building: z.optional(line(1, 8, '请选择楼栋')) }),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number() }),
  }),
  ...moneyContract,
} as const
