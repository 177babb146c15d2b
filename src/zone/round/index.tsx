import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import { useLoad } from '../../services/session'
import { useAction } from '../../services/use-action'
import { go } from '../../services/nav'
import type { patrolContract } from '../../core/patrol/contracts'
import type { ItemResult } from '../../core/inspections/checklist'
import { formatTime } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { RoundStateTag } from '../round-state'
import { ChecklistForm } from '../checklist-form'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Round = Output<typeof patrolContract.round>
type Point = Round['points'][number]
type Via = 'scan' | 'list'

const POINT_STATE: Record<Point['state'], [string, string]> = {
  pending: ['待检查', 'tag tag-gray'],
  ok: ['正常', 'tag'],
  findings: ['有问题', 'tag tag-danger'],
  missed: ['漏检', 'tag tag-warn'],
}

const weapp = process.env.TARO_ENV === 'weapp'

/** A round on the spot: scan a point's code (or pick it), tick its items, move on; finish says what was missed. */
function RoundPage() {
  const id = useRouter().params.id ?? ''
  const round = useLoad(() => api.patrol.round({ roundId: id }), [id])
  const [open, setOpen] = useState<{ id: string; via: Via } | null>(null)
  const { busy, apply } = useAction({ reloadOnSuccess: false, reload: round.reload })
  const r = round.data
  // Back from a finding's ticket: the round as it is now; an open form keeps its draft.
  useDidShow(() => round.reload())

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const { checkpointId } = await api.patrol.scan({ roundId: id, scanned: result })
      if (r?.points.find((p) => p.id === checkpointId)?.state !== 'pending') return Taro.showToast({ title: '该点位已检查过', icon: 'none' })
      setOpen({ id: checkpointId, via: 'scan' })
    } catch (e) {
      if (!/cancel/.test(String((e as { errMsg?: string })?.errMsg ?? ''))) Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }
  const submit = (checkpointId: string, via: Via) => async (results: ItemResult[]) => {
    await apply(
      'check',
      () => api.patrol.check({ roundId: id, checkpointId, via, results }),
      (next) => {
        round.setData(next)
        setOpen(null)
        const point = next.points.find((p) => p.id === checkpointId)
        Taro.showToast({ title: point?.tickets.length ? `已生成 ${point.tickets.length} 张工单` : `已记录 ${results.length} 项`, icon: 'success' })
      },
    )
  }
  const finish = async () => {
    const left = r?.points.filter((p) => p.state === 'pending').length ?? 0
    const { confirm } = await Taro.showModal({
      title: '结束本次巡查？',
      content: left ? `还有 ${left} 个点位未检查，结束后将记为漏检，计入片区月报。` : '所有点位都已检查。',
      confirmText: '结束巡查',
    })
    if (!confirm) return
    await apply('finish', () => api.patrol.finish({ roundId: id }), round.setData, '巡查已结束')
  }

  if (round.loading && !r) return <Loading />
  if (round.error || !r) return <ErrorView message={round.error ?? '巡查记录不存在'} code={round.errorCode} onRetry={round.reload} />
  const walking = r.finishedAt === undefined
  const point = open ? r.points.find((p) => p.id === open.id) : undefined
  const checked = r.points.filter((p) => p.state === 'ok' || p.state === 'findings').length

  return (
    <View className='page'>
      <View className='card zr' data-testid='round-head'>
        <View className='row between'>
          <Text className='zr-name'>{r.routeName}</Text>
          <RoundStateTag state={r.state} />
        </View>
        <Text className='muted'>
          {r.byName} {formatTime(r.startedAt, 'M月D日 HH:mm')} 开始 · {formatTime(r.dueAt, 'M月D日 HH:mm')} 前完成
        </Text>
        <Text className='zr-progress'>
          已查 {checked}/{r.points.length} 个点位{r.findings ? ` · 发现问题 ${r.findings}` : ''}
          {r.finishedAt !== undefined ? ` · ${formatTime(r.finishedAt, 'HH:mm')} 结束` : ''}
        </Text>
      </View>
      {walking && !point && weapp && (
        <Button className='btn btn-primary btn-block zp-scan' onClick={scan} data-testid='scan'>
          扫码检查点位
        </Button>
      )}
      {point && open && (
        <ChecklistForm
          title={point.name}
          subtitle={open.via === 'scan' ? '已扫码' : '手动选择'}
          items={point.items}
          busy={busy === 'check'}
          findingHint='提交后自动生成报修工单，派给对应部门处理'
          onSubmit={submit(point.id, open.via)}
          onCancel={() => setOpen(null)}
        />
      )}
      <View className='section-title'>点位</View>
      {r.points.map((p) => (
        <View className='card zp' key={p.id} data-testid='point-row'>
          <View className='zp-head'>
            <Text className='zp-name'>{p.name}</Text>
            <Text className={POINT_STATE[p.state][1]} data-testid='point-state'>
              {POINT_STATE[p.state][0]}
            </Text>
          </View>
          {p.at !== undefined && (
            <Text className='muted'>
              {formatTime(p.at, 'HH:mm')} {p.via === 'scan' ? '扫码' : '手动'}检查
            </Text>
          )}
          {p.results
            .filter((x) => x.note)
            .map((x) => (
              <Text key={x.itemId} className='zp-finding'>
                {p.items.find((i) => i.id === x.itemId)?.label}：{x.note}
              </Text>
            ))}
          {p.tickets.map((t) => (
            <Text key={t.id} className='zp-link' onClick={() => go('staffTicket', { id: t.id })} data-testid='point-ticket'>
              工单 {t.no} ›
            </Text>
          ))}
          {walking && p.state === 'pending' && !open && (
            <Button className='btn btn-ghost btn-small' onClick={() => setOpen({ id: p.id, via: 'list' })} data-testid='point-check'>
              {weapp ? '无法扫码，手动检查' : '检查此点位'}
            </Button>
          )}
        </View>
      ))}
      {walking && (
        <Button className='btn btn-danger-ghost btn-block' disabled={busy === 'finish' || undefined} onClick={finish} data-testid='round-finish'>
          结束巡查
        </Button>
      )}
    </View>
  )
}

export default withLargeText(RoundPage)
