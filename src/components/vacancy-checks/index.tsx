import { View, Text } from '@tarojs/components'
import type { Output } from '../../services/api'
import type { vacancyContract } from '../../core/vacancy/contracts'
import { formatTime, monthName } from '../../core/shared/time'
import { Photos } from '../ticket-parts'
import './index.scss'

type Checks = Output<typeof vacancyContract.mine>['checks']

/** A vacant house's monthly checks, latest first, as its owner and the office read them: the report, its photos, the repairs. */
export function VacancyChecks({ checks, urls, onTicket }: { checks: Checks; urls: Record<string, string>; onTicket?(id: string): void }) {
  if (!checks.length) return <Text className='muted'>还没有检查记录</Text>
  return (
    <View className='vc-list'>
      {checks.map((c) => (
        <View className='vc-item' key={c.month} data-testid='vacancy-check'>
          <View className='row between'>
            <Text className='vc-month'>{monthName(c.month, true)}</Text>
            <Text className={c.findings ? 'tag tag-danger' : 'tag'}>{c.findings ? `发现问题 ${c.findings}` : '全部正常'}</Text>
          </View>
          <Text className='muted'>
            {formatTime(c.at, 'M月D日 HH:mm')} · {c.byName}检查
          </Text>
          <Text className='vc-text' data-testid='vacancy-report'>
            {c.text}
          </Text>
          <Photos ids={c.results.flatMap((r) => r.photos)} urls={urls} testid='vacancy-photos' />
          {onTicket &&
            c.tickets.map((t) => (
              <Text key={t.id} className='vc-link' onClick={() => onTicket(t.id)} data-testid='vacancy-ticket'>
                报修工单 {t.no} ›
              </Text>
            ))}
        </View>
      ))}
    </View>
  )
}
