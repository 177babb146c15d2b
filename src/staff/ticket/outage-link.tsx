import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import type { noticesContract } from '../../core/notices/contracts'
import { NOTICE_CATEGORY_LABELS } from '../../core/notices/types'
import './outage-link.scss'
import { go } from '../../services/nav'

type ForTicket = Output<typeof noticesContract.forTicket>
const STATE_LABELS = { active: '进行中', updated: '有更新', restored: '已恢复' } as const
const openNotice = (id: string) => go('notice', { id })

/**
 * 停水/停电 on the staff ticket page: the outage a repair is linked to, or — for an open repair
 * that is not — the active outages that reach it, each with 关联停水/停电. Linked, the repair is
 * resolved with everyone else's when the outage is marked restored. Nothing for other tickets.
 */
export function OutageLink({ ticketId, version, enabled, onLinked }: { ticketId: string; version: number; enabled: boolean; onLinked(): unknown }) {
  const [data, setData] = useState<ForTicket | null>(null)
  const [busy, setBusy] = useState('')
  useEffect(() => {
    if (!enabled) return
    api.notices
      .forTicket({ ticketId })
      .then(setData)
      // A network hiccup: the page works without this card.
      .catch(() => setData(null))
  }, [ticketId, version, enabled])
  if (!enabled || !data || (!data.linked && data.candidates.length === 0)) return null

  const link = async (noticeId: string, label: string) => {
    const { confirm } = await Taro.showModal({ title: `关联${label}`, content: `${label}恢复时，该工单将自动办结并通知住户。` })
    if (!confirm) return
    setBusy(noticeId)
    try {
      await api.notices.linkTicket({ noticeId, ticketId })
      Taro.showToast({ title: '已关联', icon: 'success' })
      await onLinked()
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  const l = data.linked
  if (l) {
    return (
      <View className='card ol' onClick={() => openNotice(l.id)} data-testid='ticket-outage'>
        <View className='ol-head'>
          <Text className='ol-title'>
            已关联{NOTICE_CATEGORY_LABELS[l.category]}：{l.title}
          </Text>
          <Text className={l.state === 'restored' ? 'tag' : 'tag tag-warn'}>{STATE_LABELS[l.state]}</Text>
        </View>
        <Text className='ol-line'>{l.line}</Text>
        <Text className='muted'>{l.state === 'restored' ? '已恢复，工单随之办结' : '恢复时工单自动办结并通知住户'} · 查看通知 ›</Text>
      </View>
    )
  }
  return (
    <View className='card ol' data-testid='ticket-outages'>
      <Text className='card-title'>该位置有进行中的停水/停电</Text>
      {data.candidates.map((c) => {
        const label = NOTICE_CATEGORY_LABELS[c.category]
        return (
          <View key={c.id} className='ol-item' data-testid='outage-candidate'>
            <View className='ol-text' onClick={() => openNotice(c.id)}>
              <Text className='ol-title'>
                {label}：{c.title}
                {!c.matches && <Text className='muted'>（与报修类别不同）</Text>}
              </Text>
              <Text className='ol-line'>{c.line}</Text>
            </View>
            <Button
              className='btn btn-ghost btn-small'
              disabled={busy !== '' || undefined}
              loading={busy === c.id}
              onClick={() => link(c.id, label)}
              data-testid='link-outage'
            >
              关联{label}
            </Button>
          </View>
        )
      })}
      <Text className='muted'>关联后，恢复时该工单自动办结并通知住户</Text>
    </View>
  )
}
