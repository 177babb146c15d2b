import type { Payments } from '../../ports/payments'

interface CloudPay {
  unifiedOrder(arg: Record<string, unknown>): Promise<{ returnCode?: string; resultCode?: string; payment?: Record<string, string>; errMsg?: string }>
  queryOrder(arg: Record<string, unknown>): Promise<{ tradeState?: string; totalFee?: number; transactionId?: string }>
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
  }
}
