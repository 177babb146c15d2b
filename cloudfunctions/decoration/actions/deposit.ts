import { createHash } from 'node:crypto'
import { AppError } from '../../../src/core/shared/errors'
import type { decorationContract } from '../../../src/core/decoration/contracts'
import type { DecorationDoc, DepositRefund } from '../../../src/core/decoration/types'
import { REFUND_CLAIM_MS } from '../../../src/core/bills/refunds'
import { yuan } from '../../../src/core/shared/money'
import type { Handler } from '../../lib/runtime/handler'
import type { RefundResult } from '../../lib/ports/payments'
import type { Tx } from '../../lib/ports/store'
import type { Ctx } from '../../lib/runtime/context'
import { auditChange } from '../../lib/runtime/audit'
import { ownersOf, tellOwners } from '../../lib/decoration/tell'
import { staffDecoration, staffDecorationView } from '../../lib/decoration/views'

/** One out_refund_no per renovation (≤ 64 characters): a retry is the same refund at WeChat Pay, never a second. */
const depositRefundNo = (id: string) => `RD${createHash('sha1').update(id).digest('hex').slice(0, 30)}`

/** The refund settled: the renovation closed, the bill marked returned, the audit record and the owners' message, together. */
async function settle(tx: Tx, ctx: Ctx, d: DecorationDoc, refund: DepositRefund, owners: string[]) {
  const ok = refund.state === 'refunded'
  const next: DecorationDoc = { ...d, refund, status: ok ? 'closed' : d.status, updatedAt: ctx.now }
  await tx.c.decorations.set(next)
  const bill = d.depositBillId ? await tx.c.bills.get(d.depositBillId) : null
  if (ok && bill) await tx.c.bills.set({ ...bill, returned: { amount: refund.amount, at: ctx.now }, updatedAt: ctx.now })
  const deducted = refund.deducted ? `，扣除 ¥${yuan(refund.deducted)}（${refund.reason ?? ''}）` : ''
  await auditChange(tx, ctx, d.communityId, {
    kind: 'decoration',
    summary: ok
      ? `${d.label} 退还装修押金 ¥${yuan(refund.amount)}${deducted}${refund.via === 'offline' ? '（线下退还）' : ''}`
      : `${d.label} 装修押金退还未成功：${refund.error ?? ''}`,
    before: { status: d.status, refund: d.refund?.state },
    after: { status: next.status, refund },
  })
  if (ok)
    await tellOwners(
      tx,
      ctx,
      owners,
      next,
      `装修押金已退还：${d.label}`,
      refund.via === 'wechat'
        ? `¥${yuan(refund.amount)} 已原路退回您的支付账户${deducted}。微信零钱一般 20 分钟内到账，银行卡约 3 个工作日。`
        : `¥${yuan(refund.amount)} 已由物业线下退还${deducted}。`,
    )
  return next
}

/**
 * After the passed 完工验收 the deposit comes back, less a deduction with its reason. Paid over
 * WeChat Pay, it goes back there in three steps, because a refund is a call no transaction can
 * undo: claim (only one caller wins), ask WeChat Pay under the renovation's one refund number,
 * settle. Paid at the desk, the desk records that it handed it back.
 */
export const release: Handler<typeof decorationContract.release> = async (ctx, { id, deducted, reason }) => {
  const first = await staffDecoration(ctx, id)
  if (first.status === 'closed') return staffDecorationView(ctx, first)
  if (first.status !== 'completed') throw new AppError('INVALID_STATE', '完工验收合格后才能退还押金')
  const bill = first.depositBillId ? await ctx.store.c.bills.get(first.depositBillId) : null
  if (!bill || bill.status !== 'paid') throw new AppError('INVALID_STATE', '这笔装修押金没有缴纳记录')
  if (deducted > bill.amount) throw new AppError('INVALID_INPUT', `扣款不能超过押金 ¥${yuan(bill.amount)}`, { deducted: '扣款不能超过押金' })
  if (deducted > 0 && !reason) throw new AppError('INVALID_INPUT', '请写明扣款原因', { reason: '请写明扣款原因' })
  const order = bill.paidVia === 'wechat' && bill.orderId ? await ctx.store.c.payOrders.get(bill.orderId) : null
  const owners = await ownersOf(ctx, first)
  const refund: DepositRefund = {
    amount: bill.amount - deducted,
    deducted,
    ...(deducted && reason ? { reason } : {}),
    via: order ? 'wechat' : 'offline',
    state: 'refunding',
    at: ctx.now,
    byOpenid: ctx.openid,
    byName: ctx.user?.staff?.name ?? '',
  }

  // Nothing to send over WeChat Pay (paid at the desk, or all of it deducted): one transaction.
  if (!order || refund.amount === 0)
    return staffDecorationView(
      ctx,
      await ctx.store.transaction(async (tx) => {
        const cur = await tx.c.decorations.get(id)
        if (!cur || cur.status !== 'completed' || cur.refund?.state === 'refunding') throw new AppError('INVALID_STATE', '押金退还状态已变化，请刷新')
        return settle(tx, ctx, cur, { ...refund, state: 'refunded' }, owners)
      }),
    )

  const claimed = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur || cur.status !== 'completed') throw new AppError('INVALID_STATE', '押金退还状态已变化，请刷新')
    if (cur.refund?.state === 'refunding' && ctx.now - cur.refund.at <= REFUND_CLAIM_MS) throw new AppError('INVALID_STATE', '押金正在退还，请稍后刷新')
    const mine: DepositRefund = { ...refund, outRefundNo: depositRefundNo(cur._id) }
    await tx.c.decorations.set({ ...cur, refund: mine, updatedAt: ctx.now })
    return mine
  })

  let result: RefundResult
  try {
    result = await ctx.payments.refund({
      outTradeNo: order._id,
      outRefundNo: claimed.outRefundNo!,
      totalFee: order.paidFee ?? order.totalFee,
      refundFee: claimed.amount,
      desc: '装修押金退还',
    })
  } catch (e) {
    console.error(`[deposit] ${id} ${e instanceof Error ? e.message : String(e)}`)
    result = { ok: false, error: '暂时无法连接微信支付，请稍后重试' }
  }

  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    // Someone took over a stale claim meanwhile: theirs settles it.
    if (!cur || cur.refund?.at !== claimed.at || cur.refund.byOpenid !== claimed.byOpenid) return cur ?? first
    return settle(
      tx,
      ctx,
      cur,
      result.ok ? { ...claimed, state: 'refunded', refundId: result.refundId } : { ...claimed, state: 'failed', error: result.error },
      owners,
    )
  })
  return staffDecorationView(ctx, d)
}
