import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FieldKind } from '../../../cloudfunctions/lib/templates'

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
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED'
  transactionId?: string
  timeEnd?: string
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
    const { touser, template_id: templateId, page, data } = req as { touser?: string; template_id?: string; page?: string; data?: Record<string, { value?: unknown }> }
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
      if (existing && existing.totalFee !== total_fee) return { return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'INVALID_REQUEST', err_code_des: '201 商户订单号重复' }
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
    return fail(`stand-in: cloudPay.${api} is not used by this product`)
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
