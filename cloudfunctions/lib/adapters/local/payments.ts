import type { Payments } from '../../ports/payments'
import type { Store } from '../../ports/store'

/** devPayOrders/<outTradeNo>: a simulated WeChat Pay order. */
export interface DevPayOrderDoc {
  _id: string
  totalFee: number
  body: string
  openid: string
  state: 'paid' | 'unpaid' | 'closed'
  transactionId?: string
  /** Refunds WeChat Pay would have accepted, by out_refund_no: the record a developer can inspect. */
  refunds?: { outRefundNo: string; refundId: string; refundFee: number; desc: string; at: number }[]
  createdAt: number
}

/**
 * Simulated WeChat Pay: an order is a document; the local host's pay page marks it paid and
 * then drives the same payment-callback code WeChat would call.
 */
export function localPayments(store: Store, now: () => number) {
  const orders = () => store.c.devPayOrders
  const payments: Payments & { markPaid(outTradeNo: string): Promise<DevPayOrderDoc | null> } = {
    async unifiedOrder(req) {
      await orders().set({ _id: req.outTradeNo, totalFee: req.totalFee, body: req.body, openid: req.openid, state: 'unpaid', createdAt: now() })
      // Shaped as cloudPay's payment parameters, so a weapp build on the local host hands
      // wx.requestPayment what it needs; the H5 pay sheet goes by the order number instead.
      const at = String(Math.floor(now() / 1000))
      return {
        payment: { timeStamp: at, nonceStr: req.outTradeNo.slice(-16), package: `prepay_id=dev${req.outTradeNo}`, signType: 'RSA', paySign: 'simulated' },
      }
    },
    async queryOrder(outTradeNo) {
      const o = await orders().get(outTradeNo)
      if (!o) return { state: 'closed' }
      return { state: o.state, totalFee: o.totalFee, transactionId: o.transactionId }
    },
    /** As WeChat Pay: only a paid order, never more than was paid, and one refund number refunds once. */
    async refund(req) {
      const o = await orders().get(req.outTradeNo)
      if (!o || o.state !== 'paid') return { ok: false, error: '订单未支付，无法退款' }
      if (req.totalFee !== o.totalFee) return { ok: false, error: '订单金额与实际支付金额不符' }
      const refunds = o.refunds ?? []
      const same = refunds.find((r) => r.outRefundNo === req.outRefundNo)
      if (same) return { ok: true, refundId: same.refundId }
      if (refunds.reduce((s, r) => s + r.refundFee, 0) + req.refundFee > o.totalFee) return { ok: false, error: '订单已全额退款' }
      const refundId = `SIMRF${req.outTradeNo}`
      await orders().set({ ...o, refunds: [...refunds, { outRefundNo: req.outRefundNo, refundId, refundFee: req.refundFee, desc: req.desc, at: now() }] })
      return { ok: true, refundId }
    },
    async markPaid(outTradeNo) {
      const o = await orders().get(outTradeNo)
      if (!o) return null
      const paid = { ...o, state: 'paid' as const, transactionId: `SIM${outTradeNo}` }
      await orders().set(paid)
      return paid
    },
  }
  return payments
}
