import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { useAction } from '../../services/use-action'
import { needsSignIn, useLoad } from '../../services/session'
import { askSubscribe, preloadTemplates } from '../../services/subscribe'
import type { ticketsContract } from '../../core/tickets/contracts'
import { ErrorView, Loading } from '../../components/page-state'
import { HomeLink, TicketBody } from '../../components/ticket-parts'
import { ReasonSheet } from '../../components/sheet'
import { PauseSheet } from './pause-sheet'
import { AcceptSheet, RescheduleSheet } from './accept-sheet'
import { CompleteSheet } from './complete-sheet'
import { RelateSheet } from './relate-sheet'
import { StaffSurvey } from './survey'
import { OutageLink } from './outage-link'
import { DispatchSheet } from './dispatch-sheet'
import { staffTemplates } from '../subscribe'
import './index.scss'
import { go, replace } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

type Reply = Output<typeof ticketsContract.savedReplies>[number]
type SheetKind = null | 'accept' | 'reschedule' | 'dispatch' | 'reassign' | 'decline' | 'pause' | 'complete' | 'resolve' | 'relate' | 'cancel'

const ACTION_LABELS: Record<string, string> = {
  dispatch: '派单',
  accept: '接单',
  arrive: '已到场',
  reschedule: '改约',
  complete: '完工',
  resolve: '办结',
  resume: '恢复处理',
  reassign: '改派',
  pause: '暂停处理',
  decline: '退单',
  relate: '关联/合并',
  cancel: '取消工单',
}
/** The next natural step first: that one is the big button. */
const ORDER = ['dispatch', 'accept', 'arrive', 'complete', 'resolve', 'resume', 'reschedule', 'reassign', 'pause', 'decline', 'relate', 'cancel']
const DECLINE_REASONS = ['不属于本部门', '手上工单太多，请改派', '需要其他工种配合']
const CANCEL_REASONS = ['住户已自行解决', '重复提交', '住户要求取消']

