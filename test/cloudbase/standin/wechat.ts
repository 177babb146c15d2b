import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FieldKind } from '../../../src/core/shared/templates'

/**
 * WeChat's servers behind cloud.openapi and cloud.cloudPay, as they answer: subscribeMessage.send
 * checks what WeChat checks (known template, every keyword present, each value within its kind's
 * rules, a page that exists, a one-time grant left), cloudPay takes and returns the documented
 * fields. Requests arrive snake_case, as the SDK converts them.
 */
export interface SentMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

export interface PayOrder {
  outTradeNo: string
  totalFee: number
  subMchId: string
  envId: string
  functionName: string
  body: string
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'
  transactionId?: string
  timeEnd?: string
}

/** A refund WeChat Pay accepted, by out_refund_no (its own key: one number refunds once). */
export interface PayRefund {
  outTradeNo: string
  outRefundNo: string
  refundId: string
  totalFee: number
  refundFee: number
  refundDesc?: string
  envId?: string
  functionName?: string
}

/** What WeChat enforces per keyword kind (subscribe message docs: 参数值内容限制). */
const RULES: Record<FieldKind, (v: string) => boolean> = {
  thing: (v) => [...v].length >= 1 && [...v].length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  name: (v) => /^[\u4e00-\u9fa5]{1,10}$/.test(v) || /^[A-Za-z ]{1,20}$/.test(v),
  time: (v) => /^\d{4}[-年]\d{1,2}[-月]\d{1,2}日? \d{1,2}:\d{2}(:\d{2})?$|^\d{1,2}:\d{2}$|^\d{4}[-年]\d{1,2}[-月]\d{1,2}日?$/.test(v),
  date: (v) => /^\d{4}[-年]\d{1,2}[-月]\d{1,2}日?( \d{1,2}:\d{2})?$/.test(v),
  amount: (v) => /^[¥￥]?\d+(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  number: (v) => /^\d{1,32}(\.\d+)?$/.test(v),
}

export class WeChatServers {
  readonly sent: SentMessage[] = []
  readonly refused: { touser: string; templateId: string; errcode: number; errmsg: string }[] = []
  readonly orders = new Map<string, PayOrder>()
  readonly refunds = new Map<string, PayRefund>()
  /** Set to make the next refund fail as WeChat Pay does (e.g. NOTENOUGH: the merchant balance is short). */
  refundFailure: { err_code: string; err_code_des: string } | null = null
  private readonly grants = new Map<string, number>()
  private readonly pages: Set<string>

  constructor(
    /** template id → keyword → kind, as configured in the mini-program admin console. */
    private readonly templates: Record<string, Record<string, FieldKind>>,
    appJsonDir: string,
  ) {
    this.pages = readPages(appJsonDir)
  }

  /** A resident tapped 允许 on the subscribe panel: one message of this template may be sent. */
  grant(openid: string, templateId: string, n = 1) {
    this.grants.set(`${openid}/${templateId}`, (this.grants.get(`${openid}/${templateId}`) ?? 0) + n)
  }

  subscribeSend(req: Record<string, unknown>): { errcode: number; errmsg: string } {
    const {
      touser,
      template_id: templateId,
      page,
      data,
    } = req as { touser?: string; template_id?: string; page?: string; data?: Record<string, { value?: unknown }> }
    const refuse = (errcode: number, errmsg: string) => {
      this.refused.push({ touser: touser ?? '', templateId: templateId ?? '', errcode, errmsg })
      return { errcode, errmsg }
    }
    if (!touser) return refuse(40003, 'invalid openid')
    const tpl = templateId ? this.templates[templateId] : undefined
    if (!tpl) return refuse(40037, 'invalid template_id')
    for (const [key, kind] of Object.entries(tpl)) {
      const v = data?.[key]?.value
      if (typeof v !== 'string' || !RULES[kind](v)) return refuse(47003, `argument invalid! data.${key}.value invalid`)
    }
    const extra = Object.keys(data ?? {}).find((k) => !(k in tpl))
    if (extra) return refuse(47003, `argument invalid! data.${extra} not in template`)
    const path = (page ?? '').replace(/^\//, '').split('?')[0]
    if (page && !this.pages.has(path)) return refuse(41030, 'invalid page')
    const key = `${touser}/${templateId}`
    const left = this.grants.get(key) ?? 0
    if (left <= 0) return refuse(43101, 'user refuse to accept the msg')
    this.grants.set(key, left - 1)
    this.sent.push({ touser, templateId: templateId!, page: page ?? '', data: data as SentMessage['data'] })
    return { errcode: 0, errmsg: 'ok' }
  }

  cloudPay(api: string, req: Record<string, unknown>): Record<string, unknown> {
    const fail = (msg: string) => ({ return_code: 'FAIL', return_msg: msg })
    if (api === 'unifiedOrder') {
      const { body, out_trade_no, spbill_create_ip, sub_mch_id, total_fee, env_id, function_name } = req as Record<string, string | number | undefined>
      if (!body || typeof body !== 'string' || [...body].length > 128) return fail('body 参数错误')
      if (!out_trade_no || String(out_trade_no).length > 32) return fail('out_trade_no 参数错误')
      if (!spbill_create_ip || !sub_mch_id || !env_id || !function_name) return fail('缺少参数')
      if (!Number.isInteger(total_fee) || (total_fee as number) <= 0) return fail('total_fee 参数错误')
      const existing = this.orders.get(String(out_trade_no))
      if (existing && existing.totalFee !== total_fee)
        return { return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'INVALID_REQUEST', err_code_des: '201 商户订单号重复' }
      if (!existing) {
        this.orders.set(String(out_trade_no), {
          outTradeNo: String(out_trade_no),
          totalFee: total_fee as number,
          subMchId: String(sub_mch_id),
          envId: String(env_id),
          functionName: String(function_name),
          body: String(body),
          state: 'NOTPAY',
        })
      }
      const nonce = `n${out_trade_no}`.slice(0, 32)
      return {
        return_code: 'SUCCESS',
        return_msg: 'OK',
        result_code: 'SUCCESS',
        sub_mch_id,
        nonce_str: nonce,
        prepay_id: `wx${out_trade_no}`,
        trade_type: 'JSAPI',
        payment: { appId: 'wxdemoappid', timeStamp: '1764900000', nonceStr: nonce, package: `prepay_id=wx${out_trade_no}`, signType: 'MD5', paySign: 'SIGNED' },
      }
    }
    if (api === 'queryOrder') {
      const o = this.orders.get(String(req.out_trade_no))
      if (!req.sub_mch_id) return fail('缺少参数 sub_mch_id')
      if (!o) return { return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'ORDERNOTEXIST', err_code_des: '订单不存在' }
      return {
        return_code: 'SUCCESS',
        result_code: 'SUCCESS',
        out_trade_no: o.outTradeNo,
        trade_state: o.state,
        total_fee: o.totalFee,
        ...(o.transactionId ? { transaction_id: o.transactionId, time_end: o.timeEnd } : {}),
      }
    }
    if (api === 'refund') return this.refund(req)
    return fail(`stand-in: cloudPay.${api} is not used by this product`)
  }

  /**
   * CloudPay.refund as documented: sub_mch_id, nonce_str, out_trade_no (or transaction_id),
   * out_refund_no (≤ 64, [A-Za-z0-9_-]), total_fee and refund_fee in fen, refund_desc; the answer
   * carries refund_id, refund_fee, total_fee, cash_fee, cash_refund_fee. A repeated out_refund_no
   * answers the same refund; more than was paid, or an unpaid order, is refused.
   */
  private refund(req: Record<string, unknown>): Record<string, unknown> {
    const fail = (msg: string) => ({ return_code: 'FAIL', return_msg: msg })
    const { sub_mch_id, nonce_str, out_trade_no, transaction_id, out_refund_no, total_fee, refund_fee, refund_desc, env_id, function_name } = req as Record<
      string,
      string | number | undefined
    >
    if (!sub_mch_id) return fail('受理机构必须传入sub_mch_id')
    if (!nonce_str || String(nonce_str).length > 32) return fail('nonce_str 参数错误')
    if (!out_refund_no || !/^[A-Za-z0-9_-]{1,64}$/.test(String(out_refund_no))) return fail('out_refund_no 参数错误')
    if (!Number.isInteger(total_fee) || !Number.isInteger(refund_fee) || (refund_fee as number) <= 0) return fail('total_fee/refund_fee 参数错误')
    if (refund_desc !== undefined && Buffer.byteLength(String(refund_desc)) > 80) return fail('refund_desc 参数错误')
    const biz = (err_code: string, err_code_des: string) => ({ return_code: 'SUCCESS', return_msg: 'OK', result_code: 'FAIL', err_code, err_code_des })
    const o = [...this.orders.values()].find((x) => x.outTradeNo === out_trade_no || (transaction_id && x.transactionId === transaction_id))
    if (!o) return biz('ORDERNOTEXIST', '订单不存在')
    if (o.state !== 'SUCCESS' && o.state !== 'REFUND') return biz('TRADE_STATE_ERROR', '订单状态错误')
    if (total_fee !== o.totalFee) return biz('PARAM_ERROR', '订单金额或退款金额与之前请求不一致，请核实后再试')
    const ok = (r: PayRefund) => ({
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      sub_mch_id,
      nonce_str: 'refund',
      transaction_id: o.transactionId,
      out_trade_no: o.outTradeNo,
      out_refund_no: r.outRefundNo,
      refund_id: r.refundId,
      refund_fee: r.refundFee,
      total_fee: o.totalFee,
      cash_fee: o.totalFee,
      cash_refund_fee: r.refundFee,
    })
    const same = this.refunds.get(String(out_refund_no))
    if (same) return same.refundFee === refund_fee ? ok(same) : biz('PARAM_ERROR', '订单金额或退款金额与之前请求不一致，请核实后再试')
    if (this.refundFailure) {
      const f = this.refundFailure
      this.refundFailure = null
      return biz(f.err_code, f.err_code_des)
    }
    const refunded = [...this.refunds.values()].filter((r) => r.outTradeNo === o.outTradeNo).reduce((n, r) => n + r.refundFee, 0)
    if (refunded + (refund_fee as number) > o.totalFee) return biz('INVALID_REQUEST', '订单已全额退款')
    const r: PayRefund = {
      outTradeNo: o.outTradeNo,
      outRefundNo: String(out_refund_no),
      refundId: `5030${out_refund_no}`.slice(0, 32),
      totalFee: o.totalFee,
      refundFee: refund_fee as number,
      ...(refund_desc !== undefined ? { refundDesc: String(refund_desc) } : {}),
      ...(env_id ? { envId: String(env_id) } : {}),
      ...(function_name ? { functionName: String(function_name) } : {}),
    }
    this.refunds.set(r.outRefundNo, r)
    o.state = 'REFUND'
    return ok(r)
  }

  /** The payer confirms in WeChat Pay: the order is paid, and this is the notice cloudPay sends the callback function. */
  pay(outTradeNo: string, openid: string) {
    const o = this.orders.get(outTradeNo)
    if (!o) throw new Error(`no order ${outTradeNo}`)
    o.state = 'SUCCESS'
    o.transactionId = `4200${outTradeNo}`.slice(0, 32)
    o.timeEnd = '20261204103000'
    return {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      appid: 'wxdemoappid',
      mchId: '1900000100',
      subMchId: o.subMchId,
      nonceStr: 'notice',
      openid,
      subOpenid: openid,
      isSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: o.totalFee,
      cashFee: o.totalFee,
      feeType: 'CNY',
      transactionId: o.transactionId,
      outTradeNo,
      timeEnd: o.timeEnd,
    }
  }
}

function readPages(dir: string): Set<string> {
  const file = join(dir, 'app.json')
  if (!existsSync(file)) throw new Error(`${file} 不存在：请先运行 npm run build:weapp`)
  const app = JSON.parse(readFileSync(file, 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  return new Set([...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))])
}
