import { View, Text, Button, Input } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad, useMe } from '../../services/session'
import { BILL_STATUS_LABELS, PAY_METHOD_LABELS } from '../../core/bills/types'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { ReasonSheet } from '../../components/sheet'
import '../bindings/index.scss'
import { parseYuan } from '../../core/shared/money'
import { MoneyReview } from '../bills/money-review'
import './index.scss'
import { withLargeText } from '../../services/large-text'
import { go } from '../../services/nav'

/** One house at the front desk: take cash or a transfer with a receipt; 客服主任 waive or adjust with a reason. */
function HouseBills() {
  const houseId = useRouter().params.houseId ?? ''
  const { me } = useMe()
  const data = useLoad(() => api.bills.houseBills({ houseId }), [houseId])
  const [picked, setPicked] = useState<string[]>([])
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash')
  const [adjusting, setAdjusting] = useState<{ id: string; amount: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(0)
  const supervisor = me?.staff?.roles.includes('supervisor')

  useDidShow(() => {
    if (needsSignIn()) return
    data.reload()
    setShown((n) => n + 1)
  })

  const collect = async () => {
    setBusy(true)
    try {
      const r = await api.bills.recordOffline({ billIds: picked, method })
      setPicked([])
      await data.reload()
      setShown((n) => n + 1)
      if ('pending' in r) {
        // Above the review threshold: nothing is credited until a colleague confirms it.
        Taro.showModal({
          title: '已登记，待复核',
          content: `¥${yuan(r.entry.amount)}（${PAY_METHOD_LABELS[r.entry.method]}）超过复核金额，需另一位同事在「待复核收款」确认后才记为已缴并出具收据。`,
          showCancel: false,
        })
      } else {
        Taro.showModal({ title: '收款成功', content: `已收 ¥${yuan(r.amount)}（${PAY_METHOD_LABELS[r.method]}），收据编号 ${r.receiptNo}`, showCancel: false })
      }
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const saveAdjust = async (reason: string) => {
    if (!adjusting) return
    const amount = parseYuan(adjusting.amount)
    if (amount === null) return Taro.showToast({ title: '请填写金额（元），最多两位小数', icon: 'none' })
    setBusy(true)
    try {
      await api.bills.adjust({ billId: adjusting.id, amount, reason })
      setAdjusting(null)
      Taro.showToast({ title: '已调整', icon: 'success' })
      data.reload()
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (data.loading && !data.data) return <Loading />
  if (data.error || !data.data) return <ErrorView message={data.error} code={data.errorCode} onRetry={data.reload} />
  const d = data.data
  const unpaid = d.bills.filter((b) => b.status === 'unpaid')
  const total = unpaid.filter((b) => picked.includes(b.id)).reduce((s, b) => s + b.payable, 0)

  return (
    <View className='page'>
      <View className='card'>
        <View className='row between'>
          <Text className='review-house'>{d.label}</Text>
          <Text className='link' onClick={() => go('staffHouse', { houseId })} data-testid='hb-house-file'>
            一户一档 ›
          </Text>
        </View>
        <Text className='muted hb-sub'>
          待缴 {unpaid.length} 笔，共 ¥{yuan(unpaid.reduce((s, b) => s + b.payable, 0))}
        </Text>
      </View>
      {d.bills.length === 0 && (
        <View className='card'>
          <Empty title='该户还没有账单' />
        </View>
      )}
      {d.bills.map((b) => (
        <View className='card' key={b.id} data-testid='staff-bill'>
          <View
            className='row between'
            onClick={() =>
              b.status === 'unpaid' && !b.offlinePending && setPicked(picked.includes(b.id) ? picked.filter((x) => x !== b.id) : [...picked, b.id])
            }
          >
            <Text className='hb-name'>
              {b.status === 'unpaid' && !b.offlinePending && (
                <Text className={`hb-check ${picked.includes(b.id) ? 'hb-check-on' : ''}`}>{picked.includes(b.id) ? '✓' : ''}</Text>
              )}
              {b.itemName}
              {b.target ? ` · ${b.target}` : ''} · {b.periodLabel}
            </Text>
            <Text className='hb-amount'>¥{yuan(b.payable)}</Text>
          </View>
          <Text className='muted hb-sub'>
            {b.basis} · 到期 {b.dueDate}
            {b.status === 'unpaid' && b.overdueDays > 0 ? ` · 逾期 ${b.overdueDays} 天` : ''}
          </Text>
          <View className='row between hb-foot'>
            <Text className={`tag ${b.status === 'unpaid' ? 'tag-warn' : b.status === 'paid' ? '' : 'tag-gray'}`}>
              {b.offlinePending ? '收款待复核' : BILL_STATUS_LABELS[b.status]}
            </Text>
            {b.status === 'paid' && (
              <Text className='muted'>
                {b.paidVia ? PAY_METHOD_LABELS[b.paidVia] : ''} · 收据 {b.receiptNo}
              </Text>
            )}
            {b.status === 'unpaid' && !b.offlinePending && supervisor && (
              <Text className='link' onClick={() => setAdjusting({ id: b.id, amount: yuan(b.amount) })} data-testid='adjust'>
                减免/调整
              </Text>
            )}
          </View>
          {b.adjustments?.map((a, i) => (
            <Text key={i} className='hb-audit'>
              {formatTime(a.at)} {a.byName} 将 ¥{yuan(a.from)} 调整为 ¥{yuan(a.to)}：{a.reason}
            </Text>
          ))}
        </View>
      ))}

      <MoneyReview houseId={houseId} refreshKey={shown} onChange={data.reload} />

      {unpaid.length > 0 && (
        <View className='card'>
          <Text className='card-title'>登记线下收款</Text>
          <View className='chips'>
            {(['cash', 'transfer'] as const).map((m) => (
              <View key={m} className={`chip ${method === m ? 'chip-active' : ''}`} onClick={() => setMethod(m)}>
                {PAY_METHOD_LABELS[m]}
              </View>
            ))}
          </View>
          <Button className='btn btn-primary btn-block hb-collect' disabled={!picked.length || busy || undefined} onClick={collect} data-testid='collect'>
            {picked.length ? `收款 ¥${yuan(total)}（${picked.length} 笔）` : '请先勾选要收款的账单'}
          </Button>
        </View>
      )}

      {adjusting && (
        <ReasonSheet
          testid='adjust'
          title='减免或调整金额'
          hint='填 0 即全额减免；原因会记入账单的调整记录，并通知住户'
          placeholder='调整原因，如：空置房减免、面积复核'
          maxLength={100}
          busy={busy}
          submit='确认调整'
          onClose={() => setAdjusting(null)}
          onSubmit={saveAdjust}
        >
          <Input
            className='field-input hb-input'
            type='digit'
            value={adjusting.amount}
            onInput={(e) => setAdjusting({ ...adjusting, amount: e.detail.value })}
            data-testid='adjust-amount'
          />
        </ReasonSheet>
      )}
    </View>
  )
}

export default withLargeText(HouseBills)
