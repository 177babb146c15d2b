import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../../core/notices/types'
import { dayjs, formatTime, TZ } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import './index.scss'

const SCOPES = [
  ['community', '全体住户'],
  ['buildings', '按楼栋'],
  ['units', '按单元'],
] as const
const OUTAGE = ['water', 'power', 'gas']

/** "16:00" today (or tomorrow if already past) in Shanghai time → ms. */
function clockToday(hhmm: string, now = Date.now()): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim())
  if (!m) return undefined
  let t = dayjs(now).tz(TZ).hour(Number(m[1])).minute(Number(m[2])).second(0).millisecond(0)
  if (t.valueOf() <= now) t = t.add(1, 'day')
  return t.valueOf()
}

const blank = { category: 'water' as NoticeCategory, title: '', body: '', scope: 'buildings' as string, targets: '', area: '', eta: '', cause: '', pinned: false, capacity: '', deadline: '' }

export default function StaffNotices() {
  const list = useLoad(() => api.notices.manage({ limit: 30 }), [])
  const [form, setForm] = useState(blank)
  const [composing, setComposing] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState<{ id: string; text: string; eta: string } | null>(null)
  const [stats, setStats] = useState<{ id: string; lines: string[] } | null>(null)
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  const set = (patch: Partial<typeof blank>) => setForm({ ...form, ...patch })

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true)
    try {
      await fn()
      Taro.showToast({ title: ok, icon: 'none' })
      await list.reload()
      return true
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
      return false
    } finally {
      setBusy(false)
    }
  }

  const publish = async () => {
    setErrors({})
    const now = Date.now()
    const outage = OUTAGE.includes(form.category)
    const etaAt = clockToday(form.eta)
    if (outage && !etaAt) return setErrors({ 'outage.etaAt': '请按 16:00 的格式填写预计恢复时间' })
    const targets = form.scope === 'community' ? [] : form.targets.split(/[,，、\s]+/).filter(Boolean)
    const done = await run(
      () =>
        api.notices.publish({
          category: form.category,
          title: form.title,
          body: form.body,
          pinned: form.pinned,
          audience: { scope: form.scope as 'community', targets },
          ...(outage ? { outage: { area: form.area, startAt: now, etaAt: etaAt!, cause: form.cause } } : {}),
          ...(form.category === 'event' && form.capacity ? { signUp: { capacity: Number(form.capacity), deadline: clockToday(form.deadline || '23:59') ?? now + 86400_000 } } : {}),
        }),
      '已发布',
    )
    if (done) {
      setForm(blank)
      setComposing(false)
    }
  }

  const showStats = async (id: string) => {
    try {
      const s = await api.notices.stats({ noticeId: id })
      setStats({
        id,
        lines: [
          ...s.buildings.map((b) => `${b.building}栋 已读 ${b.read}/${b.delivered}（${b.share}%）`),
          `关注 ${s.followers} 人 · 关联工单 ${s.notice.linkedTickets} 个`,
          ...s.signUps.map((x) => `报名：${x.name} ${x.houseLabel} ${x.phone}`),
        ],
      })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  const d = list.data
  if (!d && list.error) return <ErrorView message={list.error} onRetry={list.reload} />
  if (!d) return <Loading />
  const err = (k: string) => (errors[k] ? <Text className='field-error'>{errors[k]}</Text> : null)

  return (
    <View className='page sn'>
      {!composing ? (
        <Button className='btn btn-primary btn-block' onClick={() => setComposing(true)} data-testid='compose'>
          发布公告 / 停水停电通知
        </Button>
      ) : (
        <View className='card sn-form' data-testid='compose-form'>
          <Text className='card-title'>发布公告</Text>
          <View className='sn-chips'>
            {NOTICE_CATEGORIES.map((c) => (
              <Text key={c} className={`sn-chip ${form.category === c ? 'sn-chip-on' : ''}`} onClick={() => set({ category: c })} data-testid={`cat-${c}`}>
                {NOTICE_CATEGORY_LABELS[c]}
              </Text>
            ))}
          </View>
          <Input className='field-input' placeholder='标题' value={form.title} maxlength={40} onInput={(e) => set({ title: e.detail.value })} data-testid='n-title' />
          {err('title')}
          <Textarea className='field-input sn-body' placeholder='正文' value={form.body} maxlength={2000} onInput={(e) => set({ body: e.detail.value })} data-testid='n-body' />
          {err('body')}
          <View className='sn-chips'>
            {SCOPES.map(([s, label]) => (
              <Text key={s} className={`sn-chip ${form.scope === s ? 'sn-chip-on' : ''}`} onClick={() => set({ scope: s })} data-testid={`scope-${s}`}>
                {label}
              </Text>
            ))}
          </View>
          {form.scope !== 'community' && (
            <Input className='field-input' placeholder={form.scope === 'units' ? '单元，如 1-1、1-2' : '楼栋，如 1、2'} value={form.targets} onInput={(e) => set({ targets: e.detail.value })} data-testid='n-targets' />
          )}
          {err('audience')}
          {OUTAGE.includes(form.category) && (
            <View className='sn-form'>
              <Input className='field-input' placeholder='影响范围，如 1栋全部单元' value={form.area} onInput={(e) => set({ area: e.detail.value })} data-testid='n-area' />
              {err('outage.area')}
              <Input className='field-input' placeholder='预计恢复时间，如 16:00' value={form.eta} onInput={(e) => set({ eta: e.detail.value })} data-testid='n-eta' />
              {err('outage.etaAt')}
              <Input className='field-input' placeholder='原因，如 水泵检修' value={form.cause} onInput={(e) => set({ cause: e.detail.value })} data-testid='n-cause' />
              {err('outage.cause')}
            </View>
          )}
          {form.category === 'event' && (
            <View className='sn-form'>
              <Input className='field-input' type='number' placeholder='报名名额（不填则不报名）' value={form.capacity} onInput={(e) => set({ capacity: e.detail.value })} data-testid='n-capacity' />
              <Input className='field-input' placeholder='报名截止，如 20:00' value={form.deadline} onInput={(e) => set({ deadline: e.detail.value })} />
            </View>
          )}
          <Text className={`sn-chip ${form.pinned ? 'sn-chip-on' : ''}`} onClick={() => set({ pinned: !form.pinned })}>
            置顶
          </Text>
          <Button className='btn btn-primary btn-block' disabled={busy || undefined} loading={busy} onClick={publish} data-testid='n-publish'>
            发布
          </Button>
          <Button className='btn btn-ghost btn-block' onClick={() => setComposing(false)}>
            取消
          </Button>
        </View>
      )}

      {d.items.length === 0 && (
        <View className='card'>
          <Empty title='还没有公告' text='发布的公告和停水停电通知会显示在这里' />
        </View>
      )}
      {d.items.map((n) => (
        <View key={n.id} className='card sn-item' data-testid='staff-notice'>
          <View className='sn-head'>
            <Text className={OUTAGE.includes(n.category) ? 'tag tag-danger' : 'tag tag-gray'}>{NOTICE_CATEGORY_LABELS[n.category]}</Text>
            <Text className='sn-title'>{n.title}</Text>
            {n.outage && <Text className={n.outage.state === 'restored' ? 'tag' : 'tag tag-warn'}>{n.outage.state === 'restored' ? '已恢复' : '进行中'}</Text>}
          </View>
          <Text className='muted'>
            {n.audienceLabel} · {formatTime(n.publishAt)} · {n.sending ? '发送中…' : `已送达 ${n.recipients} 人`}
          </Text>
          {n.outage && <Text className='sn-line'>{n.outage.line}</Text>}
          <View className='sn-actions'>
            <Button className='btn btn-ghost btn-small' onClick={() => showStats(n.id)} data-testid='n-stats'>
              阅读统计
            </Button>
            {n.outage && n.outage.state !== 'restored' && (
              <>
                <Button className='btn btn-ghost btn-small' onClick={() => setEditing({ id: n.id, text: '', eta: '' })} data-testid='n-update'>
                  更新进展
                </Button>
                <Button
                  className='btn btn-primary btn-small'
                  disabled={busy || undefined}
                  onClick={() => run(() => api.notices.restore({ noticeId: n.id }), '已标记恢复，关联工单已办结')}
                  data-testid='n-restore'
                >
                  已恢复
                </Button>
              </>
            )}
          </View>
          {editing?.id === n.id && (
            <View className='sn-form'>
              <Input className='field-input' placeholder='进展，如 水泵配件更换中' value={editing.text} onInput={(e) => setEditing({ ...editing, text: e.detail.value })} data-testid='u-text' />
              <Input className='field-input' placeholder='新的预计恢复时间，如 18:00（可不填）' value={editing.eta} onInput={(e) => setEditing({ ...editing, eta: e.detail.value })} data-testid='u-eta' />
              <Button
                className='btn btn-primary btn-block'
                disabled={busy || undefined}
                onClick={async () => {
                  const etaAt = editing.eta ? clockToday(editing.eta) : undefined
                  if (await run(() => api.notices.update({ noticeId: n.id, text: editing.text, ...(etaAt ? { etaAt } : {}) }), '已推送给住户')) setEditing(null)
                }}
                data-testid='u-submit'
              >
                推送更新
              </Button>
            </View>
          )}
          {stats?.id === n.id && (
            <View className='sn-stats' data-testid='n-stats-lines'>
              {stats.lines.map((l) => (
                <Text key={l} className='muted'>
                  {l}
                </Text>
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
