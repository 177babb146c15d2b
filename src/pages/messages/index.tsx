import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { usePagedList } from '../../services/use-paged-list'
import { refreshUnreadBadge } from '../../services/badge'
import { formatTime, shanghaiDayStart } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { openLink } from '../../services/nav'
import './index.scss'
import { withLargeText } from '../../services/large-text'

/** 14:30 today, 昨天 09:12, 11-24 18:00 before that. */
function when(t: number, now: number) {
  const days = (shanghaiDayStart(now) - shanghaiDayStart(t)) / 86400_000
  if (days === 0) return formatTime(t, 'HH:mm')
  if (days === 1) return `昨天 ${formatTime(t, 'HH:mm')}`
  return formatTime(t, formatTime(t, 'YYYY') === formatTime(now, 'YYYY') ? 'MM-DD HH:mm' : 'YYYY-MM-DD')
}

function Messages() {
  const list = usePagedList((offset, limit) => api.account.messages({ offset, limit }))

  const d = list.data
  const unread = d?.unread
  useEffect(() => {
    if (unread !== undefined) refreshUnreadBadge(unread)
  }, [unread])

  if (list.loading && !d) return <Loading />
  if (list.error && !d) return <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
  if (!d) return null

  const open = async (m: (typeof d.items)[number]) => {
    if (!m.read) {
      list.setData({ ...d, unread: Math.max(0, d.unread - 1), items: d.items.map((x) => (x.id === m.id ? { ...x, read: true } : x)) })
      api.account.markRead({ ids: [m.id] }).catch(() => undefined)
    }
    if (m.page) openLink(m.page)
  }

  const readAll = async () => {
    try {
      await api.account.markRead({ all: true })
      list.setData({ ...d, unread: 0, items: d.items.map((x) => ({ ...x, read: true })) })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  const now = Date.now()
  return (
    <View className='page msgs'>
      <View className='section-title row between msgs-head'>
        <Text data-testid='unread-count'>{d.unread ? `${d.unread} 条未读` : '全部已读'}</Text>
        {d.unread > 0 && (
          <Text className='msgs-readall' onClick={readAll} data-testid='read-all'>
            全部已读
          </Text>
        )}
      </View>
      {d.items.length === 0 ? (
        <View className='card'>
          <Empty title='暂时没有消息' text='报事进度、审核结果、停水停电通知都会出现在这里' />
        </View>
      ) : (
        <View className='card msgs-list'>
          {d.items.map((m) => (
            <View key={m.id} className={`msg ${m.read ? 'msg-read' : ''}`} onClick={() => open(m)} data-testid='message-item'>
              {!m.read && <View className='msg-dot' data-testid='unread-dot' />}
              <View className='msg-body'>
                <View className='row between'>
                  <Text className='msg-title'>{m.title}</Text>
                  <Text className='msg-time'>{when(m.createdAt, now)}</Text>
                </View>
                <Text className='msg-text'>{m.body}</Text>
              </View>
              {m.page && <Text className='msg-arrow'>›</Text>}
            </View>
          ))}
          {list.hasMore && <Text className='muted msgs-more'>{list.loadingMore ? '加载中…' : '上拉加载更多'}</Text>}
        </View>
      )}
    </View>
  )
}

export default withLargeText(Messages)
