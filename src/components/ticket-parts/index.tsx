import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Output } from '../../core/shared/contract'
import type { ticketsContract } from '../../core/tickets/contracts'
import {
  CATEGORY_LABELS,
  DEADLINE_LABELS,
  EMERGENCY_LABELS,
  ORIGIN_LABELS,
  SCOPE_LABELS,
  SOURCE_LABELS,
  TYPE_LABELS,
  type Status,
} from '../../core/tickets/types'
import { DEPARTMENT_LABELS, ROLE_LABELS, type ActorRole, type Department } from '../../core/shared/roles'
import { formatTime } from '../../core/shared/time'
import { statusLabel, stepsDone, stepsOf } from '../../core/tickets/progress'
import './index.scss'
import { go, replace } from '../../services/nav'
import { yuan } from '../../core/shared/money'

export type TicketSummary = Output<typeof ticketsContract.mine>['items'][number]
export type TicketDetail = Output<typeof ticketsContract.detail>
export type TimelineEntry = TicketDetail['timeline'][number]

/** Colour says who has to move: amber waits on us, green is under way, blue waits on the resident. */
const STATUS_TONE: Record<Status, string> = {
  new: 'tag-warn',
  dispatched: '',
  accepted: '',
  in_progress: '',
  paused: 'tag-gray',
  resolved: 'tk-tag-info',
  closed: 'tag-gray',
  cancelled: 'tag-gray',
  merged: 'tag-gray',
}

export function StatusTag({ t }: { t: { status: Status; respondedAt?: number } }) {
  return (
    <Text className={`tag ${STATUS_TONE[t.status]}`} data-testid='status'>
      {statusLabel(t)}
    </Text>
  )
}

