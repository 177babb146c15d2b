import { View, Text, Button, Image, Input, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { uploadFile } from '../../services/backend'
import { messageOf } from '../../services/errors'
import { currentHouse, useLoad, useMe } from '../../services/session'
import { clearToken } from '../../services/token'
import { refreshUnreadBadge } from '../../services/badge'
import { BINDING_STATUS_LABELS, HOUSE_ROLE_LABELS } from '../../core/account/types'
import { ROLE_LABELS } from '../../core/shared/roles'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { PrivacySheet } from '../../components/privacy-sheet'
import { useDidShow } from '@tarojs/taro'
import { palette } from '../../styles/palette'
import './index.scss'
import { go, restart } from '../../services/nav'
import { isLargeText, setLargeText, withLargeText } from '../../services/large-text'

const STATUS_TAG = { approved: '', pending: 'tag-warn', rejected: 'tag-danger', removed: 'tag-gray' } as const

function Mine() {
  const { me, setMe, error, loading, reload } = useMe()
  const [large, setLarge] = useState(isLargeText)
  const toggleLarge = (on: boolean) => {
    setLarge(on)
    setLargeText(on)
  }
  const houses = useLoad(() => api.account.myHouses())
  const [privacyFor, setPrivacyFor] = useState<null | 'avatar' | 'nickname'>(null)
  const [nickname, setNickname] = useState('')

  useDidShow(() => {
    houses.reload()
    refreshUnreadBadge()
  })

  if (loading && !me) return <Loading />
  if (error && !me) return <ErrorView message={error} onRetry={reload} />
  if (!me) return null
  const home = currentHouse(me)

  const save = async (patch: { nickname?: string; avatar?: string; acceptPrivacy?: true }) => {
    try {
      setMe(await api.account.updateProfile(patch))
      if (patch.nickname || patch.avatar) Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  /** Privacy APIs run only after consent; without it we show our sheet first. */
  const needConsent = (what: 'avatar' | 'nickname') => {
    if (me.privacyAccepted) return false
    setPrivacyFor(what)
    return true
  }

  const onAgree = async () => {
    setPrivacyFor(null)
    await save({ acceptPrivacy: true })
  }

  const pickAvatarH5 = async () => {
    if (needConsent('avatar')) return
    try {
      const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
      await save({ avatar: (await uploadFile(r.tempFilePaths[0], 'avatars')).fileId })
    } catch (e) {
      if (!/cancel/.test(String((e as Error)?.message ?? (e as { errMsg?: string })?.errMsg))) Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  const onChooseAvatar = async (e: { detail: { avatarUrl: string } }) => {
    try {
      await save({ avatar: (await uploadFile(e.detail.avatarUrl, 'avatars')).fileId })
    } catch (err) {
      Taro.showToast({ title: messageOf(err), icon: 'none' })
    }
  }

  const weapp = process.env.TARO_ENV === 'weapp'
  const list = houses.data ?? []
  // No photo yet: the first character of his name in the circle, as phone contacts do.
  const initial = (me.nickname || me.staff?.name || list[0]?.name || '我').slice(0, 1)

  return (
    <View className='page mine'>
      <View className='card mine-profile'>
        {weapp && me.privacyAccepted ? (
          <Button className='mine-avatar-btn' openType='chooseAvatar' onChooseAvatar={onChooseAvatar}>
            {me.avatarUrl ? <Image className='mine-avatar' src={me.avatarUrl} /> : <View className='mine-avatar mine-avatar-empty'>{initial}</View>}
          </Button>
        ) : (
          <View className='mine-avatar-btn' onClick={weapp ? () => needConsent('avatar') : pickAvatarH5} data-testid='avatar'>
            {me.avatarUrl ? <Image className='mine-avatar' src={me.avatarUrl} /> : <View className='mine-avatar mine-avatar-empty'>{initial}</View>}
          </View>
        )}
        <View className='mine-who'>
          {me.privacyAccepted ? (
            <Input
              className='mine-nickname'
              type={'nickname' as never}
              placeholder='点击设置昵称'
              value={nickname || me.nickname || ''}
              maxlength={20}
              onInput={(e) => setNickname(e.detail.value)}
              onBlur={(e) => {
                const v = e.detail.value.trim()
                if (v && v !== me.nickname) save({ nickname: v })
              }}
              data-testid='nickname'
            />
          ) : (
            <Text className='mine-nickname' onClick={() => needConsent('nickname')} data-testid='nickname'>
              {me.nickname || '点击设置头像和昵称'}
            </Text>
          )}
          <View className='mine-roles'>
            {me.staff?.roles.map((r) => (
              <Text key={r} className='tag'>
                {ROLE_LABELS[r]}
              </Text>
            ))}
            {/* Who he is at the house he is looking at: 业主, 租户 or 家属. */}
            {home ? (
              <Text className='tag tag-gray mine-house-role' data-testid='house-role'>
                {HOUSE_ROLE_LABELS[home.role]}
              </Text>
            ) : (
              !me.staff && <Text className='muted'>还没有绑定房屋</Text>
            )}
          </View>
        </View>
      </View>

      <View className='section-title row between'>
        <Text>我的房屋</Text>
        <Text className='mine-add' onClick={() => go('bind')} data-testid='bind-new'>
          + 绑定新房屋
        </Text>
      </View>

      {houses.loading && !houses.data ? (
        <Loading />
      ) : houses.error ? (
        <ErrorView message={houses.error} onRetry={houses.reload} />
      ) : list.length === 0 ? (
        <View className='card'>
          <Empty
            title='还没有绑定房屋'
            text='绑定后即可在线报修、缴费、接收通知'
            action={
              <Button className='btn btn-primary btn-small' onClick={() => go('bind')}>
                绑定房屋
              </Button>
            }
          />
        </View>
      ) : (
        list.map((b) => (
          <View className='card mine-house' key={b.id} data-testid='house-item'>
            <View className='row between'>
              <Text className='mine-house-label'>{b.label}</Text>
              <View>
                <Text className='tag tag-gray'>{HOUSE_ROLE_LABELS[b.role]}</Text>
                <Text className={`tag ${STATUS_TAG[b.status]}`}>{BINDING_STATUS_LABELS[b.status]}</Text>
              </View>
            </View>
            <Text className='muted'>
              {b.name} · {b.phone} · {formatTime(b.createdAt, 'YYYY-MM-DD')} 申请
            </Text>
            {b.status === 'pending' && <Text className='mine-note'>物业将在 1 个工作日内核实，结果会通过消息通知您</Text>}
            {b.status === 'rejected' && b.reason && <Text className='mine-note mine-note-danger'>未通过原因：{b.reason}</Text>}
            {b.status === 'removed' && (
              <Text className='mine-note'>
                已于 {formatTime(b.removedAt!, 'YYYY-MM-DD')} 解除绑定{b.reason ? `：${b.reason}` : ''}
              </Text>
            )}
            {b.status === 'approved' && (
              <View className='mine-members row between' onClick={() => go('members', { houseId: b.houseId })} data-testid='house-members'>
                <Text>房屋成员</Text>
                <Text className='muted'>管理 ›</Text>
              </View>
            )}
            {b.status === 'approved' && (
              <View className='mine-members row between' onClick={() => go('decoration', { houseId: b.houseId })} data-testid='house-decoration'>
                <Text>装修办理</Text>
                <Text className='muted'>›</Text>
              </View>
            )}
            {b.status === 'approved' && b.role === 'owner' && (
              <View className='mine-members row between' onClick={() => go('vacancy', { houseId: b.houseId })} data-testid='house-vacancy'>
                <Text>空置房托管</Text>
                <Text className='muted'>›</Text>
              </View>
            )}
          </View>
        ))
      )}

      <View className='card mine-link' onClick={() => go('myTickets')} data-testid='my-tickets'>
        <Text>我的工单</Text>
        <Text className='muted'>›</Text>
      </View>

      <View className='card mine-link' data-testid='large-text'>
        <View className='mine-large'>
          <Text>长辈模式</Text>
          <Text className='muted'>字更大、按钮更大、颜色更清楚</Text>
        </View>
        <Switch
          className='mine-large-switch'
          checked={large}
          color={palette.brand}
          onChange={(e) => toggleLarge(e.detail.value)}
          data-testid='large-text-switch'
        />
      </View>

      {me.staff && (
        <View className='card mine-link' onClick={() => go('staffHome')}>
          <Text>员工工作台</Text>
          <Text className='muted'>›</Text>
        </View>
      )}

      {process.env.TARO_ENV === 'h5' && (
        <View
          className='card mine-link'
          onClick={() => {
            clearToken()
            restart('login')
          }}
          data-testid='switch-account'
        >
          <Text>切换演示账号</Text>
          <Text className='muted'>›</Text>
        </View>
      )}

      {privacyFor && <PrivacySheet onAgree={onAgree} onDisagree={() => setPrivacyFor(null)} />}
    </View>
  )
}

export default withLargeText(Mine)
