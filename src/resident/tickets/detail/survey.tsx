import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../services/api'
import { ApiError, messageOf } from '../../../services/errors'
import { askSubscribe, preloadTemplates } from '../../../services/subscribe'
import { formatTime } from '../../../core/shared/time'
import { BAD_TAGS, GOOD_TAGS, type SurveyTag } from '../../../core/surveys/types'
import { PhotoPicker } from '../../../components/photo-picker'
import { RatingView, Stars, type Survey } from '../../../components/survey-parts'
import { go } from '../../../services/nav'

interface Draft {
  overall: number
  speed: number
  attitude: number
  resolved: boolean | null
  tags: SurveyTag[]
  comment: string
  photos: string[]
}

const empty: Draft = { overall: 0, speed: 0, attitude: 0, resolved: null, tags: [], comment: '', photos: [] }
const fromSurvey = (s: Survey): Draft =>
  s.answer
    ? {
        overall: s.answer.overall,
        speed: s.answer.speed ?? 0,
        attitude: s.answer.attitude ?? 0,
        resolved: s.answer.resolved,
        tags: s.answer.tags as SurveyTag[],
        comment: s.answer.comment ?? '',
        photos: s.answer.photos,
      }
    : empty

/** 服务评价 on the resident's ticket: the form while a survey is open, then the rating and the reply. */
export function SurveyCard({ ticketId, status, confirmed, onChanged }: { ticketId: string; status: string; confirmed: boolean; onChanged: () => void }) {
  const [s, setS] = useState<Survey | null>(null)
  const [editing, setEditing] = useState(false)
  const [d, setD] = useState<Draft>(empty)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (status !== 'closed') return
    preloadTemplates(['ticketSurvey', 'ticketProgress'])
    api.surveys
      .forTicket({ ticketId })
      .then((x) => {
        setS(x)
        if (x && !x.answer && x.canAnswer) {
          // He has just said it is solved: the form starts from his word (he can still change it).
          setD({ ...empty, resolved: confirmed ? true : null })
          setEditing(true)
        }
      })
      .catch(() => setS(null))
  }, [ticketId, status, confirmed])

  if (!s) return null
  const repair = s.type === 'repair'
  const set = (p: Partial<Draft>) => setD({ ...d, ...p })
  const toggle = (t: SurveyTag) => set({ tags: d.tags.includes(t) ? d.tags.filter((x) => x !== t) : [...d.tags, t] })

  const submit = async () => {
    // First await of the tap: WeChat opens the subscribe panel only from a tap.
    await askSubscribe(['ticketProgress', 'ticketSurvey'])
    const missing: Record<string, string> = {}
    if (!d.overall) missing.overall = '请为本次服务打分'
    if (repair && !d.speed) missing.speed = '请为上门速度打分'
    if (repair && !d.attitude) missing.attitude = '请为服务态度打分'
    if (d.resolved === null) missing.resolved = '请选择问题是否解决'
    setErrors(missing)
    if (Object.keys(missing).length) return
    setBusy(true)
    try {
      const r = await api.surveys.submit({
        ticketId,
        overall: d.overall,
        ...(repair ? { speed: d.speed, attitude: d.attitude } : {}),
        resolved: d.resolved!,
        tags: d.tags,
        ...(d.comment.trim() ? { comment: d.comment.trim() } : {}),
        photos: d.photos,
      })
      setS(r)
      setEditing(false)
      Taro.showToast({ title: '感谢您的评价', icon: 'success' })
      onChanged()
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!editing) {
    return (
      <View className='card' data-testid='survey-card'>
        <View className='between'>
          <Text className='card-title'>服务评价</Text>
          {s.state === 'missed' && <Text className='muted'>未评价</Text>}
        </View>
        {s.answer ? <RatingView s={s} /> : <Text className='muted'>{s.state === 'missed' ? '本次服务未收到评价' : '期待您的评价'}</Text>}
        {s.complaint && (
          <View className='td-survey-complaint' onClick={() => go('ticket', { id: s.complaint!.id })} data-testid='survey-complaint'>
            <Text>客服主任正在跟进：{s.complaint.no} ›</Text>
          </View>
        )}
        {s.canAnswer && s.answer && (
          <View className='row td-survey-foot'>
            <Text className='muted'>{s.amendUntil ? `${formatTime(s.amendUntil, 'MM-DD HH:mm')} 前可修改` : ''}</Text>
            <Button
              className='btn btn-ghost btn-small'
              onClick={() => {
                setD(fromSurvey(s))
                setEditing(true)
              }}
              data-testid='amend-survey'
            >
              修改评价
            </Button>
          </View>
        )}
      </View>
    )
  }

  const err = (k: string) => errors[k] && <Text className='field-error'>{errors[k]}</Text>
  return (
    <View className='card td-survey' data-testid='survey-form'>
      <Text className='card-title'>服务评价</Text>
      <Text className='muted td-survey-hint'>工单已完成，请为本次服务打分，您的评价会直接送到客服主任</Text>
      <View className='td-survey-row'>
        <Text className='td-survey-label'>总体满意度</Text>
        <Stars value={d.overall} onChange={(n) => set({ overall: n })} testid='star-overall' />
      </View>
      {err('overall')}
      {repair && (
        <>
          <View className='td-survey-row'>
            <Text className='td-survey-label'>上门速度</Text>
            <Stars value={d.speed} onChange={(n) => set({ speed: n })} testid='star-speed' />
          </View>
          {err('speed')}
          <View className='td-survey-row'>
            <Text className='td-survey-label'>服务态度</Text>
            <Stars value={d.attitude} onChange={(n) => set({ attitude: n })} testid='star-attitude' />
          </View>
          {err('attitude')}
        </>
      )}
      <View className='td-survey-row'>
        <Text className='td-survey-label'>问题是否解决</Text>
        <View className='chips'>
          <View className={`chip ${d.resolved === true ? 'chip-active' : ''}`} onClick={() => set({ resolved: true })} data-testid='resolved-yes'>
            已解决
          </View>
          <View className={`chip ${d.resolved === false ? 'chip-active' : ''}`} onClick={() => set({ resolved: false })} data-testid='resolved-no'>
            未解决
          </View>
        </View>
      </View>
      {err('resolved')}
      <View className='chips td-survey-tags'>
        {[...GOOD_TAGS, ...BAD_TAGS].map((t) => (
          <View key={t} className={`chip ${d.tags.includes(t) ? 'chip-active' : ''}`} onClick={() => toggle(t)} data-testid={`tag-${t}`}>
            {t}
          </View>
        ))}
      </View>
      <Textarea
        className='text-box'
        value={d.comment}
        maxlength={200}
        placeholder='说说您的感受（选填）'
        onInput={(e) => set({ comment: e.detail.value })}
        data-testid='survey-comment'
      />
      <Text className='muted td-survey-count'>{d.comment.length}/200</Text>
      {err('comment')}
      <PhotoPicker value={d.photos} onChange={(photos) => set({ photos })} max={3} folder='surveys' urls={s.photoUrls} testid='survey-photos' />
      <Button className='btn btn-primary btn-block td-sheet-btn' disabled={busy || undefined} onClick={submit} data-testid='submit-survey'>
        {s.answer ? '保存修改' : '提交评价'}
      </Button>
    </View>
  )
}
