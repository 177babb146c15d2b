import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { HOUSE_ROLE_LABELS } from '../../core/account/types'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import './index.scss'

const QUICK_REASONS = ['姓名与业主档案不符', '请携带房产证或租赁合同到物业中心核验', '该房屋已有业主绑定，请联系业主邀请']

export default function Bindings() {
  const list = useLoad(() => api.account.pendingBindings({ limit: 50 }))
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState('')

  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const drop = (id: string) =>
    list.setData((d) => (d ? { items: d.items.filter((b) => b.id !== id), total: d.total - 1 } : d))

  const approve = async (id: string) => {
    setBusy(id)
    try {
      await api.account.approveBinding({ bindingId: id })
      Taro.showToast({ title: '已通过', icon: 'success' })
      drop(id)
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
      list.reload()
    } finally {
      setBusy('')
    }
  }

  const reject = async () => {
    if (!rejecting) return
    setBusy(rejecting)
    try {
      await api.account.rejectBinding({ bindingId: rejecting, reason })
      Taro.showToast({ title: '已驳回', icon: 'success' })
      drop(rejecting)
      setRejecting(null)
      setReason('')
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  if (list.loading && !list.data) return <Loading />
  if (list.error) return <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
  const items = list.data?.items ?? []

  return (
    <View className='page'>
      <Text className='section-title'>共 {list.data?.total ?? 0} 条待审核</Text>
      {items.length === 0 ? (
        <View className='card'>
          <Empty title='没有待审核的申请' text='新的绑定申请会出现在这里' />
        </View>
      ) : (
        items.map((b) => (
          <View className='card review' key={b.id} data-testid='binding-item'>
            <View className='row between'>
              <Text className='review-house'>{b.label}</Text>
              <Text className='tag tag-warn'>{HOUSE_ROLE_LABELS[b.role]}</Text>
            </View>
            <View className='review-line'>
              <Text className='muted'>申请人</Text>
              <Text>
                {b.name} · {b.phone}
              </Text>
            </View>
            <View className='review-line'>
              <Text className='muted'>申请时间</Text>
              <Text>{formatTime(b.createdAt)}</Text>
            </View>
            <View className='review-line'>
              <Text className='muted'>手机号</Text>
              <Text>{b.phoneVerified ? '已通过微信验证' : '手动填写，未经验证'}</Text>
            </View>
            <Text className='review-hint'>{b.phoneVerified ? '与业主档案不一致' : '手机号未经微信验证'}，请电话或上门核实身份后处理</Text>
            <Text className='review-members' onClick={() => Taro.navigateTo({ url: `/account/members/index?houseId=${b.houseId}` })} data-testid='review-members'>
              查看该房屋已绑定的成员 ›
            </Text>
            <View className='review-actions'>
              <Button className='btn btn-danger-ghost btn-small' disabled={busy === b.id || undefined} onClick={() => setRejecting(b.id)} data-testid='reject'>
                驳回
              </Button>
              <Button className='btn btn-primary btn-small' disabled={busy === b.id || undefined} onClick={() => approve(b.id)} data-testid='approve'>
                通过
              </Button>
            </View>
          </View>
        ))
      )}

      {rejecting && (
        <View className='sheet-mask'>
          <View className='sheet'>
            <Text className='sheet-title'>驳回原因</Text>
            <Text className='muted'>住户会在「我的」中看到这段文字</Text>
            <View className='chips sheet-chips'>
              {QUICK_REASONS.map((r) => (
                <View key={r} className={`chip ${reason === r ? 'chip-active' : ''}`} onClick={() => setReason(r)}>
                  {r}
                </View>
              ))}
            </View>
            <Textarea className='sheet-textarea' value={reason} maxlength={100} placeholder='也可以自己填写原因' onInput={(e) => setReason(e.detail.value)} data-testid='reject-reason' />
            <View className='review-actions'>
              <Button className='btn btn-ghost btn-small' onClick={() => setRejecting(null)}>
                取消
              </Button>
              <Button className='btn btn-primary btn-small' disabled={reason.trim().length < 2 || Boolean(busy) || undefined} onClick={reject} data-testid='confirm-reject'>
                确认驳回
              </Button>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
