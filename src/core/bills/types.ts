/**
 * Bills: fee items per community, one bill per house (or parking space) per item and period,
 * payment orders and receipts. Money is integer fen everywhere; no float ever holds an amount.
 */

export const FEE_KINDS = ['property', 'parking', 'water', 'electricity', 'oneoff'] as const
export type FeeKind = (typeof FEE_KINDS)[number]
export const FEE_KIND_LABELS: Record<FeeKind, string> = {
  property: '物业费',
  parking: '停车费',
  water: '水费',
  electricity: '电费',
  oneoff: '其他费用',
}

export const CYCLES = ['monthly', 'quarterly', 'yearly'] as const
export type Cycle = (typeof CYCLES)[number]
export const CYCLE_LABELS: Record<Cycle, string> = { monthly: '按月', quarterly: '按季', yearly: '按年' }

/** What a house is used as; 物业费 may be priced per type. A house without a type is residential. */
export const HOUSE_TYPES = ['residential', 'commercial'] as const
export type HouseType = (typeof HOUSE_TYPES)[number]
export const HOUSE_TYPE_LABELS: Record<HouseType, string> = { residential: '住宅', commercial: '商铺' }

export const BILL_STATUSES = ['unpaid', 'paid', 'waived'] as const
export type BillStatus = (typeof BILL_STATUSES)[number]
export const BILL_STATUS_LABELS: Record<BillStatus, string> = { unpaid: '待缴', paid: '已缴', waived: '已减免' }

export const PAY_METHODS = ['wechat', 'cash', 'transfer'] as const
export type PayMethod = (typeof PAY_METHODS)[number]
export const PAY_METHOD_LABELS: Record<PayMethod, string> = { wechat: '微信支付', cash: '现金', transfer: '银行转账' }

/** Optional late fee: basis points of the amount per day overdue, capped. Off unless a community sets it. */
export interface LateFeeRule {
  bpPerDay: number
  /** Cap as basis points of the amount (e.g. 1000 = at most 10%). */
  capBp: number
}

/** feeItems/<id> */
export interface FeeItemDoc {
  _id: string
  communityId: string
  kind: FeeKind
  name: string
  /**
   * Fen per unit: per m² per month (物业费), per space per month (停车费), per metered unit
   * (水费 per 吨, 电费 per 度), or the whole amount (one-off).
   */
  unitPrice: number
  /**
   * 物业费 by house type, fen per m² per month; a type without a price here pays unitPrice.
   * Only 物业费 items have it, and when they do, unitPrice IS the 住宅 price: the server stores
   * priceByType.residential === unitPrice and refuses a save where they disagree (see
   * feeItemPrices in fee-items.ts), so no reader has to guess which of the two counts.
   */
  priceByType?: Partial<Record<HouseType, number>>
  cycle: Cycle
  /** Day of the period's first month the bill is due; 0 = that month's last day. */
  dueDay: number
  /** A one-off item is billed only in this period (YYYY-MM). */
  onlyPeriod?: string
  lateFee?: LateFeeRule
  active: boolean
  createdAt: number
  updatedAt: number
}

/** parkingSpaces/<id>: a rented or owned space, billed to its house. */
export interface ParkingSpaceDoc {
  _id: string
  communityId: string
  houseId: string
  no: string
}

/** meterReadings/<communityId>_<period>_<kind>_<houseId>; readings in hundredths of a unit. */
export interface MeterReadingDoc {
  _id: string
  communityId: string
  period: string
  kind: 'water' | 'electricity'
  houseId: string
  previous: number
  current: number
  importId: string
  createdAt: number
}

export interface BillAdjustment {
  by: string
  byName: string
  at: number
  from: number
  to: number
  reason: string
}

/** bills/<communityId>_<period>_<itemId>_<targetId>: the id itself makes a bill run idempotent. */
export interface BillDoc {
  _id: string
  communityId: string
  houseId: string
  building: string
  /** 1栋1单元301, kept on the bill so lists need no house lookups. */
  houseLabel: string
  /** A parking space's number, for parking bills. */
  target?: string
  period: string
  /** 2026-11 or 2026-10 至 2026-12. */
  periodLabel: string
  itemId: string
  itemName: string
  kind: FeeKind
  /** What the amount is made of, for the resident: 118.30 m² × ¥2.50/m²·月. */
  basis: string
  /** Amount due in fen, after any adjustment. */
  amount: number
  /** The amount the bill run computed, before adjustments. */
  original: number
  /** YYYY-MM-DD, Shanghai. */
  dueDate: string
  status: BillStatus
  lateFee?: LateFeeRule
  paidAt?: number
  paidVia?: PayMethod
  /** Fen actually received, late fee included. */
  paidAmount?: number
  receiptNo?: string
  orderId?: string
  /** The WeChat Pay order open for this bill: a second 去缴费 gets it back instead of opening another. */
  openOrderId?: string
  /**
   * A front-desk payment above the review threshold waits for a colleague (offlinePayments/<id>):
   * meanwhile no second desk payment, no new WeChat Pay order and no adjustment touch the bill.
   */
  pendingOfflineId?: string
  adjustments?: BillAdjustment[]
  /** 对账单有疑问: the ticket opened about this bill (tickets feature). */
  disputeTicketId?: string
  /** 维修费: the repair it is the cost of, so the bill and the ticket open each other. */
  ticketId?: string
  /** A deposit returned (in whole or part), as recorded by the renovation that held it. */
  returned?: { amount: number; at: number }
  createdAt: number
  updatedAt: number
}

