import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { CALLBACK_DESK } from '../../core/surveys/types'
import { OFFICE_ROLES } from '../../core/access/scope'
import type { ticketsContract } from '../../core/tickets/contracts'
import { TicketRow } from '../ticket-row'
import { useMe } from '../../services/session'
import { askSubscribe, preloadTemplates } from '../../services/subscribe'
import { staffTemplates } from '../subscribe'
import { ROLE_LABELS, DEPARTMENT_LABELS } from '../../core/shared/roles'
import { shanghaiHour } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

const greeting = () => {
  const h = shanghaiHour(Date.now())
  return h < 11 ? '早上好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好'
}

function StaffHome() {
  const { me, error, loading, reload } = useMe()
  const [pending, setPending] = useState<number | null>(null)
  const [queue, setQueue] = useState<{ new: number; mine: number; overdue: number } | null>(null)
  const [calls, setCalls] = useState<number | null>(null)
  const [rating, setRating] = useState<{ average: number | null; answered: number } | null>(null)
  const [patrol, setPatrol] = useState<{ open: number; overdue: number } | null>(null)
  const [vacant, setVacant] = useState<{ vacant: number; checked: number } | null>(null)
  const [jobs, setJobs] = useState<Output<typeof ticketsContract.inbox>['items'] | null>(null)
  const staff = me?.staff
  const has = (allowed: readonly string[]) => Boolean(staff?.roles.some((r) => allowed.includes(r)))
  const reviews = has(OFFICE_ROLES)
  const desk = has(CALLBACK_DESK)
  const walks = has(['manager', 'supervisor', 'handler'])
  const zone = has(['manager', 'supervisor'])
  // 保安部 checks renovation permits at the gate.
  const gate = staff?.department === 'security'
  const templates = staffTemplates(staff?.roles ?? [])
  const [asking, setAsking] = useState(false)

  /** WeChat opens its panel only from a tap, and each accept is good for one message. */
  const subscribe = async () => {
    if (asking) return
    setAsking(true)
    const granted = await askSubscribe(templates)
    setAsking(false)
    Taro.showToast({ title: granted.length ? `已开启 ${granted.length} 项微信提醒` : '未开启，提醒仍会进入消息中心', icon: 'none' })
  }

  useDidShow(() => preloadTemplates(['newOrder', 'ticketAlert']))
  // `me` is fetched again on every show: the tiles follow it, asking only what the roles may ask.
  useEffect(() => {
    if (!staff) return
    // The front office sees the counts; a handler his own jobs, most pressing first.
    api.tickets
      .inbox(reviews ? { limit: 1 } : { tab: 'mine', limit: 5 })
      .then((r) => {
        setQueue(r.counts)
        setJobs(reviews ? null : r.items)
      })
      .catch(() => setQueue(null))
    // 回访: the open callback tasks (agents) and this month's ratings (everyone; handlers their own).
    if (desk)
      api.surveys
        .callbacks({})
        .then((r) => setCalls(r.counts.open))
        .catch(() => setCalls(null))
    api.surveys
      .figures({ by: 'handler' })
      .then((r) => setRating({ average: r.total.averageScore, answered: r.total.answered }))
      .catch(() => setRating(null))
    // 巡查: 管理员 and 客服主任 walk or oversee routes, a handler (a 保安) may own one; the desk does not patrol.
    if (walks)
      api.patrol
        .rounds({})
        .then((r) =>
          setPatrol(
            r.items.length
              ? { open: r.items.filter((x) => x.state !== 'done' && x.state !== 'late').length, overdue: r.items.filter((x) => x.state === 'overdue').length }
              : null,
          ),
        )
        .catch(() => setPatrol(null))
    // 空置房: the monthly checks are the 管理员's (and the 客服主任 oversees them).
    if (zone)
      api.vacancy
        .list({})
        .then((r) => setVacant({ vacant: r.vacant, checked: r.checked }))
        .catch(() => setVacant(null))
    if (reviews)
      api.account
        .pendingBindings({ limit: 1 })
        .then((r) => setPending(r.total))
        .catch(() => setPending(null))
  }, [staff, reviews, desk, walks, zone])

  const figuresTile = (
    <View className='card staff-tile' onClick={() => go('staffFigures')} data-testid='tile-figures'>
      <Text className='staff-tile-num'>{rating?.average !== null && rating?.average !== undefined ? rating.average.toFixed(1) : '–'}</Text>
      <Text className='staff-tile-label'>
        {reviews ? '本月服务评价' : '我的本月评价'} · 已评 {rating?.answered ?? 0} 单
      </Text>
    </View>
  )

  if (loading && !me) return <Loading />
  if (error && !me) return <ErrorView message={error} onRetry={reload} />
  if (!staff) {
    return (
      <View className='page'>
        <Empty title='仅限物业员工使用' text='如您是物业员工，请联系客服主任开通账号' />
      </View>
    )
  }

  return (
    <View className='page staff-home'>
      <View className='card staff-hello' data-testid='staff-hello'>
        <Text className='staff-hello-title'>
          {staff.name}，{greeting()}
        </Text>
        <View className='staff-roles'>
          {staff.roles.map((r) => (
            <Text key={r} className='tag' data-testid='staff-role'>
              {ROLE_LABELS[r]}
            </Text>
          ))}
          {staff.department && <Text className='tag tag-gray'>{DEPARTMENT_LABELS[staff.department]}</Text>}
          {staff.zone?.length ? <Text className='tag tag-gray'>负责 {staff.zone.join('、')} 栋</Text> : null}
        </View>
        <View className='row between staff-notify'>
          <Text className='muted staff-notify-text'>微信提醒每次授权可收一条，常点常收</Text>
          <Button className='btn btn-ghost btn-small' disabled={asking || undefined} onClick={subscribe} data-testid='staff-subscribe'>
            {templates.includes('newOrder') ? '接收派单/超时提醒' : '接收超时/催单提醒'}
          </Button>
        </View>
      </View>

      <View className='section-title'>待办</View>
      <View className='staff-tiles staff-tiles-tickets'>
        <View className='card staff-tile' onClick={() => go('staffInbox')} data-testid='tile-tickets'>
          <Text className='staff-tile-num'>{queue ? (reviews ? queue.new : queue.mine) : '–'}</Text>
          <Text className='staff-tile-label'>{reviews ? '新工单' : '我的工单'}</Text>
          {queue && queue.overdue > 0 && <Text className='tag tag-danger staff-tile-tag'>超时 {queue.overdue}</Text>}
        </View>
        {/* A handler's two tiles share a row: his jobs and how residents rate them. */}
        {reviews ? (
          <View className='card staff-tile' onClick={() => go('staffRecord')} data-testid='tile-record'>
            <Text className='staff-tile-num'>+</Text>
            <Text className='staff-tile-label'>代客报事 · 电话/来访/巡查</Text>
          </View>
        ) : (
          figuresTile
        )}
      </View>
      {reviews && (
        <View className='staff-tiles'>
          {calls !== null && (
            <View className='card staff-tile' onClick={() => go('staffCallbacks')} data-testid='tile-callbacks'>
              <Text className='staff-tile-num'>{calls}</Text>
              <Text className='staff-tile-label'>待回访</Text>
            </View>
          )}
          {figuresTile}
        </View>
      )}
      {(patrol || vacant || zone || gate) && <View className='section-title'>片区 · 查、督、管</View>}
      {(patrol || vacant || zone || gate) && (
        <View className='staff-tiles'>
          {patrol && (
            <View className='card staff-tile' onClick={() => go('zonePatrol')} data-testid='tile-patrol'>
              <Text className='staff-tile-num'>{patrol.open}</Text>
              <Text className='staff-tile-label'>待巡查 · 扫码检查点位</Text>
              {patrol.overdue > 0 && <Text className='tag tag-danger staff-tile-tag'>逾期 {patrol.overdue}</Text>}
            </View>
          )}
          {vacant && (
            <View className='card staff-tile' onClick={() => go('zoneVacancies')} data-testid='tile-vacancy'>
              <Text className='staff-tile-num'>{vacant.vacant - vacant.checked}</Text>
              <Text className='staff-tile-label'>空置房本月待查 · 共 {vacant.vacant} 套</Text>
            </View>
          )}
          {gate && (
            <View className='card staff-tile' onClick={() => go('zonePermit')} data-testid='tile-permit'>
              <Text className='staff-tile-num'>核验</Text>
              <Text className='staff-tile-label'>扫码核验装修许可证</Text>
            </View>
          )}
          {zone && (
            <View className='card staff-tile' onClick={() => go('zoneDecorations')} data-testid='tile-decoration'>
              <Text className='staff-tile-num'>装修</Text>
              <Text className='staff-tile-label'>审批 · 验收 · 巡查违规</Text>
            </View>
          )}
          {zone && (
            <View className='card staff-tile' onClick={() => go('zoneVendors')} data-testid='tile-vendors'>
              <Text className='staff-tile-num'>外包</Text>
              <Text className='staff-tile-label'>品质检查 · 整改单</Text>
            </View>
          )}
          {zone && (
            <View className='card staff-tile' onClick={() => go('zoneReport')} data-testid='tile-zone-report'>
              <Text className='staff-tile-num'>月报</Text>
              <Text className='staff-tile-label'>{staff.roles.includes('supervisor') ? '各片区月报 · 管理员意见' : '片区月报 · 提交给客服主任'}</Text>
            </View>
          )}
        </View>
      )}
      {staff.roles.some((r) => r === 'manager' || r === 'supervisor') && (
        <View className='staff-tiles staff-tiles-tickets'>
          <View className='card staff-tile' onClick={() => go('staffDashboard')} data-testid='tile-dashboard'>
            <Text className='staff-tile-num'>看板</Text>
            <Text className='staff-tile-label'>{staff.roles.includes('supervisor') ? '今日运营 · 超时与升级' : '本片区今日工单'}</Text>
          </View>
          {staff.roles.includes('supervisor') && (
            <View className='card staff-tile' onClick={() => go('staffSettings')} data-testid='tile-settings'>
              <Text className='staff-tile-num'>设置</Text>
              <Text className='staff-tile-label'>时限 · 常用回复 · 回访与收费 · 操作记录</Text>
            </View>
          )}
          {staff.roles.includes('supervisor') && (
            <View className='card staff-tile' onClick={() => go('staffTeam')} data-testid='tile-team'>
              <Text className='staff-tile-num'>团队</Text>
              <Text className='staff-tile-label'>人员、角色、片区与值班</Text>
            </View>
          )}
        </View>
      )}
      {reviews ? (
        <View className='staff-tiles'>
          <View className='card staff-tile' onClick={() => go('staffBindings')} data-testid='tile-bindings'>
            <Text className='staff-tile-num'>{pending ?? '–'}</Text>
            <Text className='staff-tile-label'>待审核房屋绑定</Text>
          </View>
          <View className='card staff-tile' onClick={() => go('staffBills')} data-testid='tile-bills'>
            <Text className='staff-tile-num'>¥</Text>
            <Text className='staff-tile-label'>收费管理 · 欠费与催缴</Text>
          </View>
          <View className='card staff-tile' onClick={() => go('staffNotices')} data-testid='tile-notices'>
            <Text className='staff-tile-num'>告</Text>
            <Text className='staff-tile-label'>公告 · 停水停电 · 活动</Text>
          </View>
        </View>
      ) : jobs === null ? null : jobs.length === 0 ? (
        <View className='card'>
          <Empty title='暂无待处理事项' text='有新的派单时会在这里提醒您' />
        </View>
      ) : (
        <View data-testid='my-jobs'>
          <View className='section-title'>我的工单</View>
          {jobs.map((t) => (
            <TicketRow key={t.id} t={t} />
          ))}
          {queue && queue.mine > jobs.length && (
            <View className='staff-more' onClick={() => go('staffInbox')}>
              <Text className='muted'>还有 {queue.mine - jobs.length} 单，查看全部</Text>
            </View>
          )}
        </View>
      )}
    </View>
  )
}

export default withLargeText(StaffHome)
