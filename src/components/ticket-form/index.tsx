import { View, Text, Input, Textarea, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  EMERGENCIES,
  EMERGENCY_LABELS,
  SCOPE_LABELS,
  TICKET_TYPES,
  TYPE_LABELS,
  type Category,
  type Emergency,
  type Scope,
  type TicketType,
} from '../../core/tickets/types'
import type { Input as In } from '../../core/shared/contract'
import type { ticketsContract } from '../../core/tickets/contracts'
import { slotWindow, visitDays, VISIT_SLOTS, type VisitSlot } from '../../core/tickets/visit'
import { atShanghai } from '../../core/shared/time'
import { errorFor, issuesToFields, type FieldErrors, type Issue } from '../../core/shared/errors'
import { PhotoPicker } from '../photo-picker'
import { palette } from '../../styles/palette'
import './index.scss'

export interface TicketDraft {
  type: TicketType
  scope: Scope
  building: string
  location: string
  category: Category | ''
  description: string
  photos: string[]
  urgent: boolean
  emergency: Emergency | ''
  /** yyyy-mm-dd of the preferred visit, '' for no preference. */
  day: string
  slot: VisitSlot | ''
}

export const emptyDraft = (type: TicketType = 'repair'): TicketDraft => ({
  type,
  scope: 'home',
  building: '',
  location: '',
  category: '',
  description: '',
  photos: [],
  urgent: false,
  emergency: '',
  day: '',
  slot: '',
})

const at = (day: string, hm: string) => atShanghai(`${day} ${hm}`)

/** A visit can only be asked for where it makes sense: repairs inside the home. */
const wantsWindow = (d: TicketDraft) => d.type === 'repair' && d.scope === 'home'
/** Where the scope matters: repairs and complaints can be about a public area. */
const hasScope = (t: TicketType) => t === 'repair' || t === 'complaint'

/** The draft as the create/record input: only the fields this kind of ticket has. */
export function draftInput(d: TicketDraft, houseId: string): In<typeof ticketsContract.create> {
  const scope = hasScope(d.type) ? d.scope : 'home'
  const window = wantsWindow(d) && d.day && d.slot ? slotWindow(d.day, d.slot) : undefined
  return {
    type: d.type,
    scope,
    houseId,
    ...(scope === 'public' ? { building: d.building || undefined, location: d.location } : {}),
    category: d.category as Category,
    description: d.description,
    photos: d.photos,
    ...(d.type === 'repair' && d.urgent && d.emergency ? { emergency: d.emergency } : {}),
    ...(window ? { window } : {}),
  }
}

