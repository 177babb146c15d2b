import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { api } from '../../services/api'
import { needsSignIn, useLoad } from '../../services/session'
import { AGING_LABELS, RECIPIENT_STATUS_LABELS, type RecipientStatus } from '../../core/bills/types'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import './index.scss'
import { withLargeText } from '../../services/large-text'

const TAG: Record<RecipientStatus, string> = {
  sent: '',
  paid: '',
  pending: 'tag-gray',
  inapp: 'tag-gray',
  no_quota: 'tag-warn',
  failed: 'tag-danger',
  recent: 'tag-gray',
}

/** Each recipient's status now: re-read on show, so pushes delivered and payments made meanwhile appear. */
function Campaign() {
  const id = useRouter().params.id ?? ''
  const c = useLoad(() => api.bills.campaign({ campaignId: id }), [id])
  useDidShow(() => {
    if (!needsSignIn()) c.reload()
  })
  usePullDownRefresh(async () => {
    await c.reload()
    Taro.stopPullDownRefresh()
  })

  if (c.loading && !c.data) return <Loading />
  if (c.error || !c.data) return <ErrorView message={c.error} code={c.errorCode} onRetry={c.reload} />
  const d = c.data
  const count = (s: RecipientStatus) => d.recipients.filter((r) => r.status === s).length
  return (
    <View className='page'>
      <View className='card'>
        <Text className='campaign-title'>{d.building ? `${d.building}栋` : AGING_LABELS[d.band!]} 催缴</Text>
        <Text className='muted'>
          {d.createdByName} · {formatTime(d.createdAt)}
        </Text>
        <View className='campaign-stats'>
          <View className='campaign-stat'>
            <Text className='campaign-num' data-testid='recipients-count'>
              {d.recipients.length}
            </Text>
            <Text className='muted'>提醒住户</Text>
          </View>
          <View className='campaign-stat'>
            <Text className='campaign-num'>{count('paid')}</Text>
            <Text className='muted'>期间已缴清</Text>
          </View>
          <View className='campaign-stat'>
            <Text className='campaign-num'>{d.unreachableHouses}</Text>
            <Text className='muted'>未绑定住户</Text>
          </View>
        </View>
        {d.unreachableHouses > 0 && <Text className='campaign-hint'>{d.unreachableHouses} 户欠费房屋没有绑定小程序，请电话或上门催缴</Text>}
      </View>
      <View className='section-title'>每位住户的送达情况</View>
      {d.recipients.length === 0 ? (
        <View className='card'>
          <Empty title='没有需要提醒的住户' text='该范围内的欠费房屋都没有绑定住户' />
        </View>
      ) : (
        d.recipients.map((r, i) => (
          <View className='card recipient' key={i} data-testid='recipient'>
            <View>
              <Text className='recipient-name'>{r.name}</Text>
              <Text className='muted recipient-house'>
                {r.houseLabel} · 欠 ¥{yuan(r.amount)}
              </Text>
            </View>
            <Text className={`tag ${TAG[r.status]}`} data-testid='recipient-status'>
              {RECIPIENT_STATUS_LABELS[r.status]}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}

export default withLargeText(Campaign)
