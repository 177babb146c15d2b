/** WeChat Pay through CloudBase (cloudPay), or the local host's simulated payment. */
export interface OrderRequest {
  outTradeNo: string
  /** Integer fen. */
  totalFee: number
  body: string
  openid: string
}

export interface Payments {
  /** Returns what the client passes to wx.requestPayment (or the local pay page). */
  unifiedOrder(req: OrderRequest): Promise<{ payment: Record<string, string> }>
  queryOrder(outTradeNo: string): Promise<{ state: 'paid' | 'unpaid' | 'closed'; totalFee?: number; transactionId?: string }>
}
