import { View, Text, Input, Button, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import type { decorationContract } from '../../core/decoration/contracts'
import { RulesInput } from '../../core/decoration/rules-input'
import { WEEKEND_LABELS, type DecorationRules } from '../../core/decoration/types'
import { parseYuan, yuan } from '../../core/shared/money'
import { Loading } from '../../components/page-state'

type Rules = Output<typeof decorationContract.rules>
const WEEKENDS = Object.keys(WEEKEND_LABELS) as DecorationRules['weekend'][]

/** 装修规定: when noisy work may be done and the deposit; approvals, permits and the neighbours' notice follow them. */
export function DecorationSection() {
  const [saved, setSaved] = useState<Rules | null>(null)
  const [periods, setPeriods] = useState<DecorationRules['periods']>([])
  const [weekend, setWeekend] = useState<DecorationRules['weekend']>('quiet')
  const [deposit, setDeposit] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const show = (r: Rules) => {
    setSaved(r)
    setPeriods(r.periods)
    setWeekend(r.weekend)
    setDeposit(yuan(r.deposit))
  }
  useEffect(() => {
    api.decoration
      .rules({})
      .then(show)
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [])

  const setPeriod = (i: number, k: 'from' | 'to', v: string) => setPeriods((ps) => ps.map((p, j) => (j === i ? { ...p, [k]: v } : p)))
  const save = async () => {
    const parsed = RulesInput.safeParse({ periods, weekend, deposit: parseYuan(deposit) ?? Number.NaN })
    if (!parsed.success) {
      const m = parsed.error.issues[0]?.message ?? '请检查填写的内容'
      setError(m)
      return Taro.showToast({ title: m, icon: 'none' })
    }
    setError('')
    setBusy(true)
    try {
      show(await api.decoration.setRules(parsed.data))
      Taro.showToast({ title: '已保存，之后批准的装修按此执行', icon: 'none' })
    } catch (e) {
      if (e instanceof ApiError && e.fields) setError(Object.values(e.fields)[0] ?? '')
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!saved) return <Loading />
  return (
    <View>
      <View className='section-title'>装修施工时间</View>
      <View className='muted st-note' data-testid='dr-status'>
        {saved.isDefault ? '当前使用默认设置' : '已按本小区规定设置'}：{saved.text}
      </View>
      <View className='card'>
        <Text className='field-label'>工作日可施工时段</Text>
        {periods.map((p, i) => (
          <View className='st-row' key={i}>
            <Text className='st-label'>时段 {i + 1}</Text>
            <Picker mode='time' value={p.from} onChange={(e) => setPeriod(i, 'from', e.detail.value)}>
              <View className='st-input' data-testid='dr-from'>
                {p.from}
              </View>
            </Picker>
            <Text className='st-unit'>至</Text>
            <Picker mode='time' value={p.to} onChange={(e) => setPeriod(i, 'to', e.detail.value)}>
              <View className='st-input' data-testid='dr-to'>
                {p.to}
              </View>
            </Picker>
            {periods.length > 1 && (
              <Text className='st-unit' onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))}>
                删除
              </Text>
            )}
          </View>
        ))}
        {periods.length < 3 && (
          <Text className='st-add' onClick={() => setPeriods((ps) => [...ps, { from: '14:00', to: '18:00' }])}>
            + 添加时段
          </Text>
        )}
        <View className='chips st-chips'>
          {WEEKENDS.map((w) => (
            <View key={w} className={`chip ${weekend === w ? 'chip-active' : ''}`} onClick={() => setWeekend(w)} data-testid={`dr-weekend-${w}`}>
              {WEEKEND_LABELS[w]}
            </View>
          ))}
        </View>
        <View className='st-row'>
          <Text className='st-label'>装修押金</Text>
          <Input className='st-input' type='digit' value={deposit} onInput={(e) => setDeposit(e.detail.value)} data-testid='dr-deposit' />
          <Text className='st-unit'>元</Text>
        </View>
        {error && <View className='field-error'>{error}</View>}
        <Text className='muted'>批准装修时按此生成押金账单，并告知同单元上下楼邻居施工时间；填 0 表示不收押金</Text>
      </View>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={save} data-testid='dr-save'>
        {busy ? '保存中…' : '保存装修规定'}
      </Button>
    </View>
  )
}
