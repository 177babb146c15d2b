import { randomBytes } from 'node:crypto'
import type { Payments } from '../../ports/payments'

/**
 * cloud.cloudPay as wx-server-sdk exposes it: we pass camelCase, the SDK sends snake_case
 * (sub_mch_id, out_refund_no …) and turns WeChat Pay's snake_case answer back into camelCase.
 * Note the SDK overwrites `errCode` with its own 0 on every answer that arrived, so WeChat Pay's
 * business error is read from `errCodeDes` / `returnMsg`, never from `errCode`.
 */
interface CloudPay {
  unifiedOrder(arg: Record<string, unknown>): Promise<{ returnCode?: string; resultCode?: string; payment?: Record<string, string>; errMsg?: string }>
  queryOrder(arg: Record<string, unknown>): Promise<{ tradeState?: string; totalFee?: number; transactionId?: string }>
  refund(
    arg: Record<string, unknown>,
  ): Promise<{ returnCode?: string; returnMsg?: string; resultCode?: string; errCodeDes?: string; refundId?: string; refundFee?: number }>
}

export interface PayConfig {
  /** The full environment id, not an alias: otherwise the payment callback never fires. */
  envId: string
  subMchId: string
  callbackFunction: string
}

export function cloudbasePayments(cloudPay: CloudPay, cfg: PayConfig): Payments {
  return {
    async unifiedOrder(req) {
      const r = await cloudPay.unifiedOrder({
        body: req.body.slice(0, 40),
        outTradeNo: req.outTradeNo,
        spbillCreateIp: '127.0.0.1',
        subMchId: cfg.subMchId,
        totalFee: req.totalFee,
        envId: cfg.envId,
        functionName: cfg.callbackFunction,
      })
      if (r.returnCode !== 'SUCCESS' || r.resultCode !== 'SUCCESS' || !r.payment) {
        throw new Error(`unifiedOrder failed: ${r.errMsg ?? r.returnCode ?? 'unknown'}`)
      }
      return { payment: r.payment }
    },
    async queryOrder(outTradeNo) {
      const r = await cloudPay.queryOrder({ subMchId: cfg.subMchId, outTradeNo })
      const state = r.tradeState === 'SUCCESS' ? 'paid' : r.tradeState === 'CLOSED' || r.tradeState === 'REVOKED' ? 'closed' : 'unpaid'
      return { state, totalFee: r.totalFee, transactionId: r.transactionId }
    },
    /**
     * CloudPay.refund: sub_mch_id, nonce_str, out_trade_no, out_refund_no, total_fee, refund_fee
     * (fen), refund_desc; env_id + function_name name the function WeChat Pay notifies of the
     * refund's outcome (payCallback acknowledges it). SUCCESS/SUCCESS means the refund was
     * accepted: it reaches the payer's 零钱 within ~20 minutes, a bank card in ~3 working days.
     */
    async refund(req) {
      const r = await cloudPay.refund({
        subMchId: cfg.subMchId,
        nonceStr: randomBytes(16).toString('hex'),
        outTradeNo: req.outTradeNo,
        outRefundNo: req.outRefundNo,
        totalFee: req.totalFee,
        refundFee: req.refundFee,
        refundDesc: req.desc,
        envId: cfg.envId,
        functionName: cfg.callbackFunction,
      })
      if (r.returnCode !== 'SUCCESS') return { ok: false, error: r.returnMsg || '微信支付未受理退款' }
      if (r.resultCode !== 'SUCCESS') return { ok: false, error: r.errCodeDes || r.returnMsg || '微信支付未受理退款' }
      return { ok: true, refundId: r.refundId ?? '' }
    },
  }
}
