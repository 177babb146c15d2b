import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { OfflinePolicyInput } from '../../core/supervisor/team-contracts'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { parseYuan } from '../../core/shared/money'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'

type Offline = Output<typeof supervisorContract.policies>['offline']

/** 线下收款复核: above this amount a desk payment needs a second staff member before it is credited. */
export function OfflineReviewCard({ value, onSaved }: { value: Offline; onSaved: (v: Offline) => void }) {
  const [text, setText] = useState(yuan(value.reviewAbove))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => setText(yuan(value.reviewAbove)), [value.reviewAbove])

  const save = async () => {
    const fen = parseYuan(text)
    const parsed = OfflinePolicyInput.safeParse({ reviewAbove: fen ?? Number.NaN })
    if (!parsed.success) {
      const m = parsed.error.issues[0]?.message ?? '请填写金额（元）'
      setError(m)
      Taro.showToast({ title: m, icon: 'none' })
      return
    }
    setError('')
    setBusy(true)
    try {
      onSaved(await api.supervisor.saveOfflinePolicy(parsed.data))
      Taro.showToast({ title: '已保存，下一笔收款生效', icon: 'none' })
    } catch (e) {
      if (e instanceof ApiError && e.fields) setError(e.fields.reviewAbove ?? '')
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className='section-title'>线下收款复核</View>
      <View className='muted st-note' data-testid='or-status'>
        {value.isDefault ? '当前使用默认设置' : `${value.updatedByName ?? ''} 于 ${formatTime(value.updatedAt ?? 0)} 修改`}
      </View>
      <View className='card'>
        <View className='field st-field'>
          <View className='st-row'>
            <Text className='st-label'>现金或转账超过</Text>
            <Input className='st-input' type='digit' value={text} onInput={(e) => setText(e.detail.value)} data-testid='or-above' />
            <Text className='st-unit'>元</Text>
          </View>
          {error && (
            <View className='field-error' data-testid='or-error'>
              {error}
            </View>
          )}
        </View>
        <Text className='muted'>超过此金额的前台收款需另一位同事确认后才记为已缴并出具收据；填 0 表示每笔都复核</Text>
      </View>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={save} data-testid='or-save'>
        {busy ? '保存中…' : '保存复核金额'}
      </Button>
    </View>
  )
}
