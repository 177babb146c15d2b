import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { useLoad, useMe } from '../../services/session'
import { ErrorView, Loading } from '../../components/page-state'
import { formatTime, monthName } from '../../core/shared/time'
import { REPORT_DIMENSIONS, REPORT_DIMENSION_LABELS, type ReportDimension } from '../../core/supervisor/monthly-report'
import { TrendChart } from '../components/trend-chart'
import { FigureGrid, GroupHead, GroupRow, hasMoney } from '../components/figure-grid'
import '../components/figure-grid.scss'
import { palette } from '../../styles/palette'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

const ALERT = ['overdue', 'emergency', 'escalated', 'lowRating']
const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10)

/** 运营看板: today's tiles (each opens the inbox with the tickets behind it) and the month's satisfaction. */
function Dashboard() {
  const { me } = useMe()
  const dash = useLoad(() => api.supervisor.dashboard({}), [])
  const [by, setBy] = useState<ReportDimension>('building')
  const trend = useLoad(() => api.supervisor.trend({ by }), [by])
  useDidShow(() => dash.reload())
  // Loads on open and again when the breakdown changes (the rollups behind it are cached).
  const reloadTrend = trend.reload
  useEffect(() => {
    reloadTrend()
  }, [reloadTrend])
  usePullDownRefresh(async () => {
    await Promise.all([dash.reload(), trend.reload()])
    Taro.stopPullDownRefresh()
  })
  const tr = trend.data
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
            className={`card db-tile ${ALERT.includes(t.key) && t.count > 0 ? 'db-tile-alert' : ''}`}
            onClick={() => go('staffInbox', { ...t.filter, title: t.label })}
            data-testid={`db-tile-${t.key}`}
          >
            <Text className='db-num' data-testid={`db-count-${t.key}`}>
              {t.count}
            </Text>
            <Text className='db-label'>{t.label}</Text>
          </View>
        ))}
      </View>

      {tr && (
        <>
          <View className='section-title db-section'>
            <Text>近七个月</Text>
            <Text className='muted db-updated'>数据更新于 {formatTime(tr.computedAt, 'MM-DD HH:mm')}</Text>
          </View>
          <View className='card'>
            <Text className='card-title'>工单量</Text>
            <TrendChart
              id='trend-volume'
              testid='db-chart-volume'
              spec={{
                labels: tr.months.map((m) => monthName(m.month)),
                series: [
                  { name: '工单', color: palette.brand, kind: 'bar', values: tr.months.map((m) => m.total.tickets) },
                  { name: '投诉', color: palette.danger, kind: 'bar', values: tr.months.map((m) => m.total.complaints) },
                ],
                format: (v) => (Number.isInteger(v) ? String(v) : ''),
              }}
            />
          </View>
          <View className='card'>
            <Text className='card-title'>及时率、满意率与收缴率（%）</Text>
            <TrendChart
              id='trend-rates'
              testid='db-chart-rates'
              spec={{
                labels: tr.months.map((m) => monthName(m.month)),
                max: 100,
                series: [
                  { name: '响应及时', color: palette.brand, kind: 'line', values: tr.months.map((m) => share(m.total.respondOnTime)) },
                  { name: '解决及时', color: palette.chartBlue, kind: 'line', values: tr.months.map((m) => share(m.total.resolveOnTime)) },
                  { name: '满意率', color: palette.warn, kind: 'line', values: tr.months.map((m) => share(m.total.satisfiedShare)) },
                  { name: '收缴率', color: palette.chartViolet, kind: 'line', values: tr.months.map((m) => share(m.total.collectionRate)) },
                ],
                format: (v) => `${Math.round(v)}`,
              }}
            />
          </View>
          <View className='section-title'>本月 · {tr.months[tr.months.length - 1].month}（进行中）</View>
          <View className='card'>
            <FigureGrid
              line={tr.months[tr.months.length - 1].total}
              testid='db-now'
              previous={tr.months.length > 1 ? { month: tr.months[tr.months.length - 2].month, line: tr.months[tr.months.length - 2].total } : undefined}
              partial
            />
          </View>
          <View className='chips'>
            {REPORT_DIMENSIONS.map((d) => (
              <Text key={d} className={`chip ${by === d ? 'chip-active' : ''}`} onClick={() => setBy(d)} data-testid={`db-by-${d}`}>
                按{REPORT_DIMENSION_LABELS[d]}
              </Text>
            ))}
          </View>
          <View className='card' data-testid='db-groups'>
            {tr.groups.length === 0 ? (
              <Text className='muted'>本月暂无数据</Text>
            ) : (
              <GroupHead name={REPORT_DIMENSION_LABELS[tr.by]} money={hasMoney(tr.groups)} />
            )}
            {tr.groups.map((g) => (
              <GroupRow key={g.key} line={g} testid={`db-group-${g.key}`} money={hasMoney(tr.groups)} />
            ))}
          </View>
        </>
      )}
      {trend.error && !tr && <ErrorView message={trend.error} onRetry={trend.reload} />}

      <View className='card db-link' onClick={() => go('staffMonthlyReport')} data-testid='db-report'>
        <Text>月报</Text>
        <Text className='muted'>按月查看、导出 ›</Text>
      </View>
      <View className='card db-link' onClick={() => go('staffFigures')} data-testid='db-month'>
        <Text>服务评价</Text>
        <Text className='muted'>按处理人、类别、楼栋 ›</Text>
      </View>
      {supervisor && (
        <View className='card db-link' onClick={() => go('staffSettings')} data-testid='db-settings'>
          <Text>服务时限与营业时间</Text>
          <Text className='muted'>设置 ›</Text>
        </View>
      )}
    </View>
  )
}

export default withLargeText(Dashboard)
