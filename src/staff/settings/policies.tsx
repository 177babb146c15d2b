import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { useLoad } from '../../services/session'
import { ReminderPolicyInput } from '../../core/supervisor/team-contracts'
import { reminderPolicyErrors } from '../../core/supervisor/reminder-policy'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { CALLBACK_POLICIES, CALLBACK_POLICY_LABELS, type CallbackPolicy } from '../../core/surveys/types'
import { formatTime } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { num } from './form'
import { errorFor, issuesToFields } from '../../core/shared/errors'
import { OfflineReviewCard } from './offline-review'

type Policies = Output<typeof supervisorContract.policies>
type Reminders = Policies['reminders']['policy']
type Form = Record<'daysBefore' | 'overdueDays' | 'minGapDays' | 'hour' | 'quiet.start' | 'quiet.end', string> & { onDue: boolean }

const CALLBACK_HINTS: Record<CallbackPolicy, string> = {
  always: '每张完工的工单都生成回访任务',
  unrated: '住户 72 小时内未评价的才回访（默认）',
  never: '不生成回访任务，只看住户评价',
}

const toForm = (p: Reminders): Form => ({
  daysBefore: String(p.daysBefore),
  onDue: p.onDue,
  overdueDays: p.overdueDays.join(' '),
  minGapDays: String(p.minGapDays),
  hour: String(p.hour),
  'quiet.start': String(p.quiet.start),
  'quiet.end': String(p.quiet.end),
})

/** Typed text back into a policy; what is not a number stays NaN, so the contract names the field. */
const fromForm = (f: Form) => ({
  daysBefore: num(f.daysBefore),
  onDue: f.onDue,
  overdueDays: f.overdueDays
    .split(/[\s,，、+]+/)
    .filter(Boolean)
    .map(Number),
  minGapDays: num(f.minGapDays),
  hour: num(f.hour),
  quiet: { start: num(f['quiet.start']), end: num(f['quiet.end']) },
})

/** 回访策略, 催缴提醒 and 线下收款复核: each read where it applies on its next use, so a change needs no deploy. */
export function PoliciesSection() {
  const current = useLoad(() => api.supervisor.policies({}), [])
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const { reload, setData } = current
  const d = current.data
  useEffect(() => {
    reload()
  }, [reload])
  useEffect(() => {
    if (d) setForm(toForm(d.reminders.policy))
  }, [d])

  if (current.loading && !d) return <Loading />
  if (current.error && !d) return <ErrorView message={current.error} code={current.errorCode} onRetry={reload} />
  if (!d || !form) return null

  const setCallback = async (policy: CallbackPolicy) => {
    if (policy === d.callback.policy || busy) return
    setBusy(true)
    try {
      setData({ ...d, callback: await api.supervisor.setCallbackPolicy({ policy }) })
      Taro.showToast({ title: '回访策略已保存', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const saveReminders = async () => {
    const parsed = ReminderPolicyInput.safeParse(fromForm(form))
    const f = parsed.success ? reminderPolicyErrors(parsed.data) : issuesToFields(parsed.error.issues)
    setErrors(f)
    if (!parsed.success || Object.keys(f).length) {
      Taro.showToast({ title: Object.values(f)[0] ?? '请检查填写的内容', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      setData({ ...d, reminders: await api.supervisor.saveReminderPolicy(parsed.data) })
      Taro.showToast({ title: '已保存，下次催缴生效', icon: 'none' })
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const set = (k: Exclude<keyof Form, 'onDue'>) => (e: { detail: { value: string } }) => setForm({ ...form, [k]: e.detail.value })
  const error = (k: string) => {
    const m = errorFor(errors, k)
    return m ? (
      <View className='field-error' data-testid={`rp-error-${k}`}>
        {m}
      </View>
    ) : null
  }
  const field = (k: Exclude<keyof Form, 'onDue'>, label: string, unit: string, type: 'number' | 'text' = 'number') => (
    <View className='field st-field' key={k}>
      <View className='st-row'>
        <Text className='st-label'>{label}</Text>
        <Input className='st-input' type={type} value={form[k]} onInput={set(k)} data-testid={`rp-${k}`} />
        <Text className='st-unit'>{unit}</Text>
      </View>
      {error(k)}
    </View>
  )
  const r = d.reminders

  return (
    <View>
      <View className='section-title'>回访策略</View>
      <View className='card'>
        {CALLBACK_POLICIES.map((p) => (
          <View key={p} className={`st-option ${d.callback.policy === p ? 'st-option-on' : ''}`} onClick={() => setCallback(p)} data-testid={`cb-${p}`}>
            <Text className='st-option-title'>{CALLBACK_POLICY_LABELS[p]}</Text>
            <Text className='muted'>{CALLBACK_HINTS[p]}</Text>
          </View>
        ))}
        <Text className='muted' data-testid='cb-status'>
          {d.callback.isDefault ? '当前使用默认策略' : `当前：${CALLBACK_POLICY_LABELS[d.callback.policy]}`}，对此后完工的工单生效
        </Text>
      </View>

      <View className='section-title'>催缴提醒</View>
      <View className='muted st-note' data-testid='rp-status'>
        {r.isDefault ? '当前使用默认设置' : `${r.updatedByName ?? ''} 于 ${formatTime(r.updatedAt ?? 0)} 修改`}
      </View>
      <View className='card'>
        <Text className='card-title'>何时提醒</Text>
        {field('daysBefore', '到期前几天提醒（0 为不提前）', '天')}
        <View className='field st-field'>
          <View className='st-row'>
            <Text className='st-label'>到期当天提醒</Text>
            <View className='chips'>
              {[true, false].map((v) => (
                <View
                  key={String(v)}
                  className={`chip ${form.onDue === v ? 'chip-active' : ''}`}
                  onClick={() => setForm({ ...form, onDue: v })}
                  data-testid={`rp-onDue-${v}`}
                >
                  {v ? '提醒' : '不提醒'}
                </View>
              ))}
            </View>
          </View>
          {error('onDue')}
        </View>
        <View className='field st-field'>
          <Text className='st-label'>逾期第几天提醒（从小到大，空格分隔，如 7 15 30）</Text>
          <Input className='st-input st-input-wide' value={form.overdueDays} onInput={set('overdueDays')} data-testid='rp-overdueDays' />
          {error('overdueDays')}
        </View>
      </View>
      <View className='card'>
        <Text className='card-title'>打扰多少</Text>
        {field('minGapDays', '同一住户两次提醒至少间隔', '天')}
        {field('hour', '每日提醒时间（点）', '时')}
        {field('quiet.start', '免打扰开始（点）', '时')}
        {field('quiet.end', '免打扰结束（点）', '时')}
        <Text className='muted'>免打扰时段内只写站内消息，微信通知等到结束后再发</Text>
      </View>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={saveReminders} data-testid='rp-save'>
        {busy ? '保存中…' : '保存催缴提醒'}
      </Button>

      <OfflineReviewCard value={d.offline} onSaved={(offline) => setData({ ...d, offline })} />
    </View>
  )
}
