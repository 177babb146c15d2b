import { View, Text, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { api } from '../../../services/api'
import { needsSignIn, useLoad } from '../../../services/session'
import { PAY_METHOD_LABELS } from '../../../core/bills/types'
import { yuan } from '../../../core/shared/money'
import { formatTime } from '../../../core/shared/time'
import { ErrorView, Loading } from '../../../components/page-state'
import './index.scss'
import { go } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

/** An electronic receipt. Opened from the bills page or from a 缴费成功 message, so it offers a way home. */
function Receipt() {
  const no = useRouter().params.no ?? ''
  const r = useLoad(() => api.bills.receipt({ receiptNo: no }), [no])
  useEffect(() => {
    if (!needsSignIn()) r.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [no])

  if (r.loading && !r.data) return <Loading />
  if (r.error || !r.data) return <ErrorView message={r.error || '没有找到这张收据'} code={r.error ? r.errorCode : 'NOT_FOUND'} onRetry={r.reload} />
  const d = r.data
  return (
    <View className='page'>
      <View className='card receipt' data-testid='receipt'>
        <Text className='receipt-title'>{d.communityName} · 物业服务收费收据</Text>
        <Text className='receipt-no' data-testid='receipt-no'>
          收据编号 {d.receiptNo}
        </Text>
        <View className='receipt-lines'>
          {d.lines.map((l) => (
            <View className='receipt-line' key={l.billId}>
              <View>
                <Text className='receipt-item'>{l.itemName}</Text>
                <Text className='muted receipt-sub'>
                  {l.label} · {l.periodLabel}
                </Text>
              </View>
              <Text>¥{yuan(l.amount)}</Text>
            </View>
          ))}
        </View>
        <View className='receipt-total'>
          <Text>合计</Text>
          <Text className='receipt-amount' data-testid='receipt-amount'>
            ¥{yuan(d.amount)}
          </Text>
        </View>
        <View className='receipt-meta'>
          <Text className='muted'>收款方式：{PAY_METHOD_LABELS[d.method]}</Text>
          <Text className='muted'>收款时间：{formatTime(d.createdAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
          {d.transactionId && <Text className='muted'>交易单号：{d.transactionId}</Text>}
          {d.note && <Text className='muted'>备注：{d.note}</Text>}
        </View>
        <View className='receipt-stamp'>已收款</View>
      </View>
      <Button className='btn btn-ghost btn-block' onClick={() => go('bills')}>
        返回账单
      </Button>
    </View>
  )
}

export default withLargeText(Receipt)
