import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { requestPayment } from '../../services/backend'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { askSubscribe, preloadTemplates } from '../../services/subscribe'
import { BILL_STATUS_LABELS, PAY_METHOD_LABELS } from '../../core/bills/types'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'
import type { Output } from '../../core/shared/contract'
import type { billsContract } from '../../core/bills/contracts'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { openBillDispute } from './dispute'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

type Bill = Output<typeof billsContract.myBills>['houses'][number]['bills'][number]

const dueText = (b: Bill) =>
  b.overdueDays > 0 ? `已逾期 ${b.overdueDays} 天` : b.overdueDays === 0 ? '今天到期' : b.overdueDays >= -7 ? `${-b.overdueDays} 天后到期` : ''

/** Poll briefly: WeChat's callback usually lands within a second or two of the payment sheet closing. */
async function waitPaid(outTradeNo: string) {
  for (let i = 0; i < 8; i++) {
    const s = await api.bills.orderStatus({ outTradeNo })
    if (s.status === 'paid') return s.receiptNo
    if (s.status !== 'created') return null
    await new Promise((r) => setTimeout(r, 700))
  }
  return null
}

function Bills() {
  const bills = useLoad(() => api.bills.myBills())
  const history = useLoad(() => api.bills.history({ limit: 30 }))
  const [tab, setTab] = useState<'unpaid' | 'history'>('unpaid')
  const [picked, setPicked] = useState<string[] | null>(null)
  const [paying, setPaying] = useState(false)

  useDidShow(() => {
    if (needsSignIn()) return
    bills.reload()
    history.reload()
    preloadTemplates(['paymentReceipt', 'billReminder'])
  })
  usePullDownRefresh(async () => {
    await Promise.all([bills.reload(), history.reload()])
    Taro.stopPullDownRefresh()
  })

  if (bills.loading && !bills.data) return <Loading />
  if (bills.error && !bills.data) return <ErrorView message={bills.error} code={bills.errorCode} onRetry={bills.reload} />
  const data = bills.data!
  const all = data.houses.flatMap((h) => h.bills)
  // Nothing picked by hand yet: everything is selected, so "缴费" pays all.
  const selected = picked ?? all.map((b) => b.id)
  const total = all.filter((b) => selected.includes(b.id)).reduce((s, b) => s + b.payable, 0)
  const toggle = (id: string) => setPicked(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id])

  const pay = async () => {
    if (!selected.length || paying) return
    // The subscribe panel may only open from the tap itself: ask first.
    await askSubscribe(['paymentReceipt', 'billReminder'])
    setPaying(true)
    try {
      const order = await api.bills.createOrder({ billIds: selected })
      if (!(await requestPayment(order))) return
      const receiptNo = await waitPaid(order.outTradeNo)
      setPicked(null)
      await Promise.all([bills.reload(), history.reload()])
      if (receiptNo) {
        Taro.showToast({ title: '缴费成功', icon: 'success' })
        go('receipt', { no: receiptNo })
      } else Taro.showToast({ title: '支付结果确认中，请稍后刷新', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
      bills.reload()
    } finally {
      setPaying(false)
    }
  }

  return (
    <View className='page bills'>
      <View className='bills-hero'>
        <Text className='bills-hero-label'>待缴总额（元）</Text>
        <Text className='bills-hero-total' data-testid='unpaid-total'>
          {yuan(data.unpaidTotal)}
        </Text>
        <Text className='bills-hero-note'>{all.length ? `共 ${all.length} 笔待缴` : '全部缴清，感谢您的支持'}</Text>
      </View>

      <View className='bills-tabs'>
        <Text className={`bills-tab ${tab === 'unpaid' ? 'bills-tab-on' : ''}`} onClick={() => setTab('unpaid')} data-testid='tab-unpaid'>
          待缴账单
        </Text>
        <Text className={`bills-tab ${tab === 'history' ? 'bills-tab-on' : ''}`} onClick={() => setTab('history')} data-testid='tab-history'>
          缴费记录
        </Text>
      </View>

      {tab === 'unpaid' ? (
        data.houses.length === 0 ? (
          <View className='card'>
            <Empty
              title='还没有绑定房屋'
              text='绑定房屋后即可查看和缴纳物业账单'
              action={
                <Button className='btn btn-primary btn-small' onClick={() => go('bind')}>
                  绑定房屋
                </Button>
              }
            />
          </View>
        ) : (
          data.houses.map((h) => (
            <View key={h.houseId}>
              <View className='section-title row between'>
                <Text>{h.label}</Text>
                <Text>待缴 ¥{yuan(h.unpaidTotal)}</Text>
              </View>
              {h.bills.length === 0 ? (
                <View className='card'>
                  <Empty title='本户暂无待缴账单' />
                </View>
              ) : (
                h.bills.map((b) => (
                  <View className='card bill' key={b.id} data-testid='bill-item' onClick={() => toggle(b.id)}>
                    <View className={`bill-check ${selected.includes(b.id) ? 'bill-check-on' : ''}`}>{selected.includes(b.id) ? '✓' : ''}</View>
                    <View className='bill-main'>
                      <View className='row between'>
                        <Text className='bill-name'>
                          {b.itemName}
                          {b.target ? ` · ${b.target}` : ''}
                        </Text>
                        <Text className='bill-amount' data-testid='bill-amount'>
                          ¥{yuan(b.payable)}
                        </Text>
                      </View>
                      <Text className='bill-basis' data-testid='bill-basis'>
                        {b.periodLabel} · {b.basis}
                      </Text>
                      <View className='row between bill-foot'>
                        <Text className='muted'>
                          到期日 {b.dueDate}
                          {dueText(b) && <Text className={`tag ${b.overdueDays > 0 ? 'tag-danger' : 'tag-warn'}`}>{dueText(b)}</Text>}
                        </Text>
                        <Text
                          className='bill-dispute'
                          onClick={(e) => {
                            e.stopPropagation()
                            openBillDispute(b)
                          }}
                        >
                          {b.disputeTicketId ? '查看疑问进度 ›' : '对账单有疑问'}
                        </Text>
                      </View>
                    </View>
                  </View>
                ))
              )}
            </View>
          ))
        )
      ) : history.loading && !history.data ? (
        <Loading />
      ) : history.error ? (
        <ErrorView message={history.error} onRetry={history.reload} />
      ) : !history.data?.items.length ? (
        <View className='card'>
          <Empty title='还没有缴费记录' />
        </View>
      ) : (
        history.data.items.map((b) => (
          <View className='card bill-paid' key={b.id} data-testid='history-item'>
            <View className='row between'>
              <Text className='bill-name'>
                {b.houseLabel} · {b.itemName}
              </Text>
              <Text className={`tag ${b.status === 'paid' ? '' : 'tag-gray'}`}>{BILL_STATUS_LABELS[b.status]}</Text>
            </View>
            <View className='row between bill-foot'>
              <Text className='muted'>
                {b.periodLabel}
                {b.paidAt ? ` · ${formatTime(b.paidAt)} ${b.paidVia ? PAY_METHOD_LABELS[b.paidVia] : ''}` : ''}
              </Text>
              <Text className='bill-amount'>¥{yuan(b.payable)}</Text>
            </View>
            {b.receiptNo && (
              <View className='bill-receipt' onClick={() => go('receipt', { no: b.receiptNo! })} data-testid='receipt-link'>
                <Text>电子收据 {b.receiptNo}</Text>
                <Text>查看 ›</Text>
              </View>
            )}
          </View>
        ))
      )}

      {tab === 'unpaid' && all.length > 0 && (
        <View className='bills-bar'>
          <View className='bills-bar-sum'>
            <Text className='muted'>已选 {selected.length} 笔，合计</Text>
            <Text className='bills-bar-total' data-testid='selected-total'>
              ¥{yuan(total)}
            </Text>
          </View>
          <Button className='btn btn-primary btn-small bills-pay' disabled={!selected.length || paying || undefined} onClick={pay} data-testid='pay'>
            {paying ? '支付中…' : '立即缴费'}
          </Button>
        </View>
      )}
    </View>
  )
}

export default withLargeText(Bills)
