import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { RatingView, type Survey } from '../../components/survey-parts'
import { go } from '../../services/nav'

/** The resident's rating on the staff ticket page, and the reply box for agents and supervisors. */
export function StaffSurvey({ ticketId, status }: { ticketId: string; status: string }) {
  const [s, setS] = useState<Survey | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (status !== 'closed') return
    api.surveys
      .forTicket({ ticketId })
      .then(setS)
      .catch(() => setS(null))
  }, [ticketId, status])
  if (!s) return null

  const send = async () => {
    setBusy(true)
    try {
      setS(await api.surveys.reply({ surveyId: s.id, text: text.trim() }))
      setText('')
      Taro.showToast({ title: '已回复', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='staff-survey'>
      <View className='between'>
        <Text className='card-title'>住户评价</Text>
        <Text className='muted'>
          {s.state === 'open' ? '待评价' : s.state === 'missed' ? '未回访' : s.answer?.source === 'callback' ? '电话回访' : '已评价'}
        </Text>
      </View>
      {s.answer ? <RatingView s={s} /> : <Text className='muted'>已发送评价邀请，住户尚未评价</Text>}
      {s.complaint && (
        <View className='st-survey-complaint' onClick={() => go('staffTicket', { id: s.complaint!.id })} data-testid='survey-complaint'>
          <Text>差评已转投诉 {s.complaint.no} ›</Text>
        </View>
      )}
      {s.canReply && !s.reply && (
        <View className='st-survey-reply'>
          <Textarea
            className='text-box'
            value={text}
            maxlength={200}
            placeholder='回复住户（住户在工单上可以看到）'
            onInput={(e) => setText(e.detail.value)}
            data-testid='survey-reply-input'
          />
          <View className='row st-survey-foot'>
            <Button className='btn btn-primary btn-small' disabled={text.trim().length < 2 || busy || undefined} onClick={send} data-testid='send-survey-reply'>
              回复
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
