import { View, Text } from '@tarojs/components'
import type { Output } from '../../services/api'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { duration, score } from '../../core/supervisor/monthly-report'
import { percentText } from '../../core/shared/ratio'

export type Line = Output<typeof supervisorContract.monthlyReport>['total']

/** The headline figures of one line (a month, a building …), each with a testid the e2e reads. */
export const METRICS: { key: keyof Line; label: string; show: (l: Line) => string }[] = [
  { key: 'tickets', label: '工单', show: (l) => String(l.tickets) },
  { key: 'complaints', label: '投诉', show: (l) => String(l.complaints) },
  { key: 'respondOnTime', label: '响应及时率', show: (l) => percentText(l.respondOnTime) },
  { key: 'resolveOnTime', label: '解决及时率', show: (l) => percentText(l.resolveOnTime) },
  { key: 'firstTimeFix', label: '一次解决率', show: (l) => percentText(l.firstTimeFix) },
  { key: 'avgResponseMinutes', label: '平均响应', show: (l) => duration(l.avgResponseMinutes) },
  { key: 'avgResolutionMinutes', label: '平均解决', show: (l) => duration(l.avgResolutionMinutes) },
  { key: 'averageScore', label: '满意度均分', show: (l) => score(l.averageScore) },
  { key: 'satisfiedShare', label: '满意率', show: (l) => percentText(l.satisfiedShare) },
  { key: 'callbackCoverage', label: '回访覆盖率', show: (l) => percentText(l.callbackCoverage) },
  { key: 'collectionRate', label: '收缴率', show: (l) => percentText(l.collectionRate) },
]

export function FigureGrid({ line, testid }: { line: Line; testid: string }) {
  return (
    <View className='fig-grid' data-testid={testid}>
      {METRICS.map((m) => (
        <View key={m.key} className='fig-cell'>
          <Text className='fig-num' data-testid={`${testid}-${m.key}`}>
            {m.show(line)}
          </Text>
          <Text className='fig-label'>{m.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** A group's row: name, volume, and the three numbers a 客服主任 scans first. */
export function GroupRow({ line, testid }: { line: Line; testid: string }) {
  return (
    <View className='fig-row' data-testid={testid}>
      <Text className='fig-row-name'>{line.label}</Text>
      <Text className='fig-row-cell'>{line.tickets} 单</Text>
      <Text className='fig-row-cell'>及时 {percentText(line.resolveOnTime)}</Text>
      <Text className='fig-row-cell'>满意 {percentText(line.satisfiedShare)}</Text>
      {line.collectionRate !== null && <Text className='fig-row-cell'>收缴 {percentText(line.collectionRate)}</Text>}
    </View>
  )
}
