import { View, Text, Picker } from '@tarojs/components'
import { clockMinutes, describeDay, NO_TIME, resolvePicked, type PickedTime } from '../../core/notices/when'
import { shanghaiDate } from '../../core/shared/time'

interface Props {
  label: string
  value: PickedTime
  onChange(v: PickedTime): void
  /** data-testid of the field; its date and time pickers get `-date` and `-time`. */
  testid: string
  /** What leaving it empty means (立即发布, 一直显示 …); without it the field must be filled. */
  emptyText?: string
  /** Allow dates before today (an outage that began this morning). */
  past?: boolean
  /** A time without a date is the next one after this (default now): an ETA counts from the start. */
  from?: number
  error?: string
}

const weekday = (date: string) => '日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()]

/**
 * One platform picker per value: a date and a time. A time without a date is the next such
 * time: today's, or tomorrow's once it has passed. The line under it says which day that is, so
 * nobody has to guess.
 */
export function WhenField({ label, value, onChange, testid, emptyText, past, from, error }: Props) {
  const now = Date.now()
  const today = shanghaiDate(now)
  const at = resolvePicked(value, from ?? now)
  const minutes = clockMinutes(value.time)
  const clock = minutes === undefined ? '09:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
  const empty = !value.date && !value.time
  // The day only: the time is right there in the box (and a second copy of it would be noise).
  const hint =
    at !== undefined
      ? `日期：${describeDay(at, now)}${value.date ? '' : '（不选日期则取最近的这个时间）'}`
      : empty
        ? (emptyText ?? '请选择日期和时间')
        : '请选择时间'
  return (
    <View className='sn-when' data-testid={testid}>
      <Text className='field-label'>{label}</Text>
      <View className='sn-when-row'>
        <Picker mode='date' value={value.date || today} {...(past ? {} : { start: today })} onChange={(e) => onChange({ ...value, date: e.detail.value })}>
          <View className={`sn-when-pick ${value.date ? 'sn-when-set' : ''}`} data-testid={`${testid}-date`}>
            {value.date ? `${Number(value.date.slice(5, 7))}月${Number(value.date.slice(8))}日 周${weekday(value.date)}` : '选择日期'}
          </View>
        </Picker>
        <Picker mode='time' value={clock} onChange={(e) => onChange({ ...value, time: e.detail.value })}>
          <View className={`sn-when-pick ${minutes !== undefined ? 'sn-when-set' : ''}`} data-testid={`${testid}-time`}>
            {minutes !== undefined ? clock : '选择时间'}
          </View>
        </Picker>
        {emptyText && !empty && (
          <Text className='sn-when-clear' onClick={() => onChange(NO_TIME)}>
            清除
          </Text>
        )}
      </View>
      <Text className={at === undefined && !empty ? 'field-error' : 'muted'}>{hint}</Text>
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  )
}