function StaffTicket() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const ticket = useLoad(() => api.tickets.detail({ ticketId: id }), [id])
  const action = useAction({ reload: ticket.reload })
  const { busy } = action
  const [sheet, setSheet] = useState<SheetKind>(null)
  const [replies, setReplies] = useState<Reply[]>([])
  const [text, setText] = useState('')
  const [internal, setInternal] = useState(false)

  useDidShow(() => {
    if (!needsSignIn()) ticket.reload()
  })
  // Template ids ready before the 接单 tap, which may open WeChat's panel only synchronously.
  const acceptable = ticket.data?.can.includes('accept') ?? false
  useEffect(() => {
    if (acceptable) preloadTemplates(staffTemplates(['handler']))
  }, [acceptable])
  usePullDownRefresh(async () => {
    await ticket.reload()
    Taro.stopPullDownRefresh()
  })
  useEffect(() => {
    api.tickets
      .savedReplies()
      .then(setReplies)
      .catch(() => setReplies([]))
  }, [])

  if (ticket.loading && !ticket.data) return <Loading />
  if (ticket.error && !ticket.data) {
    return (
      <View className='page'>
        <HomeLink staff />
        <ErrorView message={ticket.error} code={ticket.errorCode} onRetry={ticket.reload} />
      </View>
    )
  }
  const d = ticket.data
  if (!d) return null
  const can = (a: string) => d.can.includes(a)

  /** Run an action; a success closes the open sheet and shows the ticket as it is now. */
  const run = async (key: string, fn: () => Promise<unknown>, ok: string) => {
    const done = await action.run(key, fn, ok)
    if (done) setSheet(null)
    return done
  }

  const accept = (visit?: { start: number; end: number }) =>
    run(
      'accept',
      async () => {
        await askSubscribe(staffTemplates(['handler']))
        return api.tickets.accept({ ticketId: d.id, ...(visit ? { visit } : {}) })
      },
      '已接单',
    )
  const direct: Record<string, () => unknown> = {
    // 接单 is the handler's natural tap to ask for the next 派单 and 预警 pushes (never throws).
    // A home repair is accepted with the visit he will keep (the sheet); anything else at once.
    accept: () => (d.type === 'repair' && d.scope === 'home' ? setSheet('accept') : accept()),
    arrive: () => run('arrive', () => api.tickets.arrive({ ticketId: d.id }), '已到场'),
    resume: () => run('resume', () => api.tickets.resume({ ticketId: d.id }), '已恢复'),
  }
  // Only a home repair has a visit to move.
  const homeRepair = d.type === 'repair' && d.scope === 'home'
  const available = ORDER.filter((a) => (a === 'relate' ? can('link') || can('merge') : a === 'reschedule' ? homeRepair && can(a) : can(a)))
  const tap = (a: string) => (direct[a] ? direct[a]() : setSheet(a as SheetKind))
  const shown = available.length > 3 ? available.slice(0, 2) : available
  const rest = available.length > 3 ? available.slice(2) : []
  const more = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: rest.map((a) => ACTION_LABELS[a]) })
      tap(rest[tapIndex])
    } catch {
      // Closed the sheet.
    }
  }

  const send = async () => {
    const t = text.trim()
    if (!t) return
    if (
      await run('message', () => api.tickets.message({ ticketId: d.id, text: t, ...(internal ? { internal: true } : {}) }), internal ? '已添加备注' : '已回复')
    ) {
      setText('')
      setInternal(false)
    }
  }
  const callable = d.reporterPhone && !d.reporterPhone.includes('*')

  return (
    <View className={`page st ${available.length ? 'st-with-bar' : ''}`}>
      <HomeLink staff />
      <View className='card st-reporter'>
        <View>
          <Text className='st-reporter-name'>{d.reporterName}</Text>
          <Text className='muted' data-testid='reporter-phone'>
            {d.reporterPhone}
          </Text>
        </View>
        {callable ? (
          <Button className='btn btn-ghost btn-small' onClick={() => Taro.makePhoneCall({ phoneNumber: d.reporterPhone })} data-testid='call-reporter'>
            拨打电话
          </Button>
        ) : can('link') ? (
          // The desk calls with one tap: the full number is fetched on the tap (and the look audited); the page stays masked.
          <Button
            className='btn btn-ghost btn-small'
            disabled={busy === 'call' || undefined}
            onClick={() => action.run('call', async () => Taro.makePhoneCall({ phoneNumber: (await api.tickets.callReporter({ ticketId: d.id })).phone }))}
            data-testid='call-reporter'
          >
            拨打电话
          </Button>
        ) : (
          <Text className='muted st-reporter-hint'>接单后可见完整号码</Text>
        )}
      </View>

      {can('houseFile') && d.houseId && (
        <View className='card row between st-house' onClick={() => go('staffHouse', { houseId: d.houseId! })} data-testid='open-house-file'>
          <Text>{d.place} · 一户一档</Text>
          <Text className='muted'>档案、工单、账单、备注 ›</Text>
        </View>
      )}

      {d.mergedInto && (
        <View className='card st-merged' onClick={() => replace('staffTicket', { id: d.mergedInto! })} data-testid='merged-into'>
          <Text>已合并至主工单</Text>
          <Text>查看 ›</Text>
        </View>
      )}

      <TicketBody d={d} staff onOpenLink={(lid) => go('staffTicket', { id: lid })} />
      {/* Linking to an outage is the front office's, like linking tickets. */}
      <OutageLink ticketId={d.id} version={d.updatedAt} enabled={can('link')} onLinked={ticket.reload} />
      <StaffSurvey ticketId={d.id} status={d.status} />

      {can('message') && (
        <View className={`card st-compose ${internal ? 'st-compose-internal' : ''}`}>
          <View className='card-title'>
            <Text>{internal ? '内部备注' : d.status === 'new' ? '受理并回复住户' : '回复住户'}</Text>
            <View className={`chip st-internal ${internal ? 'chip-active' : ''}`} onClick={() => setInternal(!internal)} data-testid='reply-internal'>
              内部备注
            </View>
          </View>
          {!internal && replies.length > 0 && (
            <View className='chips st-replies'>
              {replies.map((r) => (
                <View key={r.id} className={`chip st-reply ${text === r.text ? 'chip-active' : ''}`} onClick={() => setText(r.text)} data-testid='saved-reply'>
                  {r.title}
                </View>
              ))}
            </View>
          )}
          <Textarea
            className='text-box'
            value={text}
            maxlength={500}
            placeholder={internal ? '只有工作人员能看到，住户看不到' : '住户会在工单和消息中看到'}
            onInput={(e) => setText(e.detail.value)}
            data-testid='reply-input'
          />
          <View className='row st-compose-foot'>
            <Button className='btn btn-primary btn-small' disabled={!text.trim() || busy === 'message' || undefined} onClick={send} data-testid='send-reply'>
              {internal ? '保存备注' : '发送'}
            </Button>
          </View>
        </View>
      )}

      {available.length > 0 && (
        <View className='st-bar'>
          {/* row-reverse: the next natural step sits on the right, under the thumb. */}
          {shown.map((a, i) => (
            <Button
              key={a}
              className={`btn st-bar-btn ${i === 0 ? 'btn-primary' : a === 'cancel' || a === 'decline' ? 'btn-danger-ghost' : 'btn-ghost'}`}
              disabled={busy === a || undefined}
              onClick={() => tap(a)}
              data-testid={`action-${a}`}
            >
              {ACTION_LABELS[a]}
            </Button>
          ))}
          {rest.length > 0 && (
            <Button className='btn btn-ghost st-bar-btn st-bar-more' onClick={more} data-testid='action-more'>
              更多
            </Button>
          )}
        </View>
      )}

      {(sheet === 'dispatch' || sheet === 'reassign') && (
        <DispatchSheet
          reassign={sheet === 'reassign'}
          busy={busy === sheet}
          category={d.category}
          department={d.department}
          current={d.assigneeName}
          onClose={() => setSheet(null)}
          onPick={(assignee, note) =>
            run(
              sheet,
              () =>
                sheet === 'dispatch'
                  ? api.tickets.dispatch({ ticketId: d.id, assignee, ...(note ? { note } : {}) })
                  : api.tickets.reassign({ ticketId: d.id, assignee, reason: note }),
              sheet === 'dispatch' ? '已派单' : '已改派',
            )
          }
        />
      )}
      {sheet === 'decline' && (
        <ReasonSheet
          testid='decline'
          title='退单'
          hint='说明原因，工单会退回客服重新派单'
          chips={DECLINE_REASONS}
          busy={busy === 'decline'}
          submit='确认退单'
          onClose={() => setSheet(null)}
          onSubmit={(reason) => run('decline', () => api.tickets.decline({ ticketId: d.id, reason }), '已退单')}
        />
      )}
      {sheet === 'cancel' && (
        <ReasonSheet
          testid='cancel'
          title='取消工单'
          hint='住户会收到取消通知'
          chips={CANCEL_REASONS}
          busy={busy === 'cancel'}
          submit='确认取消'
          onClose={() => setSheet(null)}
          onSubmit={(reason) => run('cancel', () => api.tickets.cancel({ ticketId: d.id, reason }), '已取消')}
        />
      )}
      {sheet === 'resolve' && (
        <ReasonSheet
          testid='resolve'
          title='办结'
          hint='写下处理结果，住户确认后工单完成'
          placeholder='处理结果'
          busy={busy === 'resolve'}
          submit='确认办结'
          onClose={() => setSheet(null)}
          onSubmit={(note) => run('resolve', () => api.tickets.resolve({ ticketId: d.id, note }), '已办结')}
        />
      )}
      {sheet === 'accept' && <AcceptSheet wish={d.window} busy={busy === 'accept'} onClose={() => setSheet(null)} onSubmit={accept} />}
      {sheet === 'reschedule' && (
        <RescheduleSheet
          agreed={d.visit}
          busy={busy === 'reschedule'}
          onClose={() => setSheet(null)}
          onSubmit={(visit, reason) => run('reschedule', () => api.tickets.reschedule({ ticketId: d.id, visit, reason }), '已改约，已通知住户')}
        />
      )}
      {sheet === 'pause' && (
        <PauseSheet
          busy={busy === 'pause'}
          onClose={() => setSheet(null)}
          onSubmit={(reason, note) => run('pause', () => api.tickets.pause({ ticketId: d.id, reason, ...(note ? { note } : {}) }), '已暂停处理')}
        />
      )}
      {sheet === 'complete' && (
        <CompleteSheet
          paid={d.type === 'repair' && d.scope === 'home'}
          busy={busy === 'complete'}
          onClose={() => setSheet(null)}
          onSubmit={(input) => run('complete', () => api.tickets.complete({ ticketId: d.id, ...input }), '已完工')}
        />
      )}
      {sheet === 'relate' && (
        <RelateSheet
          self={d}
          canLink={can('link')}
          canMerge={can('merge')}
          busy={busy}
          onClose={() => setSheet(null)}
          onLink={(otherId) => run('link', () => api.tickets.link({ ticketId: d.id, otherId }), '已关联')}
          onMerge={(masterId) => run('merge', () => api.tickets.merge({ ticketId: d.id, masterId }), '已合并')}
        />
      )}
    </View>
  )
}

export default withLargeText(StaffTicket)
