import { View, Text, Button, Input, Picker, Textarea } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../services/api'
import { useRequestId } from '../../../services/request-id'
import { useAction } from '../../../services/use-action'
import { back } from '../../../services/nav'
import { shanghaiDate } from '../../../core/shared/time'
import { dayText, WORK_LABELS, WORKS, type Work } from '../../../core/decoration/types'
import { PhotoPicker } from '../../../components/photo-picker'
import '../decoration.scss'
import { withLargeText } from '../../../services/large-text'

const DAY = 86_400_000
type Worker = { name: string; phone: string }

/** The owner's 装修申请: who does the work, when, what, and the drawings; the office decides and he is told. */
function DecorationApply() {
  const houseId = useRouter().params.houseId ?? ''
  const request = useRequestId()
  const [company, setCompany] = useState('')
  const [leader, setLeader] = useState('')
  const [phone, setPhone] = useState('')
  const [workers, setWorkers] = useState<Worker[]>([{ name: '', phone: '' }])
  const [start, setStart] = useState(shanghaiDate(Date.now() + 3 * DAY))
  const [end, setEnd] = useState(shanghaiDate(Date.now() + 62 * DAY))
  const [works, setWorks] = useState<Work[]>([])
  const [description, setDescription] = useState('')
  const [drawings, setDrawings] = useState<string[]>([])
  const [fields, setFields] = useState<Record<string, string>>({})
  const { busy, run } = useAction({ onFields: setFields })
  const today = shanghaiDate(Date.now())

  const toggle = (w: Work) => setWorks((ws) => (ws.includes(w) ? ws.filter((x) => x !== w) : [...ws, w]))
  const setWorker = (i: number, patch: Partial<Worker>) => setWorkers((ws) => ws.map((w, k) => (k === i ? { ...w, ...patch } : w)))
  const submit = async () => {
    setFields({})
    const ok = await run(
      'apply',
      () =>
        api.decoration.apply({
          requestId: request.current(),
          houseId,
          contractor: { company: company.trim(), leader: leader.trim(), phone: phone.trim() },
          workers: workers.filter((w) => w.name.trim() || w.phone.trim()).map((w) => ({ name: w.name.trim(), phone: w.phone.trim() })),
          start,
          end,
          works,
          description: description.trim(),
          drawings,
        }),
      '已提交，等待物业审核',
    )
    if (ok) {
      request.renew()
      setTimeout(() => back('mine'), 800)
    }
  }
  const err = (k: string) => (fields[k] ? <Text className='field-error'>{fields[k]}</Text> : null)

  return (
    <View className='page'>
      <View className='card'>
        <Text className='field-label'>施工单位（个人施工填“个人”）</Text>
        <Input
          className='field-input'
          value={company}
          onInput={(e) => setCompany(e.detail.value)}
          placeholder='如：杭州安居装饰有限公司'
          data-testid='da-company'
        />
        {err('contractor.company')}
        <Text className='field-label dc-gap'>施工负责人</Text>
        <Input className='field-input' value={leader} onInput={(e) => setLeader(e.detail.value)} placeholder='姓名' data-testid='da-leader' />
        {err('contractor.leader')}
        <Text className='field-label dc-gap'>负责人手机</Text>
        <Input
          className='field-input'
          type='number'
          maxlength={11}
          value={phone}
          onInput={(e) => setPhone(e.detail.value)}
          placeholder='11 位手机号'
          data-testid='da-phone'
        />
        {err('contractor.phone')}
      </View>

      <View className='card'>
        <Text className='field-label'>施工人员（进出小区凭许可证登记）</Text>
        {workers.map((w, i) => (
          <View className='row dc-worker' key={i}>
            <Input
              className='field-input dc-worker-name'
              value={w.name}
              onInput={(e) => setWorker(i, { name: e.detail.value })}
              placeholder='姓名'
              data-testid='da-worker-name'
            />
            <Input
              className='field-input dc-worker-phone'
              type='number'
              maxlength={11}
              value={w.phone}
              onInput={(e) => setWorker(i, { phone: e.detail.value })}
              placeholder='手机号'
              data-testid='da-worker-phone'
            />
            {workers.length > 1 && (
              <Text className='dc-remove' onClick={() => setWorkers((ws) => ws.filter((_, k) => k !== i))}>
                删除
              </Text>
            )}
          </View>
        ))}
        {Object.keys(fields).some((k) => k.startsWith('workers')) && (
          <Text className='field-error'>{fields[Object.keys(fields).find((k) => k.startsWith('workers'))!]}</Text>
        )}
        {workers.length < 30 && (
          <Text className='dc-add' onClick={() => setWorkers((ws) => [...ws, { name: '', phone: '' }])} data-testid='da-worker-add'>
            + 添加施工人员
          </Text>
        )}
      </View>

      <View className='card'>
        <Text className='field-label'>施工期</Text>
        <View className='row dc-book-row'>
          <Picker mode='date' value={start} start={today} onChange={(e) => setStart(e.detail.value)}>
            <View className='dc-pick' data-testid='da-start'>
              {dayText(start)} 开工
            </View>
          </Picker>
          <Picker mode='date' value={end} start={start} onChange={(e) => setEnd(e.detail.value)}>
            <View className='dc-pick' data-testid='da-end'>
              {dayText(end)} 完工
            </View>
          </Picker>
        </View>
        {err('start') ?? err('end')}
        <Text className='field-label dc-gap'>施工项目（可多选）</Text>
        <View className='chips'>
          {WORKS.map((w) => (
            <View key={w} className={`chip ${works.includes(w) ? 'chip-active' : ''}`} onClick={() => toggle(w)} data-testid={`da-work-${w}`}>
              {WORK_LABELS[w]}
            </View>
          ))}
        </View>
        {err('works')}
        {(works.includes('wiring') || works.includes('waterproof')) && (
          <Text className='muted dc-gap'>
            {[works.includes('wiring') && '水电改造需做隐蔽验收', works.includes('waterproof') && '防水需做闭水试验'].filter(Boolean).join('，')}
            ，封闭前请预约。
          </Text>
        )}
      </View>

      <View className='card'>
        <Text className='field-label'>装修内容</Text>
        <Textarea
          className='text-box'
          value={description}
          maxlength={500}
          onInput={(e) => setDescription(e.detail.value)}
          placeholder='如：厨卫水电改造，客厅吊顶，不动承重墙'
          data-testid='da-description'
        />
        {err('description')}
        <Text className='field-label dc-gap'>施工图纸或照片（选填，最多 9 张）</Text>
        <PhotoPicker value={drawings} onChange={setDrawings} max={9} folder='decoration' testid='da-drawings' />
        {err('drawings')}
      </View>

      <Button className='btn btn-primary btn-block' disabled={busy === 'apply' || undefined} onClick={submit} data-testid='da-submit'>
        提交申请
      </Button>
      <Text className='muted dc-foot'>不得拆改承重墙、外立面和外窗；物业审核后会通知您，并告知同单元上下楼邻居施工时间。</Text>
    </View>
  )
}

export default withLargeText(DecorationApply)
