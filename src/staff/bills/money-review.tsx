import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { PAY_METHOD_LABELS } from '../../core/bills/types'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'
import { ReasonSheet } from '../../components/sheet'
import '../bindings/index.scss'
import './money-review.scss'

type Sheet = { kind: 'refund' | 'reject'; id: string; title: string; text: string }

/**
 * 待退款 (payments that were not credited) and 待复核收款 (desk payments above the threshold), for
 * the staff bills page and one house's page. Only a 客服主任 gets 退款; confirming is anyone's but
 * the recorder's — the server decides both, the buttons only follow what it says (canRefund, mine).
 */
export function MoneyReview({ houseId, refreshKey, onChange }: { houseId?: string; refreshKey?: number; onChange?: () => void }) {
  const filter = houseId ? { houseId } : {}
  const held = useLoad(() => api.bills.heldPayments(filter), [houseId])
  const pending = useLoad(() => api.bills.pendingOffline(filter), [houseId])
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [busy, setBusy] = useState(false)
  const reloadHeld = held.reload
  const reloadPending = pending.reload

  // The page bumps refreshKey on every show (useDidShow), the first one included; 0 is "not shown yet".
  useEffect(() => {
    if (refreshKey === 0 || needsSignIn()) return
    reloadHeld()
    reloadPending()
  }, [reloadHeld, reloadPending, refreshKey])

  const done = async (toast: string) => {
    Taro.showToast({ title: toast, icon: 'none' })
    await Promise.all([reloadHeld(), reloadPending()])
    onChange?.()
  }

  const submitSheet = async (reason: string) => {
    if (!sheet) return
    setBusy(true)
    try {
      if (sheet.kind === 'refund') {
        const r = await api.bills.refund({ orderId: sheet.id, reason })
        setSheet(null)
        await done(r.status === 'refunded' ? `已退款 ¥${r.amountYuan}` : `退款未成功：${r.refund?.error ?? ''}`)
      } else {
        await api.bills.rejectOffline({ entryId: sheet.id, reason })
        setSheet(null)
        await done('已驳回，请将款项退还住户')
      }
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const confirm = async (id: string, what: string) => {
    const { confirm: ok } = await Taro.showModal({ title: '确认收款', content: `已当面核对${what}？确认后账单记为已缴并出具收据。`, confirmText: '确认收款' })
    if (!ok) return
    setBusy(true)
    try {
      const r = await api.bills.confirmOffline({ entryId: id })
      await done(`已确认，收据 ${r.receipt.receiptNo}`)
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const refunds = held.data?.items ?? []
  const entries = pending.data?.items ?? []
  if (!refunds.length && !entries.length) return null

  return (
    <View data-testid='money-review'>
      {refunds.length > 0 && <View className='section-title'>待退款（{refunds.length}）</View>}
      {refunds.map((p) => (
        <View className='card' key={p.orderId} data-testid='held-payment'>
          <View className='row between'>
            <Text className='mr-house'>{p.houseLabel}</Text>
            <Text className='mr-amount'>¥{p.amountYuan}</Text>
          </View>
          <Text className='muted mr-line'>
            {p.reasonText} · {formatTime(p.heldAt)}
          </Text>
          {p.payer && (
            <Text className='muted mr-line'>
              付款人 {p.payer.name} {p.payer.phone}
            </Text>
          )}
          {p.refund?.error && <Text className='field-error mr-line'>上次退款未成功：{p.refund.error}</Text>}
          <View className='row between mr-foot'>
            <Text className={`tag ${p.status === 'refund_failed' ? 'tag-danger' : 'tag-warn'}`}>{p.statusText}</Text>
            {p.canRefund && (
              <Button
                className='btn btn-primary btn-small'
                disabled={busy || undefined}
                onClick={() =>
                  setSheet({
                    kind: 'refund',
                    id: p.orderId,
                    title: `退款 ¥${p.amountYuan} 给付款人`,
                    text: p.reason === 'duplicate' ? '重复缴费，原路退回' : '付款未入账，原路退回',
                  })
                }
                data-testid='refund'
              >
                {p.status === 'refund_failed' ? '重试退款' : '退款'}
              </Button>
            )}
          </View>
        </View>
      ))}

      {entries.length > 0 && <View className='section-title'>待复核收款（{entries.length}）</View>}
      {entries.map((e) => (
        <View className='card' key={e.id} data-testid='pending-offline'>
          <View className='row between'>
            <Text className='mr-house'>{e.houseLabel}</Text>
            <Text className='mr-amount'>¥{yuan(e.amount)}</Text>
          </View>
          <Text className='muted mr-line'>
            {PAY_METHOD_LABELS[e.method]} · {e.lines.map((l) => `${l.itemName} ${l.periodLabel}`).join('、')}
          </Text>
          <Text className='muted mr-line'>
            {e.recordedByName} 登记于 {formatTime(e.createdAt)}
            {e.note ? ` · ${e.note}` : ''}
          </Text>
          {e.settledElsewhere && <Text className='field-error mr-line'>账单已通过微信支付缴清，请驳回并将款项退还住户</Text>}
          <View className='review-actions'>
            {e.mine ? (
              <Text className='muted'>待其他同事复核</Text>
            ) : (
              <>
                <Button
                  className='btn btn-ghost btn-small'
                  disabled={busy || undefined}
                  onClick={() => setSheet({ kind: 'reject', id: e.id, title: `驳回 ${e.houseLabel} ¥${yuan(e.amount)}`, text: '' })}
                  data-testid='reject-offline'
                >
                  驳回
                </Button>
                {!e.settledElsewhere && (
                  <Button
                    className='btn btn-primary btn-small'
                    disabled={busy || undefined}
                    onClick={() => confirm(e.id, `${PAY_METHOD_LABELS[e.method]} ¥${yuan(e.amount)}`)}
                    data-testid='confirm-offline'
                  >
                    确认
                  </Button>
                )}
              </>
            )}
          </View>
        </View>
      ))}

      {sheet && (
        <ReasonSheet
          testid='money'
          title={sheet.title}
          hint={sheet.kind === 'refund' ? '款项将通过微信支付原路退回，并通知付款人；原因记入操作记录' : '驳回后账单恢复待缴；原因记入操作记录'}
          placeholder={sheet.kind === 'refund' ? '退款原因' : '驳回原因，如：金额点错、已改为微信缴费'}
          initial={sheet.text}
          maxLength={100}
          busy={busy}
          submit={sheet.kind === 'refund' ? '确认退款' : '确认驳回'}
          onClose={() => setSheet(null)}
          onSubmit={submitSheet}
        />
      )}
    </View>
  )
}
