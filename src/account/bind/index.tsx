import { View, Text, Button, Input, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { askSubscribe, preloadTemplates } from '../../services/subscribe'
import { BindRequest } from '../../core/account/contracts'
import { HOUSE_ROLES, HOUSE_ROLE_LABELS, type HouseRole } from '../../core/account/types'
import { ErrorView, Loading } from '../../components/page-state'
import { HousePicker } from '../../components/house-picker'
import './index.scss'

export default function Bind() {
  const communities = useLoad(() => api.account.communities())
  const [ci, setCi] = useState(0)
  const [houseId, setHouseId] = useState('')
  const [role, setRole] = useState<HouseRole>('owner')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<null | { status: string; label: string }>(null)

  useEffect(() => {
    if (!needsSignIn()) {
      communities.reload()
      preloadTemplates(['bindingResult'])
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const community = communities.data?.[ci]

  if (communities.loading && !communities.data) return <Loading />
  if (communities.error) return <ErrorView message={communities.error} onRetry={communities.reload} />
  if (!community) return null

  const submit = async () => {
    // The same schema the server parses with, so the resident sees the same words either way.
    const parsed = BindRequest.safeParse({ houseId, role, name, phone })
    if (!parsed.success) {
      const f: Record<string, string> = {}
      for (const i of parsed.error.issues) f[String(i.path[0])] ??= i.message
      if (f.houseId) f.houseId = '请选择房号'
      setErrors(f)
      return
    }
    setErrors({})
    // At the tap, before anything else is awaited: a binding that waits for staff is answered by
    // subscribe message (审核结果通知), or only in 消息 if the resident declines.
    await askSubscribe(['bindingResult'])
    setBusy(true)
    try {
      const b = await api.account.bindHouse(parsed.data)
      setResult({ status: b.status, label: b.label })
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    const ok = result.status === 'approved'
    return (
      <View className='page'>
        <View className='card bind-result' data-testid='bind-result'>
          <View className={`bind-result-icon ${ok ? '' : 'bind-result-wait'}`}>{ok ? '✓' : '…'}</View>
          <Text className='bind-result-title'>{ok ? '绑定成功' : '已提交，等待物业审核'}</Text>
          <Text className='muted'>
            {ok
              ? `${result.label} 已绑定到您的账号`
              : `您填写的信息与业主档案不一致，物业将在 1 个工作日内核实 ${result.label}，结果会通过消息通知您。`}
          </Text>
          <Button className='btn btn-primary btn-block bind-result-btn' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
            查看我的房屋
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page bind'>
      <View className='card'>
        <View className='field'>
          <Text className='field-label'>小区</Text>
          <Picker mode='selector' range={communities.data!.map((c) => c.name)} value={ci} onChange={(e) => { setCi(Number(e.detail.value)); setHouseId('') }}>
            <View className='bind-picker'>{community.name} ›</View>
          </Picker>
        </View>
        <View className='field'>
          <Text className='field-label'>楼栋 · 单元 · 房号</Text>
          <HousePicker key={community.id} community={community} value={houseId} onChange={setHouseId} />
          {errors.houseId && <Text className='field-error'>{errors.houseId}</Text>}
        </View>
      </View>

      <View className='card'>
        <View className='field'>
          <Text className='field-label'>您的身份</Text>
          <View className='chips'>
            {HOUSE_ROLES.map((r) => (
              <View key={r} className={`chip ${role === r ? 'chip-active' : ''}`} onClick={() => setRole(r)} data-testid={`role-${r}`}>
                {HOUSE_ROLE_LABELS[r]}
              </View>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>姓名</Text>
          <Input className='field-input' placeholder='与房产证或租赁合同一致' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} data-testid='name' />
          {errors.name && <Text className='field-error'>{errors.name}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>手机号</Text>
          <Input className='field-input' type='number' placeholder='用于物业联系您' value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} data-testid='phone' />
          {errors.phone && <Text className='field-error'>{errors.phone}</Text>}
        </View>
      </View>

      <Text className='muted bind-hint'>姓名和手机号与业主档案一致时立即绑定，否则由物业人工审核。</Text>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} loading={busy} onClick={submit} data-testid='submit'>
        提交绑定
      </Button>
    </View>
  )
}
