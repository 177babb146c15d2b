import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../services/api'
import { useState } from 'react'
import { needsSignIn, useLoad, useMe } from '../../services/session'
import { useAction } from '../../services/use-action'
import { useRequestId } from '../../services/request-id'
import { go } from '../../services/nav'
import { SERVICE_LABELS } from '../../core/vendors/types'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { ScoreText } from '../vendor-score'
import { VendorForm, type VendorDraft } from '../vendor-form'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

/** 外包单位: each firm's score this month against last, its open 整改单, and a contract running out. */
function VendorsPage() {
  const list = useLoad(() => api.vendors.list({}))
  const { me } = useMe()
  const [adding, setAdding] = useState(false)
  const request = useRequestId()
  const { busy, run } = useAction({ reload: list.reload })
  const contracts = Boolean(me?.staff?.roles.includes('supervisor'))
  const add = async (d: VendorDraft) => {
    let id = ''
    if (await run('save', async () => (id = (await api.vendors.save({ ...d, requestId: request.current() })).id), '已添加')) {
      setAdding(false)
      request.renew()
      go('zoneVendor', { id })
    }
  }
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  if (list.loading && !list.data) return <Loading />
  if (list.error) return <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
  const items = list.data?.items ?? []

  if (adding)
    return (
      <View className='page'>
        <VendorForm busy={busy === 'save'} onSave={add} onCancel={() => setAdding(false)} />
      </View>
    )

  return (
    <View className='page'>
      {items.length === 0 ? (
        <View className='card'>
          <Empty title='还没有外包单位' text={contracts ? '在下方登记外包单位和合同标准' : '外包单位由物业统一登记，需要添加请联系客服主任'} />
        </View>
      ) : (
        items.map((v) => (
          <View className='card zr' key={v.id} onClick={() => go('zoneVendor', { id: v.id })} data-testid='vendor-row'>
            <View className='row between'>
              <Text className='zr-name'>{v.name}</Text>
              <Text className='tag tag-gray'>{SERVICE_LABELS[v.service]}</Text>
            </View>
            <View className='row between'>
              <Text className='zr-progress'>
                本月 <ScoreText s={v.month.total} ticketsOnly={v.month.quality === null} /> · 上月{' '}
                <ScoreText s={v.lastMonth.total} ticketsOnly={v.lastMonth.quality === null} />
              </Text>
              {v.overdueFixes > 0 ? (
                <Text className='tag tag-danger'>整改逾期 {v.overdueFixes}</Text>
              ) : v.openFixes > 0 ? (
                <Text className='tag tag-warn'>整改中 {v.openFixes}</Text>
              ) : null}
            </View>
            <Text className='muted'>
              {v.contact} · 合同至 {v.contractEnd}
              {v.contractDaysLeft < 0 ? '（已到期）' : v.contractDaysLeft <= 30 ? `（还剩 ${v.contractDaysLeft} 天，请安排续签）` : ''}
            </Text>
          </View>
        ))
      )}
      {contracts && (
        <Button className='btn btn-ghost btn-block' onClick={() => setAdding(true)} data-testid='vendor-add'>
          新增外包单位
        </Button>
      )}
    </View>
  )
}

export default withLargeText(VendorsPage)
