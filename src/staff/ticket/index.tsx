import { View, Text, Button, Textarea, Input } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { askSubscribe, preloadTemplates } from '../../services/subscribe'
import { PAUSE_LABELS, PAUSE_REASONS, STATUS_LABELS, type PauseReason } from '../../core/tickets/types'
import type { ticketsContract } from '../../core/tickets/contracts'
import { ErrorView, Loading } from '../../components/page-state'
import { HomeLink, Sheet, TicketBody, type TicketSummary } from '../../components/ticket-parts'
import { PhotoPicker } from '../../components/photo-picker'
import { StaffSurvey } from './survey'
import { OutageLink } from './outage-link'
import { DispatchSheet } from './dispatch-sheet'
import { staffTemplates } from '../subscribe'
import { parseYuan } from '../../core/bills/fee-items'
import './index.scss'

type Reply = Output<typeof ticketsContract.savedReplies>[number]
type SheetKind = null | 'dispatch' | 'reassign' | 'decline' | 'pause' | 'complete' | 'resolve' | 'relate' | 'cancel'

const ACTION_LABELS: Record<string, string> = {
  dispatch: '派单',
  accept: '接单',
  arrive: '已到场',
  complete: '完工',
  resolve: '办结',
  resume: '恢复处理',
  reassign: '改派',
  pause: '挂起',
  decline: '退单',
  relate: '关联/合并',
  cancel: '取消工单',
}
/** The next natural step first: that one is the big button. */
const ORDER = ['dispatch', 'accept', 'arrive', 'complete', 'resolve', 'resume', 'reassign', 'pause', 'decline', 'relate', 'cancel']
const DECLINE_REASONS = ['不属于本部门', '手上工单太多，请改派', '需要其他工种配合']
const CANCEL_REASONS = ['住户已自行解决', '重复提交', '住户要求取消']

export default function StaffTicket() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const ticket = useLoad(() => api.tickets.detail({ ticketId: id }), [id])
  const [busy, setBusy] = useState('')
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

  /** Run an action, say how it went, and show the ticket as it is now. */
  const run = async (key: string, fn: () => Promise<unknown>, ok: string) => {
    setBusy(key)
    try {
      await fn()
      Taro.showToast({ title: ok, icon: 'success' })
      setSheet(null)
      await ticket.reload()
      return true
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
      // Someone else moved it meanwhile (CONFLICT / INVALID_STATE): show what it is now.
      if (e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'INVALID_STATE')) ticket.reload()
      return false
    } finally {
      setBusy('')
    }
  }

  const direct: Record<string, () => unknown> = {
    // 接单 is the handler's natural tap to ask for the next 派单 and 预警 pushes (never throws).
    accept: () =>
      run(
        'accept',
        async () => {
          await askSubscribe(staffTemplates(['handler']))
          return api.tickets.accept({ ticketId: d.id })
        },
        '已接单',
      ),
    arrive: () => run('arrive', () => api.tickets.arrive({ ticketId: d.id }), '已到场'),
    resume: () => run('resume', () => api.tickets.resume({ ticketId: d.id }), '已恢复'),
  }
  const available = ORDER.filter((a) => (a === 'relate' ? can('link') || can('merge') : can(a)))
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
    if (await run('message', () => api.tickets.message({ ticketId: d.id, text: t, ...(internal ? { internal: true } : {}) }), internal ? '已添加备注' : '已回复')) {
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
        ) : (
          <Text className='muted st-reporter-hint'>接单后可见完整号码</Text>
        )}
      </View>

      {d.mergedInto && (
        <View className='card st-merged' onClick={() => Taro.redirectTo({ url: `/staff/ticket/index?id=${d.mergedInto}` })} data-testid='merged-into'>
          <Text>已合并至主工单</Text>
          <Text>查看 ›</Text>
        </View>
      )}

      <TicketBody d={d} staff onOpenLink={(lid) => Taro.navigateTo({ url: `/staff/ticket/index?id=${lid}` })} />
      <OutageLink ticketId={d.id} version={d.updatedAt} onLinked={ticket.reload} />
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
            className='st-textarea'
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

      {(sheet === 'dispatch' || sheet === 'reassign') && <DispatchSheet reassign={sheet === 'reassign'} busy={busy === sheet} category={d.category} department={d.department} current={d.assigneeName} onClose={() => setSheet(null)} onPick={(assignee, note) => run(sheet, () => (sheet === 'dispatch' ? api.tickets.dispatch({ ticketId: d.id, assignee, ...(note ? { note } : {}) }) : api.tickets.reassign({ ticketId: d.id, assignee, reason: note })), sheet === 'dispatch' ? '已派单' : '已改派')} />}
      {sheet === 'decline' && <TextSheet title='退单' hint='说明原因，工单会退回客服重新派单' chips={DECLINE_REASONS} min={2} busy={busy === 'decline'} submit='确认退单' onClose={() => setSheet(null)} onSubmit={(reason) => run('decline', () => api.tickets.decline({ ticketId: d.id, reason }), '已退单')} />}
      {sheet === 'cancel' && <TextSheet title='取消工单' hint='住户会收到取消通知' chips={CANCEL_REASONS} min={2} busy={busy === 'cancel'} submit='确认取消' onClose={() => setSheet(null)} onSubmit={(reason) => run('cancel', () => api.tickets.cancel({ ticketId: d.id, reason }), '已取消')} />}
      {sheet === 'resolve' && <TextSheet title='办结' hint='写下处理结果，住户确认后工单完成' chips={[]} min={2} busy={busy === 'resolve'} submit='确认办结' onClose={() => setSheet(null)} onSubmit={(note) => run('resolve', () => api.tickets.resolve({ ticketId: d.id, note }), '已办结')} />}
      {sheet === 'pause' && <PauseSheet busy={busy === 'pause'} onClose={() => setSheet(null)} onSubmit={(reason, note) => run('pause', () => api.tickets.pause({ ticketId: d.id, reason, ...(note ? { note } : {}) }), '已挂起')} />}
      {sheet === 'complete' && <CompleteSheet paid={d.type === 'repair' && d.scope === 'home'} busy={busy === 'complete'} onClose={() => setSheet(null)} onSubmit={(input) => run('complete', () => api.tickets.complete({ ticketId: d.id, ...input }), '已完工')} />}
      {sheet === 'relate' && <RelateSheet self={d} canLink={can('link')} canMerge={can('merge')} busy={busy} onClose={() => setSheet(null)} onLink={(otherId) => run('link', () => api.tickets.link({ ticketId: d.id, otherId }), '已关联')} onMerge={(masterId) => run('merge', () => api.tickets.merge({ ticketId: d.id, masterId }), '已合并')} />}

    </View>
  )
}

