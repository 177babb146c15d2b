import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { PayOrderDoc } from '../../../src/core/bills/types'
import { OPEN_HELD, REFUND_DESC, refundedMessage, refundNo, refundRefusal } from '../../../src/core/bills/refunds'
import { yuan } from '../../../src/core/shared/money'
import { AppError } from '../../../src/core/shared/errors'
import type { RefundResult } from '../../lib/ports/payments'
import { officeScope } from '../../lib/runtime/scope'
import { notify } from '../../lib/outbox/notify'
import { auditChange } from '../../lib/runtime/audit'
import { heldView, orderInScope, withPlace } from '../../lib/bills/money-views'
import { pageUrl } from '../../../src/core/shared/pages'

export const heldPayments: Handler<typeof billsContract.heldPayments> = async (ctx, { state, houseId }) => {
  const { communityId } = officeScope(ctx)
  const orders = await ctx.store.c.payOrders.find({
    where: { communityId, status: state === 'open' ? { $in: [...OPEN_HELD] } : 'refunded' },
    orderBy: [['updatedAt', 'desc']],
    limit: 100,
  })
  const placed = await Promise.all(orders.map((o) => withPlace(ctx, o)))
  const mine = placed.filter((o) => orderInScope(ctx, o) && (!houseId || o.houseIds?.includes(houseId)))
  return { items: await Promise.all(mine.map((o) => heldView(ctx, o))) }
}

/**
 * Three steps, because a refund is a call to WeChat Pay that no transaction can undo: claim the
 * order (refunding) — only one caller wins, and a refused call writes nothing; ask WeChat Pay
 * under the order's one refund number; settle (refunded, or refund_failed with WeChat Pay's
 * words) with the audit record and the payer's message in the same transaction.
 */
export const refund: Handler<typeof billsContract.refund> = async (ctx, { orderId, reason }) => {
  const first = await ctx.store.c.payOrders.get(orderId)
  if (!first) throw new AppError('NOT_FOUND', '付款记录不存在')
  // Only an order held before it kept its place needs its bills read, and not inside the transaction.
  const place = await withPlace(ctx, first)
  const claim = await ctx.store.transaction(async (tx) => {
    const found = await tx.c.payOrders.get(orderId)
    if (!found) throw new AppError('NOT_FOUND', '付款记录不存在')
    const o: PayOrderDoc = {
      ...found,
      houseIds: found.houseIds ?? place.houseIds,
      houseLabel: found.houseLabel ?? place.houseLabel,
      buildings: found.buildings ?? place.buildings,
    }
    if (o.communityId !== officeScope(ctx).communityId) throw new AppError('FORBIDDEN', '无权处理其他小区的事务')
    if (!orderInScope(ctx, o)) throw new AppError('FORBIDDEN', '该楼栋不在您的管辖范围')
    const refusal = refundRefusal(o, ctx.now)
    if (refusal) throw new AppError('INVALID_STATE', refusal)
    const fee = o.paidFee ?? o.totalFee
    const claimed: PayOrderDoc = {
      ...o,
      status: 'refunding',
      refund: {
        outRefundNo: refundNo(o._id),
        fee,
        reason,
        by: ctx.openid,
        byName: ctx.user?.staff?.name ?? '',
        at: ctx.now,
        attempts: (o.refund?.attempts ?? 0) + 1,
      },
      updatedAt: ctx.now,
    }
    await tx.c.payOrders.set(claimed)
    return { was: found.status, order: claimed }
  })

  const o = claim.order
  const r = o.refund!
  let result: RefundResult
  try {
    result = await ctx.payments.refund({
      outTradeNo: o._id,
      outRefundNo: r.outRefundNo,
      totalFee: r.fee,
      refundFee: r.fee,
      desc: REFUND_DESC[o.heldReason ?? 'duplicate'],
    })
  } catch (e) {
    // Unreachable or timed out: WeChat Pay may or may not have it. A retry under the same number settles it either way.
    console.error(`[refund] ${o._id} ${e instanceof Error ? e.message : String(e)}`)
    result = { ok: false, error: '暂时无法连接微信支付，请稍后重试' }
  }

  const settled = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.payOrders.get(o._id)
    // Someone took over a stale claim meanwhile: theirs settles it.
    if (!cur || cur.status !== 'refunding' || cur.refund?.at !== r.at || cur.refund.by !== r.by) return cur ?? o
    const next: PayOrderDoc = result.ok
      ? { ...o, status: 'refunded', refund: { ...r, refundId: result.refundId, refundedAt: ctx.now }, updatedAt: ctx.now }
      : { ...o, status: 'refund_failed', refund: { ...r, error: result.error }, updatedAt: ctx.now }
    await tx.c.payOrders.set(next)
    await auditChange(tx, ctx, o.communityId, {
      kind: 'refund',
      summary: result.ok
        ? `${o.houseLabel} 退款 ¥${yuan(r.fee)}（订单 ${o._id}）：${reason}`
        : `${o.houseLabel} 退款 ¥${yuan(r.fee)} 未成功（订单 ${o._id}）：${result.error}`,
      before: { orderId: o._id, status: claim.was, amount: r.fee },
      after: {
        orderId: o._id,
        status: next.status,
        outRefundNo: r.outRefundNo,
        reason,
        ...(result.ok ? { refundId: result.refundId } : { error: result.error }),
      },
    })
    if (result.ok) await notify(tx, ctx.now, { openid: o.openid, ...refundedMessage(r.fee, o.houseLabel || '您的房屋'), page: pageUrl('bills') })
    return next
  })
  return heldView(ctx, settled)
}
