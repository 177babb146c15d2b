import * as z from '../../src/core/shared/zod'
import type { Deps, Identity } from '../lib/runtime/deps'
import { creditOrder } from '../lib/bills/credit'

/** What cloudPay sends to the callback function (the fields we rely on; it sends more). */
export const PayNotice = z.object({
  returnCode: z.string(),
  resultCode: z.optional(z.string()),
  outTradeNo: z.string().check(z.minLength(1), z.maxLength(32)),
  totalFee: z.optional(z.number().check(z.int())),
  transactionId: z.optional(z.string()),
})

/** WeChat Pay's refund notice carries the refund's fields (or, undecrypted, req_info); a payment notice never does. */
const isRefundNotice = (e: unknown) => typeof e === 'object' && e !== null && ['outRefundNo', 'refundStatus', 'reqInfo'].some((k) => k in e)

/** The one answer that stops WeChat's retries; anything else is retried for a day or two. */
export const ACK = { errcode: 0, errmsg: 'OK' } as const
const RETRY = (errmsg: string) => ({ errcode: 1, errmsg })

/**
 * The payment callback. It is not a contract action: WeChat Pay calls it (SOURCE wx_paycallback)
 * with no OPENID and no {action, data}. Anyone can call a cloud function from a client, so the
 * notice itself is never believed: any other source is refused outright, and the payment is
 * confirmed with WeChat Pay (queryOrder) before a fen is credited. On the local host only the dev
 * pay route calls this, after marking its simulated order paid.
 */
export async function handlePayNotice(event: unknown, identity: Identity, deps: Deps): Promise<{ errcode: number; errmsg: string }> {
  if (identity.source !== 'payment' || identity.openid) return RETRY('forbidden')
  if (isRefundNotice(event)) {
    // cloudPay.refund names this function for the refund's outcome. The refund is already recorded
    // when WeChat Pay accepted it (bills.refund); a refund notice never credits a fen.
    console.error('[payCallback] refund notice acknowledged')
    return ACK
  }
  const parsed = z.safeParse(PayNotice, event)
  if (!parsed.success) {
    console.error('[payCallback] malformed notice')
    return ACK
  }
  const n = parsed.data
  // Only success notices carry money; a failed one needs nothing from us (the order stays open
  // and the scheduler closes it), and answering OK stops the repeats.
  if (n.returnCode !== 'SUCCESS' || n.resultCode !== 'SUCCESS' || n.totalFee === undefined) {
    console.error(`[payCallback] ${n.outTradeNo} not a success notice (${n.returnCode}/${n.resultCode ?? '-'})`)
    return ACK
  }
  let q: Awaited<ReturnType<Deps['payments']['queryOrder']>>
  try {
    q = await deps.payments.queryOrder(n.outTradeNo)
  } catch {
    return RETRY('queryOrder failed') // WeChat will notify again; nothing was credited.
  }
  if (q.state !== 'paid' || q.totalFee !== n.totalFee) {
    // Not what WeChat Pay itself says: credit nothing. A real payment is still found and
    // credited by the scheduler's order check, from queryOrder's own figures.
    console.error(`[payCallback] ${n.outTradeNo} refused: queryOrder says ${q.state}, ${q.totalFee ?? '-'} fen; notice ${n.totalFee} fen`)
    return ACK
  }
  // creditOrder checks the amount once more against the order and its bills.
  await creditOrder(deps, n.outTradeNo, { totalFee: q.totalFee, transactionId: q.transactionId ?? n.transactionId })
  return ACK
}
