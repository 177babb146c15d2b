import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import type { accountContract } from '../../core/account/contracts'
import { useAction } from '../../services/use-action'
import { ReasonSheet } from '../../components/sheet'
import { needsSignIn, useLoad } from '../../services/session'
import { HOUSE_ROLE_LABELS } from '../../core/account/types'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

type Pending = Output<typeof accountContract.pendingBindings>['items'][number]

const QUICK_REASONS = ['姓名与业主档案不符', '请携带房产证或租赁合同到物业中心核验', '该房屋已有业主绑定，请联系业主邀请']

function Bindings() {
  const list = useLoad(() => api.account.pendingBindings({ limit: 50 }))
  const [rejecting, setRejecting] = useState<string | null>(null)
  // The page drops a decided row itself; a row someone else decided meanwhile reloads the list.
  const { busy, run } = useAction({ reload: list.reload, reloadOnSuccess: false })

  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const drop = (id: string) => list.setData((d) => (d ? { items: d.items.filter((b) => b.id !== id), total: d.total - 1 } : d))

  const approve = async (b: Pending) => {
    const { confirm } = await Taro.showModal({
      title: '确认通过绑定？',
      content: `${b.name} 将以${HOUSE_ROLE_LABELS[b.role]}身份绑定 ${b.label}，可查看该房屋的账单、报修和通知。请确认已核实身份。`,
      confirmText: '通过',
    })
    if (!confirm) return
    const id = b.id
    if (await run(id, () => api.account.approveBinding({ bindingId: id }), '已通过')) drop(id)
  }
  const reject = async (id: string, reason: string) => {
    if (!(await run(id, () => api.account.rejectBinding({ bindingId: id, reason }), '已驳回'))) return
    drop(id)
    setRejecting(null)
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
            <Text className='review-members' onClick={() => go('staffHouse', { houseId: b.houseId })} data-testid='review-members'>
              查看一户一档：业主档案、已绑定成员、工单与账单 ›
            </Text>
            <View className='review-actions'>
              <Button className='btn btn-danger-ghost btn-small' disabled={busy === b.id || undefined} onClick={() => setRejecting(b.id)} data-testid='reject'>
                驳回
              </Button>
              <Button className='btn btn-primary btn-small' disabled={busy === b.id || undefined} onClick={() => approve(b)} data-testid='approve'>
                通过
              </Button>
            </View>
          </View>
        ))
      )}

      {rejecting && (
        <ReasonSheet
          testid='reject'
          title='驳回原因'
          hint='住户会在「我的」中看到这段文字'
          chips={QUICK_REASONS}
          placeholder='也可以自己填写原因'
          maxLength={100}
          busy={Boolean(busy)}
          submit='确认驳回'
          onClose={() => setRejecting(null)}
          onSubmit={(reason) => reject(rejecting, reason)}
        />
      )}
    </View>
  )
}

export default withLargeText(Bindings)
