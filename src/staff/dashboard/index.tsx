import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../services/api'
import { useLoad, useMe } from '../../services/session'
import { toQuery } from '../../core/supervisor/dashboard'
import { percent } from '../../core/surveys/figures'
import { ErrorView, Loading } from '../../components/page-state'
import './index.scss'

/** 运营看板: today's tiles (each opens the inbox with the tickets behind it) and the month's satisfaction. */
export default function Dashboard() {
  const { me } = useMe()
  const dash = useLoad(() => api.supervisor.dashboard({}), [])
  useDidShow(() => dash.reload())
  usePullDownRefresh(async () => {
    await dash.reload()
    Taro.stopPullDownRefresh()
  })
  const d = dash.data
  const supervisor = me?.staff?.roles.includes('supervisor')

  if (dash.loading && !d) return <Loading />
  if (dash.error && !d) return <ErrorView message={dash.error} onRetry={dash.reload} />
  if (!d) return null

  return (
    <View className='page db'>
      <View className='card db-head'>
        <Text className='db-title'>今日 · {d.date}</Text>
        <Text className='muted' data-testid='db-scope'>
          {d.zone ? `负责 ${d.zone.join('、')} 栋` : '全小区'}
        </Text>
      </View>
      <View className='db-tiles'>
        {d.tiles.map((t) => (
          <View
            key={t.key}
            className={`card db-tile ${(t.key === 'overdue' || t.key === 'emergency' || t.key === 'escalated') && t.count > 0 ? 'db-tile-alert' : ''}`}
            onClick={() => Taro.navigateTo({ url: `/staff/inbox/index?${toQuery(t.filter)}&title=${encodeURIComponent(t.label)}` })}
            data-testid={`db-tile-${t.key}`}
          >
            <Text className='db-num' data-testid={`db-count-${t.key}`}>{t.count}</Text>
            <Text className='db-label'>{t.label}</Text>
          </View>
        ))}
      </View>

      <View className='section-title'>本月服务评价 · {d.month.month}</View>
      <View className='card db-month' onClick={() => Taro.navigateTo({ url: '/staff/figures/index' })} data-testid='db-month'>
        <View className='db-metric'>
          <Text className='db-num' data-testid='db-average'>{d.month.averageScore === null ? '—' : d.month.averageScore.toFixed(1)}</Text>
          <Text className='db-label'>平均分</Text>
        </View>
        <View className='db-metric'>
          <Text className='db-num' data-testid='db-satisfied'>{percent(d.month.satisfiedShare)}</Text>
          <Text className='db-label'>满意率（4–5 星）</Text>
        </View>
        <View className='db-metric'>
          <Text className='db-num'>{d.month.answered}</Text>
          <Text className='db-label'>已评价</Text>
        </View>
      </View>

      {supervisor && (
        <View className='card db-link' onClick={() => Taro.navigateTo({ url: '/staff/settings/index' })} data-testid='db-settings'>
          <Text>服务时限与营业时间</Text>
          <Text className='muted'>设置 ›</Text>
        </View>
      )}
    </View>
  )
}
