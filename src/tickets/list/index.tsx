import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { CATEGORY_LABELS, EMERGENCY_LABELS, TYPE_LABELS } from '../../core/tickets/types'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { StatusTag } from '../../components/ticket-parts'
import './index.scss'
import { go } from '../../services/nav'

const PAGE = 20

export default function MyTickets() {
  const [open, setOpen] = useState(false)
  const list = useLoad(() => api.tickets.mine({ limit: PAGE, ...(open ? { open: true } : {}) }), [open])
  const [more, setMore] = useState(false)

  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(async () => {
    const d = list.data
    if (!d || more || d.items.length >= d.total) return
    setMore(true)
    try {
      const next = await api.tickets.mine({ offset: d.items.length, limit: PAGE, ...(open ? { open: true } : {}) })
      list.setData({ ...next, items: [...d.items, ...next.items] })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setMore(false)
    }
  })

  // The first load comes from useDidShow; a change of filter loads again once it is in.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    list.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
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
                <StatusTag status={t.status} />
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
          {d.items.length < d.total && <Text className='muted tl-more'>{more ? '加载中…' : '上拉加载更多'}</Text>}
        </>
      )}
    </View>
  )
}
