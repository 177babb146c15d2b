/** WeChat Pay through CloudBase (cloudPay), or the local host's simulated payment. */
export interface OrderRequest {
  outTradeNo: string
  /** Integer fen. */
  totalFee: number
  body: string
  openid: string
}

export interface RefundRequest {
  outTradeNo: string
  /** One per order (src/core/bills/refunds.ts refundNo): a repeat is the same refund, never a second one. */
  outRefundNo: string
  /** Fen the payer paid for the order, and fen to send back (all of it, for a held payment). */
  totalFee: number
  refundFee: number
  /** Shown to the payer by WeChat Pay with the refund; short (refund_desc, 80 bytes). */
  desc: string
}

/** WeChat Pay accepted the refund (it reaches the payer later), or refused it with its own words. */
export type RefundResult = { ok: true; refundId: string } | { ok: false; error: string }

export interface Payments {
  /** Returns what the client passes to wx.requestPayment (or the local pay page). */
  unifiedOrder(req: OrderRequest): Promise<{ payment: Record<string, string> }>
  queryOrder(outTradeNo: string): Promise<{ state: 'paid' | 'unpaid' | 'closed'; totalFee?: number; transactionId?: string }>
  /** Throws only when WeChat Pay could not be reached; its refusals come back as `ok: false`. */
  refund(req: RefundRequest): Promise<RefundResult>
}