function TextSheet({ title, hint, chips, min, busy, submit, onClose, onSubmit }: { title: string; hint: string; chips: string[]; min: number; busy: boolean; submit: string; onClose: () => void; onSubmit: (text: string) => unknown }) {
  const [text, setText] = useState('')
  return (
    <Sheet title={title} hint={hint} onClose={onClose} testid='text-sheet'>
      {chips.length > 0 && (
        <View className='chips st-sheet-chips'>
          {chips.map((c) => (
            <View key={c} className={`chip ${text === c ? 'chip-active' : ''}`} onClick={() => setText(c)}>
              {c}
            </View>
          ))}
        </View>
      )}
      <Textarea className='st-textarea st-sheet-text' value={text} maxlength={500} placeholder='请填写' onInput={(e) => setText(e.detail.value)} data-testid='sheet-text' />
      <Button className='btn btn-primary btn-block st-sheet-btn' disabled={text.trim().length < min || busy || undefined} onClick={() => onSubmit(text.trim())} data-testid='sheet-submit'>
        {submit}
      </Button>
    </Sheet>
  )
}

function PauseSheet({ busy, onClose, onSubmit }: { busy: boolean; onClose: () => void; onSubmit: (reason: PauseReason, note: string) => unknown }) {
  const [reason, setReason] = useState<PauseReason | ''>('')
  const [note, setNote] = useState('')
  return (
    <Sheet title='挂起' hint='挂起期间服务时限暂停计时，住户会收到说明' onClose={onClose} testid='pause-sheet'>
      <View className='chips st-sheet-chips'>
        {PAUSE_REASONS.map((r) => (
          <View key={r} className={`chip ${reason === r ? 'chip-active' : ''}`} onClick={() => setReason(r)} data-testid={`pause-${r}`}>
            {PAUSE_LABELS[r]}
          </View>
        ))}
      </View>
      <Textarea className='st-textarea st-sheet-text' value={note} maxlength={200} placeholder='补充说明（选填），如：配件预计周五到货' onInput={(e) => setNote(e.detail.value)} />
      <Button className='btn btn-primary btn-block st-sheet-btn' disabled={!reason || busy || undefined} onClick={() => reason && onSubmit(reason, note.trim())} data-testid='confirm-pause'>
        确认挂起
      </Button>
    </Sheet>
  )
}

type CostRow = { name: string; yuan: string }

