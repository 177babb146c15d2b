import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { currentHouse, pickHouse, useMe } from '../../services/session'
import { messageOf } from '../../services/errors'
import { refreshUnreadBadge } from '../../services/badge'
import { hoursWords, isBusinessTime } from '../../core/tickets/calendar'
import { HOUSE_ROLE_LABELS } from '../../core/account/types'
import { ErrorView, Loading } from '../../components/page-state'
import { OutageBanner, type OutageItem } from '../../components/outage-banner'
import type { Output } from '../../core/shared/contract'
import type { accountContract } from '../../core/account/contracts'
import './index.scss'
import { go } from '../../services/nav'
import { takeLanding } from '../../services/landing'
import { withLargeText } from '../../services/large-text'

type Community = Output<typeof accountContract.communities>[number]

function Home() {
  const { me, error, loading, reload } = useMe()
  const [communities, setCommunities] = useState<Community[]>([])
  const [, setTick] = useState(0)
  const [board, setBoard] = useState<{ outages: OutageItem[]; pinned: Omit<OutageItem, 'line'>[] } | null>(null)

  useEffect(() => {
    if (me?.staff && takeLanding()) go('staffHome')
  }, [me])

  useEffect(() => {
    if (!me) return
    api.account
      .communities()
      .then(setCommunities)
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [me])

  const houseId = me ? currentHouse(me)?.houseId : undefined
  const loadBoard = () => {
    if (houseId) api.notices.home({ houseId }).then(setBoard, () => setBoard(null))
  }
  useEffect(loadBoard, [houseId])

  useDidShow(() => {
    refreshUnreadBadge()
    loadBoard()
  })

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  if (loading && !me) return <Loading />
  if (error && !me) return <ErrorView message={error} onRetry={reload} />
  if (!me) return null

  const house = currentHouse(me)
  const community = communities.find((c) => c.id === house?.communityId) ?? communities[0]
  const open = community ? isBusinessTime(Date.now(), community.hours) : false

  const switchHouse = async () => {
    if (await pickHouse(me)) setTick((t) => t + 1)
  }

  return (
    <View className='home'>
      <View className='home-hero'>
        <Text className='home-community' data-testid='community-name'>
          {community?.name ?? '物业服务'}
        </Text>
        {house ? (
          <View className='home-house' onClick={switchHouse} data-testid='current-house'>
            <Text>{house.label}</Text>
            <Text className='home-role'>{HOUSE_ROLE_LABELS[house.role]}</Text>
            {me.houses.length > 1 && <Text className='home-switch'>切换 ›</Text>}
          </View>
        ) : (
          <Text className='home-house-none'>您还没有绑定房屋</Text>
        )}
      </View>

      <View className='page home-body'>
        {house && board && <OutageBanner items={board.outages} />}
        {house && board && (
          <View className='card' onClick={() => go('notices')} data-testid='home-notices'>
            <View className='card-title'>
              <Text>社区公告</Text>
              <Text className='muted'>全部 ›</Text>
            </View>
            {board.pinned.map((n) => (
              <Text key={n.id} className='home-line'>
                {n.title}
              </Text>
            ))}
            {!board.pinned.length && <Text className='muted'>暂无置顶公告，点击查看全部通知</Text>}
          </View>
        )}
        {!house && (
          <View className='card home-bind'>
            <View className='home-bind-text'>
              <Text className='card-title'>绑定房屋，开启物业服务</Text>
              <Text className='muted'>绑定后可报事报修、查看账单、接收停水停电通知</Text>
            </View>
            <Button className='btn btn-primary btn-small' onClick={() => go('bind')}>
              去绑定
            </Button>
          </View>
        )}

        {community && (
          <View className='card'>
            <View className='card-title'>
              <Text>物业服务中心</Text>
              <Text className={`tag ${open ? '' : 'tag-gray'}`} data-testid='service-status'>
                {open ? '服务中' : '已下班'}
              </Text>
            </View>
            <View className='home-line'>
              <Text className='muted'>客服时间</Text>
              <Text data-testid='service-hours'>{hoursWords(community.hours)}</Text>
            </View>
            <View className='home-line' onClick={() => Taro.makePhoneCall({ phoneNumber: community.servicePhone })}>
              <Text className='muted'>客服电话</Text>
              <Text className='home-phone'>{community.servicePhone}</Text>
            </View>
            <Text className='muted'>{community.address}</Text>
          </View>
        )}

        {community && (
          <View className='card home-emergency' onClick={() => Taro.makePhoneCall({ phoneNumber: community.emergencyPhone })}>
            <View>
              <Text className='home-emergency-title'>24 小时应急电话</Text>
              <Text className='home-emergency-desc'>电梯困人、严重漏水、燃气泄漏、火警，请立即拨打</Text>
            </View>
            <Text className='home-emergency-phone' data-testid='emergency-phone'>
              {community.emergencyPhone}
            </Text>
          </View>
        )}

        {me.staff && (
          <View className='card home-staff' onClick={() => go('staffHome')}>
            <Text className='card-title'>员工工作台</Text>
            <Text className='muted'>{me.staff.name}，处理待办事项 ›</Text>
          </View>
        )}
      </View>
    </View>
  )
}

export default withLargeText(Home)
