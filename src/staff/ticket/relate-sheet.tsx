import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { STATUS_LABELS } from '../../core/tickets/types'
import { Sheet } from '../../components/sheet'
import type { TicketSummary } from '../../components/ticket-parts'

/** 关联 / 合并: find the other ticket by number, room or phone tail, then link or merge. */
export function RelateSheet({
  self,
  canLink,
  canMerge,
  busy,
  onClose,
  onLink,
  onMerge,
}: {
  self: TicketSummary
  canLink: boolean
  canMerge: boolean
  busy: string
  onClose: () => void
  onLink: (id: string) => unknown
  onMerge: (id: string) => unknown
}) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<TicketSummary[] | null>(null)
  const [picked, setPicked] = useState('')
  const search = async () => {
    if (!q.trim()) return
    try {
      const r = await api.tickets.inbox({ tab: 'all', q: q.trim(), limit: 10 })
      setFound(r.items.filter((t) => t.id !== self.id))
      setPicked('')
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }
  return (
    <Sheet title='关联 / 合并' hint='楼上漏水影响楼下：关联两张工单；同一问题重复报：合并到主工单' onClose={onClose} testid='relate-sheet'>
      <View className='row st-relate-search'>
        <Input
          className='st-relate-input'
          value={q}
          placeholder='另一张工单号、房号或手机尾号'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={search}
          data-testid='relate-q'
        />
        <Button className='btn btn-ghost btn-small' onClick={search} data-testid='relate-search'>
          查找
        </Button>
      </View>
      {found && found.length === 0 && <Text className='muted'>没有找到</Text>}
      {found?.map((t) => (
        <View key={t.id} className={`st-handler ${picked === t.id ? 'st-handler-on' : ''}`} onClick={() => setPicked(t.id)} data-testid='relate-item'>
          <View>
            <Text className='st-handler-name'>{t.no}</Text>
            <Text className='muted'>
              {t.place} · {t.description.slice(0, 16)}
            </Text>
          </View>
          <Text className='muted'>{STATUS_LABELS[t.status]}</Text>
        </View>
      ))}
      <View className='row st-relate-actions'>
        {canLink && (
          <Button
            className='btn btn-ghost st-relate-btn'
            disabled={!picked || busy === 'link' || undefined}
            onClick={() => onLink(picked)}
            data-testid='confirm-link'
          >
            关联
          </Button>
        )}
        {canMerge && (
          <Button
            className='btn btn-primary st-relate-btn'
            disabled={!picked || busy === 'merge' || undefined}
            onClick={() => onMerge(picked)}
            data-testid='confirm-merge'
          >
            合并到该工单
          </Button>
        )}
      </View>
    </Sheet>
  )
}