function CompleteSheet({ paid, busy, onClose, onSubmit }: { paid: boolean; busy: boolean; onClose: () => void; onSubmit: (input: { note: string; photos: string[]; costItems: { name: string; amount: number }[] }) => unknown }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [rows, setRows] = useState<CostRow[]>([])
  const setRow = (i: number, patch: Partial<CostRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const filled = rows.filter((r) => r.name.trim() || r.yuan.trim())
  // Money is typed in 元 and sent in integer 分, parsed as text: 12.5 元 is 1250, never 1249.9999.
  const badRow = filled.find((r) => !r.name.trim() || parseYuan(r.yuan) === null)
  const total = filled.reduce((s, r) => s + (badRow ? 0 : parseYuan(r.yuan)!), 0)
  return (
    <Sheet title='完工' hint='住户会看到处理结果和完工照片，并确认是否解决' onClose={onClose} testid='complete-sheet'>
      <Text className='field-label st-group'>处理结果</Text>
      <Textarea className='st-textarea' value={note} maxlength={500} placeholder='如：更换厨房下水管接头，已试水无渗漏' onInput={(e) => setNote(e.detail.value)} data-testid='complete-note' />
      <Text className='field-label st-group'>完工照片</Text>
      <PhotoPicker value={photos} onChange={setPhotos} max={6} folder='tickets' testid='complete-photos' />
      {paid && (
        <>
          <Text className='field-label st-group'>费用（有偿服务才填，单位：元）</Text>
          {rows.map((r, i) => (
            <View key={i} className='row st-cost'>
              <Input className='st-cost-name' value={r.name} maxlength={20} placeholder='项目，如：材料费' onInput={(e) => setRow(i, { name: e.detail.value })} data-testid='cost-name' />
              <Input className='st-cost-amount' type='digit' value={r.yuan} placeholder='0.00' onInput={(e) => setRow(i, { yuan: e.detail.value })} data-testid='cost-amount' />
              <Text className='st-cost-del' onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                ✕
              </Text>
            </View>
          ))}
          {rows.length < 10 && (
            <Text className='st-cost-add' onClick={() => setRows([...rows, { name: '', yuan: '' }])} data-testid='add-cost'>
              + 添加费用项
            </Text>
          )}
          {badRow ? <Text className='field-error'>请填写费用名称和金额（最多两位小数）</Text> : filled.length > 0 && <Text className='st-cost-total'>合计 ¥{(total / 100).toFixed(2)}</Text>}
        </>
      )}
      <Button
        className='btn btn-primary btn-block st-sheet-btn'
        disabled={note.trim().length < 2 || Boolean(badRow) || busy || undefined}
        onClick={() => onSubmit({ note: note.trim(), photos, costItems: filled.map((r) => ({ name: r.name.trim(), amount: parseYuan(r.yuan)! })) })}
        data-testid='confirm-complete'
      >
        确认完工
      </Button>
    </Sheet>
  )
}

function RelateSheet({ self, canLink, canMerge, busy, onClose, onLink, onMerge }: { self: TicketSummary; canLink: boolean; canMerge: boolean; busy: string; onClose: () => void; onLink: (id: string) => unknown; onMerge: (id: string) => unknown }) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<TicketSummary[] | null>(null)
  const [picked, setPicked] = useState('')
  const search = async () => {
    if (!q.trim()) return
    try {
      const r = await api.tickets.inbox({ tab: 'all', q: q.trim(), limit: 10 })
      setFound(r.items.filter((t) => t.id !== self.id))
      setPicked('')
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }
  return (
    <Sheet title='关联 / 合并' hint='楼上漏水影响楼下：关联两张工单；同一问题重复报：合并到主工单' onClose={onClose} testid='relate-sheet'>
      <View className='row st-relate-search'>
        <Input className='st-relate-input' value={q} placeholder='另一张工单号、房号或手机尾号' onInput={(e) => setQ(e.detail.value)} onConfirm={search} data-testid='relate-q' />
        <Button className='btn btn-ghost btn-small' onClick={search} data-testid='relate-search'>
          查找
        </Button>
      </View>
      {found && found.length === 0 && <Text className='muted'>没有找到</Text>}
      {found?.map((t) => (
        <View key={t.id} className={`st-handler ${picked === t.id ? 'st-handler-on' : ''}`} onClick={() => setPicked(t.id)} data-testid='relate-item'>
          <View>
            <Text className='st-handler-name'>{t.no}</Text>
            <Text className='muted'>
              {t.place} · {t.description.slice(0, 16)}
            </Text>
          </View>
          <Text className='muted'>{STATUS_LABELS[t.status]}</Text>
        </View>
      ))}
      <View className='row st-relate-actions'>
        {canLink && (
          <Button className='btn btn-ghost st-relate-btn' disabled={!picked || busy === 'link' || undefined} onClick={() => onLink(picked)} data-testid='confirm-link'>
            关联
          </Button>
        )}
        {canMerge && (
          <Button className='btn btn-primary st-relate-btn' disabled={!picked || busy === 'merge' || undefined} onClick={() => onMerge(picked)} data-testid='confirm-merge'>
            合并到该工单
          </Button>
        )}
      </View>
    </Sheet>
  )
}
