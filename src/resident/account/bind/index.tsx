import { View, Text, Button, Input, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../services/api'
import { ApiError, messageOf } from '../../../services/errors'
import { needsSignIn, useLoad, useMe } from '../../../services/session'
import { askSubscribe, preloadTemplates } from '../../../services/subscribe'
import { BindRequest } from '../../../core/account/bind-input'
import { issuesToFields } from '../../../core/shared/errors'
import { HOUSE_ROLES, HOUSE_ROLE_LABELS, type HouseRole } from '../../../core/account/types'
import { ErrorView, Loading } from '../../../components/page-state'
import { HousePicker } from '../../../components/house-picker'
import { PrivacySheet } from '../../../components/privacy-sheet'
import { verifyPhone } from './verify-phone'
import './index.scss'
import { back, go } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

const WEAPP = process.env.TARO_ENV === 'weapp'

function Bind() {
  const { me, setMe } = useMe()
  const communities = useLoad(() => api.account.communities())
  const [ci, setCi] = useState(0)
  const [houseId, setHouseId] = useState('')
  const [role, setRole] = useState<HouseRole>('owner')
  const [name, setName] = useState('')
  // The number WeChat verified is the default; typing one is the way out, reviewed by staff.
  const [typed, setTyped] = useState(false)
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<null | { status: string; label: string; phoneVerified: boolean }>(null)

  useEffect(() => {
    if (!needsSignIn()) {
      communities.reload()
      preloadTemplates(['bindingResult'])
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const community = communities.data?.[ci]

  if ((communities.loading && !communities.data) || !me) return <Loading />
  if (communities.error) return <ErrorView message={communities.error} onRetry={communities.reload} />
  if (!community) return null

  // Consent first: this form collects a name and a phone number. The form shows behind the
  // sheet, so the person sees what they are agreeing to.
  const consent = !me.privacyAccepted && (
    <PrivacySheet
      onAgree={async () => {
        try {
          setMe(await api.account.updateProfile({ acceptPrivacy: true }))
        } catch (e) {
          Taro.showToast({ title: messageOf(e), icon: 'none' })
        }
      }}
      onDisagree={() => back('mine')}
    />
  )

  const onCode = async (code?: string) => {
    try {
      const masked = await verifyPhone(code)
      if (!masked) return
      setMe({ ...me, verifiedPhone: masked })
      setErrors(({ phone: _, ...rest }) => rest)
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  const submit = async () => {
    // The same schema the server parses with, so the resident sees the same words either way.
    const parsed = BindRequest.safeParse({ houseId, role, name, ...(typed ? { phone } : {}) })
    const f = parsed.success ? {} : issuesToFields(parsed.error.issues)
    if (f.houseId) f.houseId = '请选择房号'
    if (!typed && !me.verifiedPhone) f.phone = '请先验证手机号，或手动填写'
    setErrors(f)
    if (!parsed.success || Object.keys(f).length) return
    // At the tap, before anything else is awaited: a binding that waits for staff is answered by
    // subscribe message (审核结果通知), or only in 消息 if the resident declines.
    await askSubscribe(['bindingResult'])
    setBusy(true)
    try {
      const b = await api.account.bindHouse(parsed.data)
      setResult({ status: b.status, label: b.label, phoneVerified: b.phoneVerified })
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    const ok = result.status === 'approved'
    const why = result.phoneVerified ? '您填写的信息与业主档案不一致' : '手动填写的手机号需要核实'
    return (
      <View className='page'>
        <View className='card bind-result' data-testid='bind-result'>
          <View className={`bind-result-icon ${ok ? '' : 'bind-result-wait'}`}>{ok ? '✓' : '…'}</View>
          <Text className='bind-result-title'>{ok ? '绑定成功' : '已提交，等待物业审核'}</Text>
          <Text className='muted'>
            {ok
              ? `${result.label} 已绑定到您的账号，家里已绑定的成员会收到通知。`
              : `${why}，物业将在 1 个工作日内核实 ${result.label}，结果会通过消息通知您。`}
          </Text>
          <Button className='btn btn-primary btn-block bind-result-btn' onClick={() => go('mine')}>
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
          <Picker
            mode='selector'
            range={communities.data!.map((c) => c.name)}
            value={ci}
            onChange={(e) => {
              setCi(Number(e.detail.value))
              setHouseId('')
            }}
          >
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
          <Input
            className='field-input'
            placeholder='与房产证或租赁合同一致'
            value={name}
            maxlength={20}
            onInput={(e) => setName(e.detail.value)}
            data-testid='name'
          />
          {errors.name && <Text className='field-error'>{errors.name}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>手机号</Text>
          {typed ? (
            <Input
              className='field-input'
              type='number'
              placeholder='用于物业联系您'
              value={phone}
              maxlength={11}
              onInput={(e) => setPhone(e.detail.value)}
              data-testid='phone'
            />
          ) : me.verifiedPhone ? (
            <View className='bind-verified' data-testid='verified-phone'>
              <Text>{me.verifiedPhone}</Text>
              <Text className='tag'>已通过微信验证</Text>
            </View>
          ) : (
            <Button
              className='btn btn-ghost btn-block bind-verify'
              openType={WEAPP ? 'getPhoneNumber' : undefined}
              onGetPhoneNumber={(e) => onCode((e.detail as { code?: string }).code)}
              onClick={WEAPP ? undefined : () => onCode()}
              data-testid='verify-phone'
            >
              微信手机号快速验证
            </Button>
          )}
          {errors.phone && <Text className='field-error'>{errors.phone}</Text>}
          <Text className='bind-switch' onClick={() => setTyped(!typed)} data-testid='switch-phone'>
            {typed ? '改用微信手机号快速验证' : me.verifiedPhone ? '使用其他号码（需物业审核）' : '手动填写手机号（需物业审核）'}
          </Text>
        </View>
      </View>

      <Text className='muted bind-hint'>
        用微信验证的手机号、且姓名与业主档案一致时立即绑定；手动填写的号码由物业在 1 个工作日内审核。绑定后，家里已绑定的成员会收到通知。
      </Text>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} loading={busy} onClick={submit} data-testid='submit'>
        提交绑定
      </Button>
      {consent}
    </View>
  )
}

export default withLargeText(Bind)
