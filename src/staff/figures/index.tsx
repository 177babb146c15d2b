import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { useLoad, useMe } from '../../services/session'
import type { surveysContract } from '../../core/surveys/contracts'
import { DIMENSION_LABELS, FIGURE_DIMENSIONS, type FigureDimension } from '../../core/surveys/figures'
import { percentText } from '../../core/shared/ratio'
import { addMonths, shanghaiMonth } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import './index.scss'
import { withLargeText } from '../../services/large-text'

type Fig = Output<typeof surveysContract.figures>['total']
const avg = (x: number | null) => (x === null ? '—' : x.toFixed(1))

function Metrics({ f, testid }: { f: Fig; testid: string }) {
  return (
    <View className='fg-metrics' data-testid={testid}>
      <View className='fg-metric'>
        <Text className='fg-num' data-testid={`${testid}-average`}>
          {avg(f.averageScore)}
        </Text>
        <Text className='fg-label'>平均分</Text>
      </View>
      <View className='fg-metric'>
        <Text className='fg-num' data-testid={`${testid}-satisfied`}>
          {percentText(f.satisfiedShare)}
        </Text>
        <Text className='fg-label'>满意率</Text>
      </View>
      <View className='fg-metric'>
        <Text className='fg-num'>{percentText(f.resolvedShare)}</Text>
        <Text className='fg-label'>解决率</Text>
      </View>
      <View className='fg-metric'>
        <Text className='fg-num' data-testid={`${testid}-response`}>
          {percentText(f.responseRate)}
        </Text>
        <Text className='fg-label'>参评率</Text>
      </View>
      <View className='fg-metric'>
        <Text className='fg-num'>{percentText(f.callbackCoverage)}</Text>
        <Text className='fg-label'>回访覆盖</Text>
      </View>
    </View>
  )
}

/** 服务评价: response rate, average, satisfied, resolved and callback coverage — handlers see their own. */
function FiguresPage() {
  const { me } = useMe()
  const onlyMine = me?.staff?.roles.every((r) => r === 'handler')
  const [by, setBy] = useState<FigureDimension>('handler')
  const [month, setMonth] = useState(() => shanghaiMonth(Date.now()))
  const figs = useLoad(() => api.surveys.figures({ by, month }), [by, month])
  const { reload } = figs
  useDidShow(() => reload())
  useEffect(() => {
    reload()
  }, [reload])
  usePullDownRefresh(async () => {
    await figs.reload()
    Taro.stopPullDownRefresh()
  })
  const shift = (n: number) => setMonth(addMonths(month, n))
  const d = figs.data

  return (
    <View className='page fg'>
      <View className='card fg-month'>
        <Text className='fg-arrow' onClick={() => shift(-1)} data-testid='month-prev'>
          ‹
        </Text>
        <Text className='fg-month-text' data-testid='month'>
          {by === 'month' ? `截至 ${month}` : month}
        </Text>
        <Text className='fg-arrow' onClick={() => shift(1)}>
          ›
        </Text>
      </View>
      {figs.loading && !d ? (
        <Loading />
      ) : figs.error && !d ? (
        <ErrorView message={figs.error} onRetry={figs.reload} />
      ) : d ? (
        <>
          <View className='card'>
            <View className='between'>
              <Text className='card-title'>{onlyMine ? '我的服务评价' : '全部工单'}</Text>
              <Text className='muted' data-testid='fig-count'>
                已评 {d.total.answered} / 共 {d.total.surveyed} 单
              </Text>
            </View>
            <Metrics f={d.total} testid='fig-total' />
          </View>
          {!onlyMine && (
            <View className='chips fg-dims'>
              {FIGURE_DIMENSIONS.map((x) => (
                <View key={x} className={`chip ${by === x ? 'chip-active' : ''}`} onClick={() => setBy(x)} data-testid={`by-${x}`}>
                  按{DIMENSION_LABELS[x]}
                </View>
              ))}
            </View>
          )}
          {!onlyMine &&
            (d.groups.length ? (
              d.groups.map((g) => (
                <View key={g.key} className='card' data-testid='fig-group'>
                  <View className='between'>
                    <Text className='fg-group'>{g.label}</Text>
                    <Text className='muted'>
                      已评 {g.answered} / 共 {g.surveyed} 单
                    </Text>
                  </View>
                  <Metrics f={g} testid='fig-row' />
                </View>
              ))
            ) : (
              <Empty title='本月还没有评价' text='工单完成后，住户的评价会汇总到这里' />
            ))}
        </>
      ) : null}
    </View>
  )
}

export default withLargeText(FiguresPage)
