import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../services/api'
import { useAction } from '../../../services/use-action'
import { ReasonSheet } from '../../../components/sheet'
import { needsSignIn, useLoad } from '../../../services/session'
import { BINDING_STATUS_LABELS, HOUSE_ROLE_LABELS } from '../../../core/account/types'
import { formatTime } from '../../../core/shared/time'
import { ErrorView, Loading } from '../../../components/page-state'
import { palette } from '../../../styles/palette'
import './index.scss'
import { go } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

type Member = Awaited<ReturnType<typeof api.account.houseMembers>>['members'][number]

const who = (m: Member) => `${m.name}（${HOUSE_ROLE_LABELS[m.role]}）`

/** Who is bound to a house: the owner removes a tenant or family member, anyone leaves, staff revoke with a reason. */
function Members() {
  const houseId = useRouter().params.houseId ?? ''
  const house = useLoad(() => api.account.houseMembers({ houseId }))
  const [revoking, setRevoking] = useState<Member | null>(null)
  const { busy, run } = useAction({ reload: house.reload, reloadOnSuccess: false })

  useDidShow(() => {
    if (!needsSignIn()) house.reload()
  })

  if (house.loading && !house.data) return <Loading />
  if (house.error || !house.data) return <ErrorView message={house.error || '房屋不存在'} code={house.errorCode} onRetry={house.reload} />
  const { label, standing, members } = house.data

  const remove = async (m: Member, why?: string) => {
    if (!(await run('remove', () => api.account.removeBinding({ bindingId: m.bindingId, ...(why ? { reason: why } : {}) }), m.isMe ? '已解除绑定' : '已移除')))
      return
    setRevoking(null)
    if (m.isMe) go('mine')
    else house.reload()
  }

  const ask = async (m: Member) => {
    if (!m.isMe && standing === 'staff') return setRevoking(m)
    const { confirm } = await Taro.showModal({
      title: m.isMe ? `解除与 ${label} 的绑定？` : `移除 ${who(m)}？`,
      content: m.isMe
        ? '解除后将不能再查看这套房屋的工单、账单和通知，需要时可以重新申请绑定。'
        : 'TA 将立即不能再查看这套房屋的工单、账单和通知，并会收到消息。',
      confirmText: m.isMe ? '解除' : '移除',
      confirmColor: palette.danger,
    })
    if (confirm) await remove(m)
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='members-house'>{label}</Text>
        <Text className='muted members-hint'>
          {standing === 'owner'
            ? '您是业主，可以移除租户和家属；业主之间的变更请到物业服务中心办理。'
            : standing === 'staff'
              ? '解除他人绑定须填写原因，住户会收到消息，操作记入审计日志。'
              : '家里有新成员绑定时，每位成员都会收到通知。'}
        </Text>
      </View>
      {members.map((m) => (
        <View className='card members-item' key={m.bindingId} data-testid='member'>
          <View className='row between'>
            <Text className='members-name'>
              {m.name}
              {m.isMe ? '（我）' : ''}
            </Text>
            <View>
              <Text className='tag tag-gray'>{HOUSE_ROLE_LABELS[m.role]}</Text>
              {m.status !== 'approved' && <Text className='tag tag-warn'>{BINDING_STATUS_LABELS[m.status]}</Text>}
            </View>
          </View>
          <Text className='muted members-line'>
            {m.phone}
            {m.phoneVerified ? ' · 微信已验证' : ' · 手动填写'} · {formatTime(m.since, 'YYYY-MM-DD')}
            {m.status === 'approved' ? ' 起' : ' 申请'}
          </Text>
          {m.canRemove && (
            <View className='members-actions'>
              <Button className='btn btn-danger-ghost btn-small' disabled={Boolean(busy) || undefined} onClick={() => ask(m)} data-testid='remove-member'>
                {m.isMe ? (m.status === 'pending' ? '撤回申请' : '解除绑定') : standing === 'staff' ? '解除绑定' : '移除'}
              </Button>
            </View>
          )}
        </View>
      ))}

      {revoking && (
        <ReasonSheet
          testid='revoke'
          title={`解除 ${who(revoking)} 的绑定`}
          hint='住户会在消息中看到这段原因'
          placeholder='例如：业主来电确认此人已搬离'
          maxLength={100}
          busy={Boolean(busy)}
          submit='确认解除'
          onClose={() => setRevoking(null)}
          onSubmit={(why) => remove(revoking, why)}
        />
      )}

      <View className='members-home'>
        <Text onClick={() => go('mine')} data-testid='go-mine'>
          ‹ 返回我的
        </Text>
      </View>
    </View>
  )
}

export default withLargeText(Members)
