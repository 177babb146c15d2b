import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { useLoad } from '../../services/session'
import { REPORT_DIMENSIONS, REPORT_DIMENSION_LABELS } from '../../core/supervisor/monthly-report'
import { addMonths, formatTime, shanghaiMonth } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { reportSummary } from '../../core/supervisor/report-summary'
import { FigureGrid, GroupHead, GroupRow, hasMoney } from '../components/figure-grid'
import { saveCsv } from '../components/save-csv'
import { LongImageButton } from './long-image-button'
import '../components/figure-grid.scss'
import './index.scss'
import { withLargeText } from '../../services/large-text'

/** 月报: one month's figures for management, by building, department and handler, and what went wrong most. */
function MonthlyReport() {
  const thisMonth = shanghaiMonth(Date.now())
  const [month, setMonth] = useState(thisMonth)
  const rep = useLoad(() => api.supervisor.monthlyReport({ month }), [month])
  const [exporting, setExporting] = useState(false)
  const reload = rep.reload
  useEffect(() => {
    reload()
  }, [reload])
  usePullDownRefresh(async () => {
    await rep.reload()
    Taro.stopPullDownRefresh()
  })
  const prev = addMonths(month, -1)
  const next = addMonths(month, 1)
  const r = rep.data
  // While the next month loads, the page still shows the one before: read everything off the data shown.
  const partial = (r?.month ?? month) === thisMonth
  const summary = r && reportSummary({ month: r.month, total: r.total, previous: r.previous, partial, top: r.top, computedAt: r.computedAt })

  const exportCsv = async () => {
    setExporting(true)
    try {
      const f = await api.supervisor.exportMonthlyReport({ month })
      await saveCsv(f.filename, f.csv)
      Taro.showToast({ title: process.env.TARO_ENV === 'h5' ? '已下载' : '已生成', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setExporting(false)
    }
  }

  return (
    <View className='page rp'>
      <View className='card rp-head'>
        <Button className='btn btn-ghost btn-small' onClick={() => setMonth(prev)} data-testid='rp-prev'>
          ‹ 上月
        </Button>
        <Text className='rp-month' data-testid='rp-month'>
          {month}
        </Text>
        <Button className='btn btn-ghost btn-small' disabled={next > thisMonth || undefined} onClick={() => setMonth(next)} data-testid='rp-next'>
          下月 ›
        </Button>
      </View>
      {rep.loading && !r && <Loading />}
      {rep.error && !r && <ErrorView message={rep.error} onRetry={rep.reload} />}
      {r && (
        <>
          <View className='section-title rp-section'>
            <Text data-testid='rp-scope'>{r.total.label}</Text>
            <Text className='muted rp-updated'>更新于 {formatTime(r.computedAt, 'MM-DD HH:mm')}</Text>
          </View>
          {partial && (
            // A month that has just begun has few tickets and fewer promises due: its rates are not yet comparable.
            <Text className='tag tag-warn rp-partial' data-testid='rp-partial'>
              本月还在进行中，数据截至此刻，比例会随月份推进而变化
            </Text>
          )}
          <View className='card'>
            <FigureGrid line={r.total} testid='rp-total' previous={{ month: addMonths(r.month, -1), line: r.previous }} partial={partial} />
          </View>

          <View className='section-title'>小结</View>
          <View className='card'>
            <Text className='rp-summary' data-testid='rp-summary'>
              {summary}
            </Text>
          </View>

          <View className='section-title'>工单构成</View>
          <View className='card rp-types'>
            {r.top.types.map((t) => (
              <View key={t.type} className='rp-type'>
                <Text className='rp-type-num' data-testid={`rp-type-${t.type}`}>
                  {t.count}
                </Text>
                <Text className='muted'>{t.label}</Text>
              </View>
            ))}
          </View>

          <View className='section-title'>高发问题</View>
          <View className='card' data-testid='rp-top'>
            {r.top.categories.length === 0 && <Text className='muted'>本月暂无报事</Text>}
            {r.top.categories.map((c, i) => (
              <View key={c.category} className='rp-top-row'>
                <Text>
                  {i + 1}. {c.label}
                </Text>
                <Text className='muted' data-testid={`rp-cat-${c.category}`}>
                  {c.count} 次
                </Text>
              </View>
            ))}
            {r.top.places.length > 0 && <Text className='card-title rp-sub'>重复报事位置</Text>}
            {r.top.places.map((p) => (
              <View key={p.place} className='rp-top-row'>
                <Text>{p.place}</Text>
                <Text className='muted'>{p.count} 次</Text>
              </View>
            ))}
          </View>

          {REPORT_DIMENSIONS.map((d) => (
            <View key={d}>
              <View className='section-title'>按{REPORT_DIMENSION_LABELS[d]}</View>
              <View className='card' data-testid={`rp-${d}`}>
                {r[d].length === 0 ? <Text className='muted'>暂无数据</Text> : <GroupHead name={REPORT_DIMENSION_LABELS[d]} money={hasMoney(r[d])} />}
                {r[d].map((g) => (
                  <GroupRow key={g.key} line={g} testid={`rp-${d}-${g.key}`} money={hasMoney(r[d])} />
                ))}
              </View>
            </View>
          ))}

          <View className='rp-actions'>
            <Button className='btn btn-ghost rp-action' loading={exporting} disabled={exporting || undefined} onClick={exportCsv} data-testid='rp-export'>
              导出 CSV
            </Button>
            <LongImageButton
              filename={`月报-${r.month}${r.zone ? `-${r.zone.join('_')}栋` : ''}.png`}
              image={{
                month: r.month,
                scope: r.total.label,
                partial,
                computedAt: r.computedAt,
                total: r.total,
                previous: r.previous,
                top: r.top,
                building: r.building,
                summary: summary ?? '',
              }}
            />
          </View>
        </>
      )}
    </View>
  )
}

export default withLargeText(MonthlyReport)
