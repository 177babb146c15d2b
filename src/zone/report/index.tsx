import { View, Text, Button, Textarea } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { needsSignIn, useLoad, useMe } from '../../services/session'
import { useAction } from '../../services/use-action'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { addMonths, formatTime, monthName, shanghaiMonth } from '../../core/shared/time'
import { SERVICE_LABELS } from '../../core/vendors/types'
import { ErrorView, Loading } from '../../components/page-state'
import { ScoreText } from '../vendor-score'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Zone = Output<typeof supervisorContract.zoneReports>['items'][number]

const rate = (r: number | null) => (r === null ? '—' : `${r}`)

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <View className='zf-cell'>
      <Text className='zf-value'>{value}</Text>
      <Text className='zf-label'>{label}</Text>
      {note && <Text className='muted zf-note'>{note}</Text>}
    </View>
  )
}

/** One zone's month: the figures the 管理员 hands in, and his comment. */
function ZoneCard({ z, own, onSubmit, busy }: { z: Zone; own: boolean; busy: boolean; onSubmit(comment: string): void }) {
  const [comment, setComment] = useState(z.comment ?? '')
  const p = z.patrol
  return (
    <View className='card zr' data-testid='zone-report'>
      <View className='row between'>
        <Text className='zr-name'>
          {z.managerName} · {z.zone.join('、')}栋
        </Text>
        {z.submittedAt ? <Text className='tag'>已提交</Text> : <Text className='tag tag-gray'>未提交</Text>}
      </View>
      <View className='zf-grid'>
        <Figure label='报修率（每百户）' value={rate(z.tickets.repairRate)} note={`报修 ${z.tickets.repairs} 单 · ${z.tickets.households} 户`} />
        <Figure label='投诉率（每百户）' value={rate(z.tickets.complaintRate)} note={`投诉 ${z.tickets.complaints} 件`} />
        <Figure
          label='巡查完成率'
          value={p.completion === null ? '—' : `${p.completion}%`}
          note={`应巡 ${p.due} · 按时 ${p.onTime} · 逾期完成 ${p.late} · 漏巡 ${p.missed}`}
        />
        <Figure label='当前未完成工单' value={`${z.open}`} note={z.overdue ? `其中超时 ${z.overdue}` : '无超时'} />
        <Figure label='空置房本月已查' value={`${z.vacancy.checked}/${z.vacancy.vacant}`} note='套' />
        <Figure label='漏检点位' value={`${p.missedPoints}`} note='已完成巡查中未查的点' />
        <Figure
          label='装修中'
          value={`${z.decoration.working}`}
          note={z.decoration.violations ? `违规 ${z.decoration.violations} 次 · 停工 ${z.decoration.stops} 次` : '本月无违规'}
        />
      </View>
      <View className='zf-vendors'>
        <Text className='zp-label'>外包单位评分</Text>
        {z.vendors.map((v) => (
          <View className='row between zv-check' key={v.name}>
            <Text>
              {SERVICE_LABELS[v.service]} · {v.name}
            </Text>
            <View>
              <ScoreText s={v.total} ticketsOnly={v.quality === null} />
              {v.openFixes > 0 && <Text className='tag tag-warn zf-fix'>整改 {v.openFixes}</Text>}
            </View>
          </View>
        ))}
      </View>
      {own ? (
        <View className='zp'>
          <Text className='zp-label'>管理员意见</Text>
          <Textarea
            className='zf-comment'
            value={comment}
            maxlength={1000}
            placeholder='本月片区的主要问题、已采取的措施、需要协调的事项'
            onInput={(e) => setComment(e.detail.value)}
            data-testid='zone-comment'
          />
          <Button
            className='btn btn-primary btn-block'
            disabled={busy || comment.trim().length < 5 || undefined}
            onClick={() => onSubmit(comment.trim())}
            data-testid='zone-submit'
          >
            {z.submittedAt ? '更新并重新提交' : '提交给客服主任'}
          </Button>
          {z.submittedAt && <Text className='muted'>{formatTime(z.submittedAt, 'M月D日 HH:mm')} 已提交</Text>}
        </View>
      ) : z.comment ? (
        <View className='zp'>
          <Text className='zp-label'>管理员意见 · {formatTime(z.submittedAt!, 'M月D日 HH:mm')}</Text>
          <Text className='zf-said' data-testid='zone-said'>
            {z.comment}
          </Text>
        </View>
      ) : (
        <Text className='muted'>管理员还未提交本月意见</Text>
      )}
    </View>
  )
}

/** 片区月报: a 管理员 sees and submits his zone's month; the 客服主任 sees every zone side by side. */
function ZoneReportPage() {
  const now = shanghaiMonth(Date.now())
  const [month, setMonth] = useState(useRouter().params.month ?? now)
  const report = useLoad(() => api.supervisor.zoneReports({ month }), [month])
  const { me } = useMe()
  const { busy, run } = useAction({ reloadOnSuccess: true, reload: report.reload })
  useDidShow(() => {
    if (needsSignIn()) return
    report.reload()
  })
  const months = [now, addMonths(now, -1), addMonths(now, -2)]
  const mine = (z: Zone) => me?.staff?.roles.includes('manager') && z.managerOpenid === me.openid

  return (
    <View className='page'>
      <View className='chips'>
        {months.map((m) => (
          <View key={m} className={`chip ${m === month ? 'chip-active' : ''}`} onClick={() => setMonth(m)} data-testid='zone-month'>
            {m === now ? '本月' : monthName(m, true)}
          </View>
        ))}
      </View>
      {report.loading && !report.data ? (
        <Loading />
      ) : report.error ? (
        <ErrorView message={report.error} code={report.errorCode} onRetry={report.reload} />
      ) : (
        <>
          {month === now && <Text className='muted zf-partial'>本月还在进行中，数据截至此刻</Text>}
          {(report.data?.items ?? []).map((z) => (
            <ZoneCard
              key={`${z.managerOpenid}_${month}`}
              z={z}
              own={Boolean(mine(z))}
              busy={busy === 'submit'}
              onSubmit={(comment) => run('submit', () => api.supervisor.submitZoneReport({ month, comment }), '已提交给客服主任')}
            />
          ))}
        </>
      )}
    </View>
  )
}

export default withLargeText(ZoneReportPage)