/** The 装修押金 is a bill of the house (paid like any other) but not a fee: it comes back, so fee figures leave it out. */
export const DEPOSIT_ITEM = 'decoration-deposit'
export const isDeposit = (b: Pick<BillDoc, 'itemId'>) => b.itemId === DEPOSIT_ITEM
/** 有偿维修: the cost of an in-home repair, billed to the house when the handler completes it. */
export const REPAIR_ITEM = 'repair-fee'

export const billId = (communityId: string, period: string, itemId: string, targetId: string) => `${communityId}_${period}_${itemId}_${targetId}`

/** billRuns/<communityId>_<period>: progress of a chunked run. */
export interface BillRunDoc {
  _id: string
  communityId: string
  period: string
  /** Last house id done; the next chunk starts after it. */
  cursor: string
  done: boolean
  created: number
  skipped: number
  startedBy: string
  startedAt: number
  updatedAt: number
}

/**
 * created → paid | closed; or, when the money cannot be credited, held: mismatch (WeChat Pay's
 * amount is not the order's) or conflict (the bills were paid, waived or changed meanwhile).
 * A held payment is never absorbed: held → refunding → refunded | refund_failed (→ refunding again).
 */
export const ORDER_STATUSES = ['created', 'paid', 'closed', 'mismatch', 'conflict', 'refunding', 'refund_failed', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Why a payment was held instead of credited; decided once, when it arrived (see src/core/bills/refunds.ts). */
export const HELD_REASONS = ['duplicate', 'changed', 'amount'] as const
export type HeldReason = (typeof HELD_REASONS)[number]

/** The refund of a held payment: one per order, always under the same out_refund_no. */
export interface OrderRefund {
  outRefundNo: string
  /** Fen sent back: all of what WeChat Pay says was paid. */
  fee: number
  reason: string
  by: string
  byName: string
  /** When the current attempt started; a stale claim may be taken over (REFUND_CLAIM_MS). */
  at: number
  attempts: number
  refundId?: string
  refundedAt?: number
  /** WeChat Pay's answer to the last failed attempt, shown to staff beside 重试退款. */
  error?: string
}

/** payOrders/<outTradeNo> */
export interface PayOrderDoc {
  _id: string
  openid: string
  communityId: string
  billIds: string[]
  totalFee: number
  status: OrderStatus
  transactionId?: string
  receiptNo?: string
  note?: string
  /** Held payments only: what WeChat Pay says was paid, and where, for the staff list and its scope. */
  paidFee?: number
  heldReason?: HeldReason
  heldAt?: number
  houseIds?: string[]
  houseLabel?: string
  buildings?: string[]
  refund?: OrderRefund
  createdAt: number
  updatedAt: number
}

export const OFFLINE_STATUSES = ['pending', 'confirmed', 'rejected'] as const
export type OfflineStatus = (typeof OFFLINE_STATUSES)[number]
export const OFFLINE_STATUS_LABELS: Record<OfflineStatus, string> = { pending: '待复核', confirmed: '已确认', rejected: '已驳回' }

/**
 * offlinePayments/<id>: cash or a transfer above the community's review threshold, recorded by
 * one staff member and credited only when a different one confirms it (四眼原则).
 */
export interface OfflinePaymentDoc {
  _id: string
  communityId: string
  houseId: string
  building: string
  houseLabel: string
  billIds: string[]
  method: 'cash' | 'transfer'
  /** Fen taken, late fees as of the moment it was recorded. */
  amount: number
  note?: string
  recordedBy: string
  recordedByName: string
  status: OfflineStatus
  decidedBy?: string
  decidedByName?: string
  decidedAt?: number
  rejectReason?: string
  receiptNo?: string
  createdAt: number
  updatedAt: number
}

/** receipts/<receiptNo>: the electronic receipt (电子收据). */
export interface ReceiptDoc {
  _id: string
  communityId: string
  houseIds: string[]
  /** Who paid: the resident's openid, or the staff member who recorded an offline payment. */
  openid?: string
  recordedBy?: string
  /** The colleague who confirmed a reviewed desk payment. */
  confirmedBy?: string
  method: PayMethod
  amount: number
  lines: { billId: string; label: string; itemName: string; periodLabel: string; amount: number }[]
  transactionId?: string
  note?: string
  createdAt: number
}

/** reminders/<openid>: when we last prompted this person about money (the 3-day rule). */
export interface ReminderLogDoc {
  _id: string
  lastPromptAt: number
  count: number
}

export const RECIPIENT_STATUSES = ['pending', 'sent', 'no_quota', 'failed', 'inapp', 'recent', 'paid'] as const
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number]
export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  pending: '已发到消息中心，微信提醒排队中',
  sent: '已发订阅消息',
  no_quota: '未开启微信提醒，已发到消息中心',
  failed: '微信提醒没发出，已发到消息中心',
  inapp: '已发到消息中心',
  recent: '3 天内已提醒，本次跳过',
  paid: '期间已缴清',
}

/** campaigns/<id>: a 催缴 run staff started for a building or an aging band. */
export interface CampaignDoc {
  _id: string
  communityId: string
  building?: string
  band?: AgingBand
  createdBy: string
  createdByName: string
  recipients: number
  skippedRecent: number
  unreachableHouses: number
  createdAt: number
}

/** campaignRecipients/<campaignId>_<openid> */
export interface CampaignRecipientDoc {
  _id: string
  campaignId: string
  openid: string
  name: string
  houseLabel: string
  billIds: string[]
  amount: number
  messageId?: string
  outboxId?: string
  skipped?: 'recent'
  createdAt: number
}

export const AGING_BANDS = ['d0_30', 'd31_90', 'd90_plus'] as const
export type AgingBand = (typeof AGING_BANDS)[number]
export const AGING_LABELS: Record<AgingBand, string> = { d0_30: '0–30 天', d31_90: '31–90 天', d90_plus: '90 天以上' }
