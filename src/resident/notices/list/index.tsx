import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../../services/api'
import { needsSignIn, useLoad } from '../../../services/session'
import { NOTICE_CATEGORY_LABELS } from '../../../core/notices/types'
import { formatTime } from '../../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../../components/page-state'
import { categoryTag, STATE_LABELS, stateTag } from '../labels'
import '../parts.scss'
import { go } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

function NoticeList() {
  const list = useLoad(() => api.notices.list({ limit: 50 }), [])
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  const d = list.data
  if (!d && list.error) return <ErrorView message={list.error} onRetry={list.reload} />
  if (!d) return <Loading />
  return (
    <View className='page' data-testid='notice-list'>
      {d.items.length === 0 && (
        <View className='card'>
          <Empty title='暂无公告' text='停水停电、社区活动等通知会显示在这里' />
        </View>
      )}
      {d.items.map((n) => (
        <View key={n.id} className='card nt-item' onClick={() => go('notice', { id: n.id })} data-testid='notice-item'>
          <View className='nt-head'>
            <Text className={categoryTag(n.category)}>{NOTICE_CATEGORY_LABELS[n.category]}</Text>
            {n.pinned && <Text className='tag'>置顶</Text>}
            {n.outage && <Text className={stateTag(n.outage.state)}>{STATE_LABELS[n.outage.state]}</Text>}
            <Text className='nt-title'>{n.title}</Text>
            {!n.read && <View className='nt-dot' data-testid='unread-dot' />}
          </View>
          {n.outage ? <Text className='nt-line'>{n.outage.line}</Text> : <Text className='muted'>{n.excerpt}</Text>}
          <Text className='muted'>{formatTime(n.publishAt)}</Text>
        </View>
      ))}
    </View>
  )
}

export default withLargeText(NoticeList)
