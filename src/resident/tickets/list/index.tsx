import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../services/api'
import { usePagedList } from '../../../services/use-paged-list'
import { CATEGORY_LABELS, EMERGENCY_LABELS, TYPE_LABELS } from '../../../core/tickets/types'
import { formatTime } from '../../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../../components/page-state'
import { StatusTag } from '../../../components/ticket-parts'
import './index.scss'
import { go } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

function MyTickets() {
  const [open, setOpen] = useState(false)
  const list = usePagedList((offset, limit) => api.tickets.mine({ offset, limit, ...(open ? { open: true } : {}) }), [open])
  const switchTo = (o: boolean) => setOpen(o)

  const d = list.data
  return (
    <View className='page'>
      <View className='tl-tabs'>
        {[false, true].map((o) => (
          <View key={String(o)} className={`tl-tab ${open === o ? 'tl-tab-active' : ''}`} onClick={() => switchTo(o)} data-testid={o ? 'tab-open' : 'tab-all'}>
            {o ? '进行中' : '全部'}
          </View>
        ))}
      </View>
      {list.loading && !d ? (
        <Loading />
      ) : list.error && !d ? (
        <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
      ) : !d || d.items.length === 0 ? (
        <View className='card'>
          <Empty
            title={open ? '没有进行中的工单' : '还没有报过事'}
            text='家里有东西坏了、有意见或建议，都可以告诉我们'
            action={
              <View className='btn btn-primary btn-small' onClick={() => go('report')}>
                去报事
              </View>
            }
          />
        </View>
      ) : (
        <>
          {d.items.map((t) => (
            <View key={t.id} className='card tl-item' onClick={() => go('ticket', { id: t.id })} data-testid='ticket-item'>
              <View className='row between'>
                <View className='row'>
                  <Text className='tl-type'>
                    {TYPE_LABELS[t.type]} · {CATEGORY_LABELS[t.category]}
                  </Text>
                  {t.emergency && <Text className='tag tag-danger'>{EMERGENCY_LABELS[t.emergency]}</Text>}
                </View>
                <StatusTag t={t} />
              </View>
              <Text className='tl-desc'>{t.description}</Text>
              <Text className='tl-promise' data-testid='promise'>
                {t.promise}
              </Text>
              <View className='row between tl-foot'>
                <Text className='muted'>{t.place}</Text>
                <Text className='muted'>{formatTime(t.createdAt, 'MM-DD HH:mm')}</Text>
              </View>
            </View>
          ))}
          {list.hasMore && <Text className='muted tl-more'>{list.loadingMore ? '加载中…' : '上拉加载更多'}</Text>}
        </>
      )}
    </View>
  )
}

export default withLargeText(MyTickets)
