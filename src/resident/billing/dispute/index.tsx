import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../services/api'
import { useRequestId } from '../../../services/request-id'
import { ApiError, messageOf } from '../../../services/errors'
import { askSubscribe } from '../../../services/subscribe'
import { yuan } from '../../../core/shared/money'
import './index.scss'
import { replace } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

const HINTS = ['面积与房产证不符', '单价与收费标准不符', '已在线下缴纳', '车位已退租', '读数有误']

/** A question about one bill: it becomes a 咨询 ticket the agents answer, linked to the bill. */
function BillDispute() {
  const { params } = useRouter()
  const about = decodeURIComponent(params.about ?? '')
  const [text, setText] = useState('')
  const request = useRequestId()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const description = `对账单有疑问：${about}，¥${yuan(Number(params.amount ?? 0))}。${text.trim()}`
    if (text.trim().length < 2) return setError('请简单说明哪里有疑问')
    setError('')
    setBusy(true)
    await askSubscribe(['ticketProgress', 'ticketDone'])
    try {
      const t = await api.tickets.create({
        type: 'question',
        scope: 'home',
        houseId: params.houseId!,
        category: 'other',
        description,
        photos: [],
        billId: decodeURIComponent(params.billId ?? ''),
        requestId: request.current(),
      })
      Taro.showToast({ title: '已提交，客服会尽快答复', icon: 'none' })
      replace('ticket', { id: t.id })
    } catch (e) {
      setError(e instanceof ApiError && e.fields ? Object.values(e.fields)[0] : messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card-title'>{about}</Text>
        <Text className='muted'>金额 ¥{yuan(Number(params.amount ?? 0))}，客服核对后会在工单里答复您，必要时调整账单。</Text>
      </View>
      <View className='card'>
        <Text className='field-label'>哪里有疑问？</Text>
        <View className='chips dispute-hints'>
          {HINTS.map((h) => (
            <View key={h} className={`chip ${text === h ? 'chip-active' : ''}`} onClick={() => setText(h)}>
              {h}
            </View>
          ))}
        </View>
        <Textarea
          className='text-box'
          value={text}
          maxlength={300}
          placeholder='也可以自己描述'
          onInput={(e) => setText(e.detail.value)}
          data-testid='dispute-text'
        />
        {error && <Text className='field-error'>{error}</Text>}
      </View>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={submit} data-testid='dispute-submit'>
        提交疑问
      </Button>
    </View>
  )
}

export default withLargeText(BillDispute)
