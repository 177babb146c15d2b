import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { isOutageCategory } from '../../core/notices/rules'
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type AudienceScope } from '../../core/notices/types'
import { resolvePicked } from '../../core/notices/when'
import { blankDraft, filled, toPublish, type Draft, type Errors, type PublishInput } from './draft'
import { RoomsPicker } from './rooms-picker'
import { TargetsPicker } from './targets-picker'
import { WhenField } from './when-field'

const SCOPES: [AudienceScope, string][] = [
  ['community', '全体住户'],
  ['buildings', '按楼栋'],
  ['units', '按单元'],
  ['rooms', '按房号'],
]

interface Props {
  busy: boolean
  errors: Errors
  setErrors(e: Errors): void
  /** Resolves true when published. */
  onPublish(input: PublishInput): Promise<boolean>
  onCancel(): void
}

/** 发布公告: category, text, audience (down to rooms), outage times, sign-ups, pin, schedule and expiry. */
export function ComposeForm({ busy, errors, setErrors, onPublish, onCancel }: Props) {
  const [d, setDraft] = useState(blankDraft)
  const set = (patch: Partial<Draft>) => setDraft((cur) => ({ ...cur, ...patch }))
  const err = (k: string) => (errors[k] ? <Text className='field-error'>{errors[k]}</Text> : null)
  const now = Date.now()
  const publishAt = resolvePicked(d.publishAt, now)
  const startAt = filled(d.start) ? resolvePicked(d.start, publishAt ?? now) : (publishAt ?? now)

  const publish = async () => {
    const r = toPublish(d, Date.now())
    if ('errors' in r) return setErrors(r.errors)
    setErrors({})
    if (await onPublish(r.input)) setDraft(blankDraft())
  }

  return (
    <View className='card sn-form' data-testid='compose-form'>
      <Text className='card-title'>发布公告</Text>
      <View className='sn-chips'>
        {NOTICE_CATEGORIES.map((c) => (
          <Text key={c} className={`sn-chip ${d.category === c ? 'sn-chip-on' : ''}`} onClick={() => set({ category: c })} data-testid={`cat-${c}`}>
            {NOTICE_CATEGORY_LABELS[c]}
          </Text>
        ))}
      </View>
      <Text className='field-label'>标题</Text>
      <Input
        className='field-input'
        placeholder='如 1栋计划停水'
        value={d.title}
        maxlength={40}
        onInput={(e) => set({ title: e.detail.value })}
        data-testid='n-title'
      />
      {err('title')}
      <Text className='field-label'>正文</Text>
      <Textarea
        className='field-input sn-body'
        placeholder='写清楚什么时间、哪些住户、需要做什么'
        value={d.body}
        maxlength={2000}
        onInput={(e) => set({ body: e.detail.value })}
        data-testid='n-body'
      />
      {err('body')}

      <Text className='field-label'>发布范围</Text>
      <View className='sn-chips'>
        {SCOPES.map(([s, label]) => (
          <Text key={s} className={`sn-chip ${d.scope === s ? 'sn-chip-on' : ''}`} onClick={() => set({ scope: s, targets: [] })} data-testid={`scope-${s}`}>
            {label}
          </Text>
        ))}
      </View>
      {(d.scope === 'buildings' || d.scope === 'units') && (
        <TargetsPicker units={d.scope === 'units'} value={d.targets} onChange={(targets) => set({ targets })} />
      )}
      {d.scope === 'rooms' && <RoomsPicker value={d.rooms} onChange={(rooms) => set({ rooms })} />}
      {err('audience')}

      {isOutageCategory(d.category) && (
        <View className='sn-form'>
          <Text className='field-label'>影响范围</Text>
          <Input className='field-input' placeholder='如 1栋全部单元' value={d.area} onInput={(e) => set({ area: e.detail.value })} data-testid='n-area' />
          {err('outage.area')}
          <WhenField
            label='开始时间'
            value={d.start}
            onChange={(start) => set({ start })}
            testid='n-start'
            past
            from={publishAt}
            emptyText='不填则从发布时开始'
            error={errors['outage.startAt']}
          />
          <WhenField label='预计恢复' value={d.eta} onChange={(eta) => set({ eta })} testid='n-eta' from={startAt} error={errors['outage.etaAt']} />
          <Text className='field-label'>原因</Text>
          <Input className='field-input' placeholder='如 水泵检修' value={d.cause} onInput={(e) => set({ cause: e.detail.value })} data-testid='n-cause' />
          {err('outage.cause')}
        </View>
      )}
      {d.category === 'event' && (
        <View className='sn-form'>
          <Text className='field-label'>报名名额</Text>
          <Input
            className='field-input'
            type='number'
            placeholder='不填则不需报名'
            value={d.capacity}
            onInput={(e) => set({ capacity: e.detail.value })}
            data-testid='n-capacity'
          />
          {err('signUp.capacity')}
          {d.capacity.trim() !== '' && (
            <WhenField label='报名截止' value={d.deadline} onChange={(deadline) => set({ deadline })} testid='n-deadline' error={errors['signUp.deadline']} />
          )}
        </View>
      )}

      <WhenField
        label='定时发布'
        value={d.publishAt}
        onChange={(v) => set({ publishAt: v })}
        testid='n-publish-at'
        emptyText='不填则立即发布'
        error={errors.publishAt}
      />
      <WhenField
        label='过期时间'
        value={d.expiresAt}
        onChange={(v) => set({ expiresAt: v })}
        testid='n-expires'
        from={publishAt}
        emptyText='不填则一直显示'
        error={errors.expiresAt}
      />
      <Text className={`sn-chip ${d.pinned ? 'sn-chip-on' : ''}`} onClick={() => set({ pinned: !d.pinned })} data-testid='n-pinned'>
        置顶
      </Text>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} loading={busy} onClick={publish} data-testid='n-publish'>
        {filled(d.publishAt) ? '定时发布' : '发布'}
      </Button>
      <Button className='btn btn-ghost btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
