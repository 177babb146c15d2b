import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import type { noticesContract } from '../../core/notices/contracts'
import { isOutageCategory } from '../../core/notices/rules'
import { DELIVERY_STATUS_LABELS, NOTICE_CATEGORY_LABELS } from '../../core/notices/types'
import { describeAt, NO_TIME, resolvePicked, type PickedTime } from '../../core/notices/when'
import { formatTime } from '../../core/shared/time'
import { WhenField } from './when-field'

type StaffNotice = Output<typeof noticesContract.manage>['items'][number]
type Stats = Output<typeof noticesContract.stats>

/** The lines 阅读统计 shows: read share per building, followers and linked tickets, push results, sign-ups. */
export function statsLines(s: Stats): string[] {
  const pushed = s.statuses.filter((x) => x.count > 0).map((x) => `${DELIVERY_STATUS_LABELS[x.status]} ${x.count}`)
  return [
    ...s.buildings.map((b) => `${b.building}栋 已读 ${b.read}/${b.delivered}（${b.share}%）`),
    `关注 ${s.followers} 人 · 关联工单 ${s.notice.linkedTickets} 个`,
    ...(pushed.length ? [`送达情况：${pushed.join(' · ')}`] : []),
    ...s.signUps.map((x) => `报名：${x.name} ${x.houseLabel} ${x.phone}`),
  ]
}

/** What the row says of when: scheduled, sending or delivered, and until when. */
function timing(n: StaffNotice, now: number) {
  const when = n.scheduled ? `定时 ${describeAt(n.publishAt, now)} 发布` : `${formatTime(n.publishAt)} · ${n.sending ? '发送中…' : `已送达 ${n.recipients} 人`}`
  return n.expiresAt !== undefined ? `${when} · ${n.expiresAt > now ? `${formatTime(n.expiresAt, 'M月D日 HH:mm')} 过期` : '已过期'}` : when
}

interface Props {
  n: StaffNotice
  busy: boolean
  /** Runs a change, says how it went and reloads the list; true when it worked. */
  run(fn: () => Promise<unknown>, ok: string): Promise<boolean>
}

/** One notice on the staff list: its state, and for an active outage 更新进展 and 已恢复. */
export function NoticeItem({ n, busy, run }: Props) {
  const [editing, setEditing] = useState<{ text: string; eta: PickedTime } | null>(null)
  const [stats, setStats] = useState<string[] | null>(null)
  const outage = isOutageCategory(n.category)

  const showStats = async () => {
    try {
      setStats(statsLines(await api.notices.stats({ noticeId: n.id })))
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }
  const pushUpdate = async () => {
    if (!editing) return
    const etaAt = resolvePicked(editing.eta, Date.now())
    if ((editing.eta.date || editing.eta.time) && etaAt === undefined) return Taro.showToast({ title: '请按 16:00 的格式填写新的预计恢复时间', icon: 'none' })
    if (await run(() => api.notices.update({ noticeId: n.id, text: editing.text, ...(etaAt !== undefined ? { etaAt } : {}) }), '已推送给住户')) setEditing(null)
  }

  // Wide and irreversible: it tells everyone reached and closes the linked repairs, so it asks first and says how many.
  const restore = async () => {
    const linked = n.openLinkedTickets ? `，并办结关联的 ${n.openLinkedTickets} 个报修工单` : ''
    const { confirm } = await Taro.showModal({
      title: `确认${NOTICE_CATEGORY_LABELS[n.category]}已恢复？`,
      content: `将通知已收到此公告的 ${n.recipients} 位住户已恢复${linked}。此操作不能撤回。`,
      confirmText: '确认恢复',
    })
    if (!confirm) return
    if (await run(() => api.notices.restore({ noticeId: n.id }), '已标记恢复，关联工单已办结')) setEditing(null)
  }

  return (
    <View className='card sn-item' data-testid='staff-notice'>
      <View className='sn-head'>
        <Text className={outage ? 'tag tag-danger' : 'tag tag-gray'}>{NOTICE_CATEGORY_LABELS[n.category]}</Text>
        <Text className='sn-title'>{n.title}</Text>
        {n.pinned && <Text className='tag'>置顶</Text>}
        {n.outage && <Text className={n.outage.state === 'restored' ? 'tag' : 'tag tag-warn'}>{n.outage.state === 'restored' ? '已恢复' : '进行中'}</Text>}
      </View>
      <Text className='muted'>
        {n.audienceLabel} · {timing(n, Date.now())}
      </Text>
      {n.outage && <Text className='sn-line'>{n.outage.line}</Text>}
      <View className='sn-actions'>
        <Button className='btn btn-ghost btn-small' onClick={showStats} data-testid='n-stats'>
          阅读统计
        </Button>
        {n.outage && n.outage.state !== 'restored' && (
          <>
            <Button className='btn btn-ghost btn-small' onClick={() => setEditing({ text: '', eta: NO_TIME })} data-testid='n-update'>
              更新进展
            </Button>
            <Button className='btn btn-primary btn-small' disabled={busy || undefined} onClick={restore} data-testid='n-restore'>
              已恢复
            </Button>
          </>
        )}
      </View>
      {editing && (
        <View className='sn-form'>
          <Text className='field-label'>进展</Text>
          <Input
            className='field-input'
            placeholder='如 水泵配件更换中'
            value={editing.text}
            onInput={(e) => setEditing({ ...editing, text: e.detail.value })}
            data-testid='u-text'
          />
          <WhenField
            label='新的预计恢复时间（可不填）'
            value={editing.eta}
            onChange={(eta) => setEditing({ ...editing, eta })}
            testid='u-eta'
            emptyText='不填则不改恢复时间'
          />
          <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={pushUpdate} data-testid='u-submit'>
            推送更新
          </Button>
        </View>
      )}
      {stats && (
        <View className='sn-stats' data-testid='n-stats-lines'>
          {stats.map((l) => (
            <Text key={l} className='muted'>
              {l}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
