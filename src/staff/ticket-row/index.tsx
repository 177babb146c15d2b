import { View, Text } from '@tarojs/components'
import type { Output } from '../../core/shared/contract'
import type { ticketsContract } from '../../core/tickets/contracts'
import { CATEGORY_LABELS, EMERGENCY_LABELS, TYPE_LABELS } from '../../core/tickets/types'
import { formatTime } from '../../core/shared/time'
import { windowText } from '../../core/tickets/visit'
import { SlaBadge, StatusTag } from '../../components/ticket-parts'
import { go } from '../../services/nav'
import './index.scss'

type Summary = Output<typeof ticketsContract.inbox>['items'][number]

/** One ticket in a staff list (工单 inbox, a handler's 工作台): state, place, words, who; a tap opens it. */
export function TicketRow({ t }: { t: Summary }) {
  return (
    <View
      className={`card inbox-item ${t.priority === 'emergency' ? 'inbox-item-urgent' : ''}`}
      onClick={() => go('staffTicket', { id: t.id })}
      data-testid='inbox-item'
    >
      <View className='row between'>
        <View className='row inbox-tags'>
          <StatusTag t={t} />
          {t.emergency && <Text className='tag tag-danger'>紧急 · {EMERGENCY_LABELS[t.emergency]}</Text>}
          <SlaBadge next={t.next} />
          {t.urgeCount > 0 && (
            <Text className='tag tag-warn' data-testid='urged'>
              催{t.urgeCount > 1 ? ` ×${t.urgeCount}` : ''}
            </Text>
          )}
        </View>
        <Text className='inbox-no'>{t.no}</Text>
      </View>
      <Text className='inbox-title'>
        {TYPE_LABELS[t.type]} · {CATEGORY_LABELS[t.category]} · {t.place}
      </Text>
      <Text className='inbox-desc'>{t.description}</Text>
      {(t.status === 'new' || t.status === 'dispatched' || t.status === 'accepted') && (t.visit ?? t.window) && (
        <Text className={t.visit ? 'inbox-visit inbox-visit-agreed' : 'inbox-visit'} data-testid='visit'>
          {t.visit ? `约好 ${windowText(t.visit, Date.now())} 上门` : `住户希望 ${windowText(t.window!, Date.now())} 上门`}
        </Text>
      )}
      <View className='row between inbox-foot'>
        <Text className='muted'>
          {t.reporterName} {t.reporterPhone}
          {t.assigneeName ? ` → ${t.assigneeName}` : ''}
        </Text>
        <Text className='muted'>{formatTime(t.createdAt, 'MM-DD HH:mm')}</Text>
      </View>
    </View>
  )
}
