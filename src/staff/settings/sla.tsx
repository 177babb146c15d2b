import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { useLoad } from '../../services/session'
import { ServiceSettingsInput } from '../../core/supervisor/contracts'
import { crossFieldErrors } from '../../core/supervisor/settings'
import type { SlaPolicy } from '../../core/tickets/sla'
import type { BusinessCalendar } from '../../core/tickets/calendar'
import { formatTime } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { errorFor, issuesToFields } from '../../core/shared/errors'

type Kind = 'emergency' | 'repair' | 'complaint' | 'suggestion' | 'question'
type Step = 'respond' | 'arrive' | 'resolve'
/** Which minute fields each kind has; 报修 上门 follows the resident's window and is not edited here. */
const ROWS: { kind: Kind; label: string; hint: string; steps: Step[] }[] = [
  { kind: 'emergency', label: '紧急工单', hint: '24 小时计时', steps: ['respond', 'arrive', 'resolve'] },
  { kind: 'repair', label: '报修', hint: '工作时间计时 · 上门按预约时段', steps: ['respond', 'resolve'] },
  { kind: 'complaint', label: '投诉', hint: '工作时间计时', steps: ['respond', 'resolve'] },
  { kind: 'suggestion', label: '建议', hint: '工作时间计时', steps: ['respond'] },
  { kind: 'question', label: '咨询', hint: '工作时间计时', steps: ['respond'] },
]
const STEP_LABELS: Record<Step, string> = { respond: '响应', arrive: '上门', resolve: '解决' }

type Form = Record<string, string>

function toForm(sla: SlaPolicy, cal: BusinessCalendar): Form {
  const f: Form = { warnPct: String(sla.warnPct), escalatePct: String(sla.escalatePct), open: cal.open, close: cal.close, holidays: cal.holidays.join(' ') }
  for (const r of ROWS) for (const s of r.steps) f[`sla.${r.kind}.${s}`] = String(sla[r.kind][s] ?? '')
  return f
}

/** The form back into a policy: fields the form does not show keep their saved values. */
function fromForm(f: Form, sla: SlaPolicy, cal: BusinessCalendar) {
  const num = (k: string) => (f[k]?.trim() === '' ? Number.NaN : Number(f[k]))
  const next = { ...sla, warnPct: num('warnPct'), escalatePct: num('escalatePct') } as SlaPolicy
  for (const r of ROWS) {
    const rule = { ...sla[r.kind] }
    for (const s of r.steps) (rule as Record<Step, unknown>)[s] = num(`sla.${r.kind}.${s}`)
    ;(next as unknown as Record<Kind, unknown>)[r.kind] = rule
  }
  const holidays = f.holidays.split(/[\s,，、]+/).filter(Boolean)
  return { sla: next, calendar: { ...cal, open: f.open.trim(), close: f.close.trim(), holidays } }
}

/** 服务时限: the SLA minutes and the business calendar, validated by the same contract as the server. */
export function SlaSection() {
  const current = useLoad(() => api.supervisor.settings({}), [])
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const d = current.data
  const { reload } = current
  useEffect(() => {
    reload()
  }, [reload])
  useEffect(() => {
    if (d) setForm(toForm(d.sla, d.calendar))
  }, [d])

  if (current.loading && !d) return <Loading />
  if (current.error && !d) return <ErrorView message={current.error} onRetry={current.reload} />
  if (!d || !form) return null

  const set = (k: string) => (e: { detail: { value: string } }) => setForm({ ...form, [k]: e.detail.value })
  const field = (k: string, label: string, unit: string, type: 'number' | 'text' = 'number') => (
    <View className='field st-field' key={k}>
      <View className='st-row'>
        <Text className='st-label'>{label}</Text>
        <Input className='st-input' type={type} value={form[k]} onInput={set(k)} data-testid={`st-${k}`} />
        <Text className='st-unit'>{unit}</Text>
      </View>
      {errorFor(errors, k) && (
        <View className='field-error' data-testid={`st-error-${k}`}>
          {errorFor(errors, k)}
        </View>
      )}
    </View>
  )

  const save = async () => {
    const input = fromForm(form, d.sla, d.calendar)
    const parsed = ServiceSettingsInput.safeParse(input)
    const f = parsed.success ? crossFieldErrors(parsed.data) : issuesToFields(parsed.error.issues)
    setErrors(f)
    if (Object.keys(f).length || !parsed.success) {
      Taro.showToast({ title: Object.values(f)[0] ?? '请检查填写的内容', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      current.setData(await api.supervisor.saveSettings(parsed.data))
      Taro.showToast({ title: '已保存，新工单即时生效', icon: 'none' })
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className='muted st-note' data-testid='st-status'>
        {d.isDefault ? '当前使用默认设置' : `${d.updatedByName ?? ''} 于 ${formatTime(d.updatedAt ?? 0)} 修改`}
      </View>
      <View className='section-title'>服务时限（分钟）</View>
      {ROWS.map((r) => (
        <View className='card' key={r.kind}>
          <View className='between'>
            <Text className='card-title'>{r.label}</Text>
            <Text className='muted'>{r.hint}</Text>
          </View>
          {r.steps.map((s) => field(`sla.${r.kind}.${s}`, `${STEP_LABELS[s]}时限`, '分钟'))}
        </View>
      ))}
      <View className='card'>
        <Text className='card-title'>超时提醒与升级</Text>
        {field('warnPct', '到时限的多少时提醒处理人', '%')}
        {field('escalatePct', '超时多少后升级至客服主任', '%')}
      </View>
      <View className='section-title'>营业时间</View>
      <View className='card'>
        {field('open', '上班时间', '如 09:00', 'text')}
        {field('close', '下班时间', '如 18:00', 'text')}
        <View className='field st-field'>
          <Text className='st-label'>节假日（如 2026-10-01，多天用空格分开）</Text>
          <Input className='st-input st-input-wide' value={form.holidays} onInput={set('holidays')} data-testid='st-holidays' />
          {errorFor(errors, 'calendar.holidays') && (
            <View className='field-error' data-testid='st-error-holidays'>
              {errorFor(errors, 'calendar.holidays')}
            </View>
          )}
        </View>
      </View>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={save} data-testid='st-save'>
        {busy ? '保存中…' : '保存'}
      </Button>
    </View>
  )
}
