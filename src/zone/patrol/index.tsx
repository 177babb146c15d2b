import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { api, type Output } from '../../services/api'
import { needsSignIn, useLoad } from '../../services/session'
import { useAction } from '../../services/use-action'
import { go } from '../../services/nav'
import type { patrolContract } from '../../core/patrol/contracts'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { RoundStateTag } from '../round-state'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Row = Output<typeof patrolContract.rounds>['items'][number]

/** 巡查: today's (and this week's) rounds, his own first; each opens its walk. */
function PatrolPage() {
  const list = useLoad(() => api.patrol.rounds({}))
  const { busy, run } = useAction({ reloadOnSuccess: false })
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const open = async (r: Row) => {
    if (r.roundId) return go('zoneRound', { id: r.roundId })
    let id = ''
    if (await run(r.routeId, async () => (id = (await api.patrol.start({ routeId: r.routeId })).id))) go('zoneRound', { id })
  }

  if (list.loading && !list.data) return <Loading />
  if (list.error) return <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
  const items = list.data?.items ?? []

  return (
    <View className='page'>
      {items.length === 0 ? (
        <View className='card'>
          <Empty title='没有您的巡查路线' text='巡查路线和点位由物业统一设置，需要调整请联系客服主任' />
        </View>
      ) : (
        items.map((r) => (
          <View className='card zr' key={r.routeId} data-testid='round-row'>
            <View className='row between'>
              <Text className='zr-name'>{r.name}</Text>
              <RoundStateTag state={r.state} />
            </View>
            <Text className='muted'>
              {r.scheduleLabel} · 负责人 {r.ownerName} · 本次 {formatTime(r.dueAt, 'M月D日 HH:mm')} 前
            </Text>
            <View className='row between zr-foot'>
              <Text className='zr-progress' data-testid='round-progress'>
                已查 {r.checked}/{r.points} 个点位
                {r.findings ? ` · 发现问题 ${r.findings}` : ''}
                {r.missed ? ` · 漏检 ${r.missed}` : ''}
              </Text>
              <Button className='btn btn-primary btn-small' disabled={busy === r.routeId || undefined} onClick={() => open(r)} data-testid='round-open'>
                {r.state === 'done' || r.state === 'late' ? '查看' : r.roundId ? '继续巡查' : '开始巡查'}
              </Button>
            </View>
          </View>
        ))
      )}
      {list.data?.canPrint && (
        <View className='card row between' onClick={() => go('zoneQrSheet')} data-testid='open-qr-sheet'>
          <Text>巡查点二维码</Text>
          <Text className='zp-link'>打印 ›</Text>
        </View>
      )}
      {list.data?.canPrint && (
        <View className='card row between' onClick={() => go('zonePatrolSetup')} data-testid='open-patrol-setup'>
          <Text>点位与路线</Text>
          <Text className='zp-link'>设置 ›</Text>
        </View>
      )}
    </View>
  )
}

export default withLargeText(PatrolPage)