/** The part of 报事 that residents and staff (代客报事) fill in alike. */
export function TicketForm({
  draft,
  onChange,
  errors,
  buildings,
  emergencyPhone,
}: {
  draft: TicketDraft
  onChange: (d: TicketDraft) => void
  errors: Record<string, string>
  buildings: string[]
  emergencyPhone?: string
}) {
  const set = (patch: Partial<TicketDraft>) => onChange({ ...draft, ...patch })
  const days = useMemo(() => visitDays(Date.now()), [])
  const now = Date.now()

  return (
    <View className='tf'>
      <View className='card'>
        <View className='field'>
          <Text className='field-label'>要办什么</Text>
          <View className='tf-types'>
            {TICKET_TYPES.map((t) => (
              <View key={t} className={`chip tf-type ${draft.type === t ? 'chip-active' : ''}`} onClick={() => set({ type: t })} data-testid={`type-${t}`}>
                {TYPE_LABELS[t]}
              </View>
            ))}
          </View>
        </View>

        {hasScope(draft.type) && (
          <View className='field'>
            <Text className='field-label'>位置</Text>
            <View className='chips'>
              {(['home', 'public'] as const).map((s) => (
                <View key={s} className={`chip ${draft.scope === s ? 'chip-active' : ''}`} onClick={() => set({ scope: s })} data-testid={`scope-${s}`}>
                  {SCOPE_LABELS[s]}
                </View>
              ))}
            </View>
            {draft.scope === 'public' && (
              <View className='tf-public'>
                <View className='chips'>
                  {buildings.map((b) => (
                    <View
                      key={b}
                      className={`chip tf-building ${draft.building === b ? 'chip-active' : ''}`}
                      onClick={() => set({ building: b })}
                      data-testid={`building-${b}`}
                    >
                      {b}栋
                    </View>
                  ))}
                </View>
                <Input
                  className='field-input tf-location'
                  placeholder='具体位置，如 2 单元电梯厅、地下车库 B 区'
                  value={draft.location}
                  maxlength={40}
                  onInput={(e) => set({ location: e.detail.value })}
                  data-testid='location'
                />
                {(errors.building || errors.location) && <Text className='field-error'>{errors.building || errors.location}</Text>}
              </View>
            )}
          </View>
        )}

        <View className='field'>
          <Text className='field-label'>类别</Text>
          <View className='chips'>
            {CATEGORIES.map((c) => (
              <View key={c} className={`chip ${draft.category === c ? 'chip-active' : ''}`} onClick={() => set({ category: c })} data-testid={`category-${c}`}>
                {CATEGORY_LABELS[c]}
              </View>
            ))}
          </View>
          {errors.category && <Text className='field-error'>{errors.category}</Text>}
        </View>
      </View>

      {draft.type === 'repair' && (
        <View className={`card tf-urgent ${draft.urgent ? 'tf-urgent-on' : ''}`}>
          <View className='row between'>
            <View>
              <Text className='tf-urgent-title'>紧急情况</Text>
              <Text className='muted tf-urgent-sub'>危及人身财产安全，24 小时处理</Text>
            </View>
            <Switch
              checked={draft.urgent}
              color={palette.danger}
              onChange={(e) => set({ urgent: e.detail.value, emergency: e.detail.value ? draft.emergency : '' })}
              data-testid='urgent'
            />
          </View>
          {draft.urgent && (
            <View className='tf-urgent-body'>
              <View className='chips'>
                {EMERGENCIES.map((k) => (
                  <View
                    key={k}
                    className={`chip ${draft.emergency === k ? 'tf-chip-danger' : ''}`}
                    onClick={() => set({ emergency: k })}
                    data-testid={`emergency-${k}`}
                  >
                    {EMERGENCY_LABELS[k]}
                  </View>
                ))}
              </View>
              {errors.emergency && <Text className='field-error'>{errors.emergency}</Text>}
              {emergencyPhone && (
                <View className='tf-call' onClick={() => Taro.makePhoneCall({ phoneNumber: emergencyPhone })} data-testid='call-emergency'>
                  <Text className='tf-call-text'>情况危急请先拨打 24 小时应急电话</Text>
                  <Text className='tf-call-phone'>{emergencyPhone}</Text>
                </View>
              )}
            </View>
          )}
        </View>
      )}

      <View className='card'>
        <View className='field'>
          <Text className='field-label'>问题描述</Text>
          <Textarea
            className='text-box'
            value={draft.description}
            maxlength={500}
            placeholder={draft.type === 'repair' ? '说说哪里坏了、什么时候开始的，如：厨房水槽下水管接口漏水，地面已有积水' : '请描述您要反映的情况'}
            onInput={(e) => set({ description: e.detail.value })}
            data-testid='description'
          />
          <View className='row between'>
            <Text className='field-error'>{errors.description ?? ''}</Text>
            <Text
              className={`tf-count ${draft.description.trim().length > 0 && draft.description.trim().length < 5 ? 'tf-count-short' : ''}`}
              data-testid='description-count'
            >
              {draft.description.length}/500
            </Text>
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>照片（选填，最多 6 张）</Text>
          <PhotoPicker value={draft.photos} onChange={(photos) => set({ photos })} max={6} folder='tickets' />
          {errorFor(errors, 'photos') && <Text className='field-error'>{errorFor(errors, 'photos')}</Text>}
        </View>
      </View>

      {wantsWindow(draft) && (
        <View className='card'>
          <View className='card-title'>
            <Text>期望上门时间</Text>
            <Text className='muted'>选填</Text>
          </View>
          <View className='tf-days'>
            {days.map((d) => (
              <View
                key={d.key}
                className={`tf-day ${draft.day === d.key ? 'tf-day-active' : ''}`}
                onClick={() => set({ day: draft.day === d.key ? '' : d.key, slot: '' })}
                data-testid={`day-${d.key}`}
              >
                <Text className='tf-day-label'>{d.label}</Text>
                <Text className='tf-day-sub'>{d.sub}</Text>
              </View>
            ))}
          </View>
          {draft.day && (
            <View className='chips tf-slots'>
              {(Object.keys(VISIT_SLOTS) as VisitSlot[]).map((k) => {
                const past = at(draft.day, VISIT_SLOTS[k].to) <= now
                return (
                  <View
                    key={k}
                    className={`chip tf-slot ${draft.slot === k ? 'chip-active' : ''} ${past ? 'tf-slot-past' : ''}`}
                    onClick={() => !past && set({ slot: k })}
                    data-testid={`slot-${k}`}
                  >
                    {VISIT_SLOTS[k].label} {VISIT_SLOTS[k].from.slice(0, 2)}–{VISIT_SLOTS[k].to.slice(0, 2)}
                  </View>
                )
              })}
            </View>
          )}
          {errorFor(errors, 'window') && <Text className='field-error'>{errorFor(errors, 'window')}</Text>}
          <Text className='muted tf-hint'>不选则由师傅电话与您约定时间</Text>
        </View>
      )}
    </View>
  )
}

/**
 * What is wrong with a draft: the issues of the server's own schema (CreateTicket or RecordTicket,
 * parsed by the page), plus the one rule only the form has (紧急 ticked without its kind).
 */
export function draftErrors(d: TicketDraft, issues: readonly Issue[] = []): FieldErrors {
  const f = issuesToFields(issues)
  if (f.houseId) f.houseId = '请选择房号'
  if (d.type === 'repair' && d.urgent && !d.emergency) f.emergency ??= '请选择紧急情况的类型'
  return f
}
