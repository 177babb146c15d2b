import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import { needsSignIn, useLoad, useMe } from '../../services/session'
import { useAction } from '../../services/use-action'
import { go } from '../../services/nav'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { HousePicker } from '../../components/house-picker'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Community = Awaited<ReturnType<typeof api.account.communities>>[number]

/** 空置房: the vacant houses in his zone, this month's unchecked first; a house nobody lives in can be added here. */
function VacanciesPage() {
  const list = useLoad(() => api.vacancy.list({}))
  const { me } = useMe()
  const [adding, setAdding] = useState(false)
  const [community, setCommunity] = useState<Community | null>(null)
  const [houseId, setHouseId] = useState('')
  const { busy, run } = useAction({ reloadOnSuccess: false })
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  const cid = me?.staff?.communityId
  useEffect(() => {
    if (!adding || !cid || community) return
    api.account
      .communities()
      .then((cs) => setCommunity(cs.find((c) => c.id === cid) ?? null))
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [adding, cid, community])

  const add = async () => {
    if (!houseId) return Taro.showToast({ title: '请选择房屋', icon: 'none' })
    if (await run('mark', () => api.vacancy.mark({ houseId, care: false }))) {
      setAdding(false)
      setHouseId('')
      go('zoneVacancy', { houseId })
    }
  }

  if (list.loading && !list.data) return <Loading />
  if (list.error) return <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
  const d = list.data!

  return (
    <View className='page'>
      <View className='card zq-head'>
        <Text className='zr-name' data-testid='vacancy-summary'>
          本月已查 {d.checked}/{d.vacant} 套
        </Text>
        <Text className='muted'>每月检查一次门窗、漏水、异味和水电表，结果会发给业主。</Text>
      </View>
      {d.items.length === 0 ? (
        <View className='card'>
          <Empty title='没有空置房' text='业主可在「我的」中登记，也可以在下方添加' />
        </View>
      ) : (
        d.items.map((r) => (
          <View className='card zr' key={r.houseId} onClick={() => go('zoneVacancy', { houseId: r.houseId })} data-testid='vacancy-row'>
            <View className='row between'>
              <Text className='zr-name'>{r.label}</Text>
              {r.checked ? (
                <Text className={r.checked.findings ? 'tag tag-danger' : 'tag'}>{r.checked.findings ? `有问题 ${r.checked.findings}` : '本月已查'}</Text>
              ) : (
                <Text className='tag tag-warn'>本月待查</Text>
              )}
            </View>
            <Text className='muted'>
              {formatTime(r.since, 'YYYY年M月D日')}起空置 · {r.by === 'owner' ? '业主登记' : `${r.byName}登记`}
              {r.care ? ' · 业主托管' : ''}
              {r.checked ? ` · ${formatTime(r.checked.at, 'M月D日')} ${r.checked.byName}检查` : ''}
            </Text>
          </View>
        ))
      )}
      {adding ? (
        <View className='card zp' data-testid='vacancy-add'>
          <Text className='zp-name'>登记空置房</Text>
          {community ? <HousePicker community={community} value={houseId} onChange={setHouseId} testPrefix='house-' /> : <Loading />}
          <View className='zp-actions'>
            <Button className='btn btn-ghost' onClick={() => setAdding(false)}>
              取消
            </Button>
            <Button className='btn btn-primary' disabled={busy === 'mark' || !houseId || undefined} onClick={add} data-testid='vacancy-add-submit'>
              登记
            </Button>
          </View>
        </View>
      ) : (
        <Button className='btn btn-ghost btn-block' onClick={() => setAdding(true)} data-testid='vacancy-add-open'>
          登记空置房
        </Button>
      )}
    </View>
  )
}

export default withLargeText(VacanciesPage)