/** 25 分钟, 3 小时 5 分, 2 天 4 小时 — how long, the way staff say it. */
export function duration(minutes: number) {
  const m = Math.abs(Math.round(minutes))
  if (m < 60) return `${m} 分钟`
  if (m < 1440) return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}`
  return `${Math.floor(m / 1440)} 天${Math.floor((m % 1440) / 60) ? ` ${Math.floor((m % 1440) / 60)} 小时` : ''}`
}

/** The first unmet promise: time left, or how late it is (red). */
export function SlaBadge({ next }: { next?: TicketSummary['next'] }) {
  if (!next) return null
  const late = next.minutesLeft < 0
  return (
    <Text className={`tag ${late ? 'tag-danger' : next.minutesLeft <= 30 ? 'tag-warn' : 'tag-gray'}`} data-testid='sla-badge'>
      {DEADLINE_LABELS[next.key]}
      {late ? `已超时 ${duration(next.minutesLeft)}` : `剩余 ${duration(next.minutesLeft)}`}
    </Text>
  )
}

export function Photos({ ids, urls, testid = 'photos' }: { ids: string[]; urls?: Record<string, string>; testid?: string }) {
  if (!ids.length) return null
  const src = ids.map((id) => urls?.[id] ?? '')
  return (
    <View className='tk-photos' data-testid={testid}>
      {src.map((s, i) => (
        <Image key={ids[i]} className='tk-photo' src={s} mode='aspectFill' onClick={() => Taro.previewImage({ urls: src, current: s })} />
      ))}
    </View>
  )
}

const roleLabel = (r: string) => ROLE_LABELS[r as ActorRole] ?? ''

/** Every step, newest first, like a parcel's tracking: who, when, what. */
export function Timeline({ entries, urls }: { entries: TimelineEntry[]; urls?: Record<string, string> }) {
  const list = [...entries].reverse()
  return (
    <View className='tk-timeline' data-testid='timeline'>
      {list.map((e, i) => (
        <View key={e.id} className={`tk-step ${i === 0 ? 'tk-step-now' : ''} ${e.internal ? 'tk-step-internal' : ''}`} data-testid={`step-${e.kind}`}>
          <View className='tk-step-dot' />
          <View className='tk-step-body'>
            <View className='tk-step-head'>
              <Text className='tk-step-who'>
                {e.actorName}
                {roleLabel(e.actorRole) && e.actorRole !== 'system' ? ` · ${roleLabel(e.actorRole)}` : ''}
              </Text>
              <Text className='tk-step-time' data-testid='step-time'>
                {formatTime(e.at, 'MM-DD HH:mm')}
              </Text>
            </View>
            {e.internal && <Text className='tag tag-warn tk-internal-tag'>内部备注 · 住户不可见</Text>}
            <Text className={`tk-step-text ${e.kind === 'reply' ? 'tk-step-reply' : ''}`}>{e.text}</Text>
            {e.photos?.length ? <Photos ids={e.photos} urls={urls} testid='step-photos' /> : null}
          </View>
        </View>
      ))}
    </View>
  )
}

/** Pages opened from a message have no back button; this is their way home. */
export function HomeLink({ staff }: { staff?: boolean }) {
  return (
    <View className='tk-home'>
      <Text onClick={() => (staff ? replace('staffHome') : go('home'))} data-testid='go-home'>
        {staff ? '‹ 工作台' : '‹ 首页'}
      </Text>
    </View>
  )
}

const fmt = (t: number) => formatTime(t, 'M月D日 HH:mm')

/** 提交 → 受理 → 派单 → 上门 → 完工 → 评价: done steps filled, the one under way ringed. */
function Steps({ d }: { d: TicketDetail }) {
  const done = stepsDone({ ...d, rated: d.timeline.some((e) => e.kind === 'rated') })
  if (done === null) return null
  const steps = stepsOf(d.type)
  return (
    <View className='tk-steps' data-testid='steps'>
      {steps.map((s, i) => (
        <View
          key={s}
          className={`tk-stepbar ${i < done ? 'tk-stepbar-done' : i === done ? 'tk-stepbar-now' : ''}`}
          data-testid={i < done ? 'step-done' : 'step-todo'}
        >
          <View className='tk-stepbar-dot'>{i < done ? '✓' : ''}</View>
          <Text className='tk-stepbar-label'>{s}</Text>
        </View>
      ))}
    </View>
  )
}

/** Header, facts, photos, result and timeline: what residents and staff both see of a ticket. */
export function TicketBody({
  d,
  staff,
  onOpenLink,
  onFee,
}: {
  d: TicketDetail
  staff?: boolean
  onOpenLink?: (id: string) => void
  /** The resident's way to the repair's bill: pay it, or open its receipt. */
  onFee?: (fee: NonNullable<TicketDetail['fee']>) => void
}) {
  const deadlines = (['respond', 'arrive', 'resolve'] as const).filter((k) => d.sla[k])
  return (
    <View>
      <View className={`card tk-head ${d.priority === 'emergency' ? 'tk-head-urgent' : ''}`} data-testid='ticket-head'>
        <View className='row between'>
          <View className='row'>
            <StatusTag t={d} />
            {d.emergency && <Text className='tag tag-danger'>紧急 · {EMERGENCY_LABELS[d.emergency]}</Text>}
            {staff && d.overdue && <Text className='tag tag-danger'>已超时</Text>}
          </View>
          <Text className='tk-no' data-testid='ticket-no'>
            {d.no}
          </Text>
        </View>
        {!staff && <Steps d={d} />}
        <Text className='tk-promise' data-testid='promise'>
          {d.promise}
        </Text>
        {staff && <SlaBadge next={d.next} />}
      </View>

      <View className='card'>
        <View className='tk-line'>
          <Text className='muted'>类型</Text>
          <Text>
            {TYPE_LABELS[d.type]} · {CATEGORY_LABELS[d.category]}
            {d.type === 'repair' ? ` · ${SCOPE_LABELS[d.scope]}` : ''}
          </Text>
        </View>
        <View className='tk-line'>
          <Text className='muted'>位置</Text>
          <Text>{d.place}</Text>
        </View>
        {d.window && (
          <View className='tk-line'>
            <Text className='muted'>期望上门</Text>
            <Text data-testid='window'>
              {formatTime(d.window.start, 'M月D日 HH:mm')}–{formatTime(d.window.end, 'HH:mm')}
            </Text>
          </View>
        )}
        {d.assigneeName && (
          <View className='tk-line'>
            <Text className='muted'>处理人</Text>
            <Text>
              {d.assigneeName}
              {d.department && DEPARTMENT_LABELS[d.department as Department] ? `（${DEPARTMENT_LABELS[d.department as Department]}）` : ''}
            </Text>
          </View>
        )}
        <View className='tk-line'>
          <Text className='muted'>提交时间</Text>
          <Text>
            {fmt(d.createdAt)}
            {d.source !== 'app' ? ` · ${SOURCE_LABELS[d.source]}登记` : ''}
          </Text>
        </View>
        {d.origin && (
          <View
            className='tk-line'
            onClick={() => (d.origin!.kind === 'patrol' ? go('zoneRound', { id: d.origin!.id }) : go('zoneVacancy', { houseId: d.origin!.id }))}
            data-testid='origin'
          >
            <Text className='muted'>{ORIGIN_LABELS[d.origin.kind]}</Text>
            <Text className='tk-link'>{d.origin.label} ›</Text>
          </View>
        )}
        {deadlines.length > 0 && (
          <View className='tk-sla' data-testid='sla'>
            <Text className='tk-sla-title'>服务承诺（{d.sla.clock === '24h' ? '24 小时处理' : '按工作时间计'}）</Text>
            {deadlines.map((k) => {
              const dl = d.sla[k]!
              const late = dl.metAt ? dl.metAt > dl.due : Date.now() > dl.due
              return (
                <View key={k} className='tk-sla-row'>
                  <Text>{DEADLINE_LABELS[k]}</Text>
                  <Text className={late ? 'tk-late' : dl.metAt ? 'tk-met' : ''}>
                    {dl.metAt ? `${fmt(dl.metAt)} 已完成` : `${fmt(dl.due)} 前`}
                    {late ? '（超时）' : ''}
                  </Text>
                </View>
              )
            })}
          </View>
        )}
      </View>

      <View className='card'>
        <Text className='card-title'>问题描述</Text>
        <Text className='tk-desc' data-testid='description'>
          {d.description}
        </Text>
        <Photos ids={d.photos} urls={d.photoUrls} />
      </View>

      {(d.completionNote || d.afterPhotos.length > 0 || d.cost) && (
        <View className='card' data-testid='result'>
          <Text className='card-title'>处理结果</Text>
          {d.completionNote && <Text className='tk-desc'>{d.completionNote}</Text>}
          <Photos ids={d.afterPhotos} urls={d.photoUrls} testid='after-photos' />
          {d.cost && d.cost.items.length > 0 && (
            <View className='tk-cost' data-testid='cost'>
              {d.cost.items.map((c, i) => (
                <View key={i} className='tk-line'>
                  <Text className='muted'>{c.name}</Text>
                  <Text>¥{yuan(c.amount)}</Text>
                </View>
              ))}
              <View className='tk-line tk-cost-total'>
                <Text>合计（有偿服务）</Text>
                <Text>¥{yuan(d.cost.total)}</Text>
              </View>
              {d.fee && (
                <View className='tk-line tk-fee' onClick={() => onFee?.(d.fee!)} data-testid='fee'>
                  <Text className={d.fee.status === 'unpaid' ? 'tk-fee-due' : 'muted'}>
                    {d.fee.status === 'paid' ? '已缴费' : d.fee.status === 'waived' ? '已减免' : '待缴费'}
                  </Text>
                  {onFee && <Text className='tk-fee-go'>{d.fee.status === 'paid' ? '查看收据 ›' : d.fee.status === 'unpaid' ? '去缴费 ›' : ''}</Text>}
                </View>
              )}
            </View>
          )}
        </View>
      )}

      {d.links.length > 0 && (
        <View className='card'>
          <Text className='card-title'>关联工单</Text>
          {d.links.map((l) => (
            <View key={l.id} className='tk-line' onClick={() => onOpenLink?.(l.id)} data-testid='linked'>
              <Text>
                {l.no} · {l.place}
              </Text>
              <Text className='muted'>
                {statusLabel(l)}
                {onOpenLink ? ' ›' : ''}
              </Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='card-title'>处理进度</Text>
        <Timeline entries={d.timeline} urls={d.photoUrls} />
      </View>
    </View>
  )
}
