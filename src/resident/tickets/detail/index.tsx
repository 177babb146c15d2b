import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../services/api'
import { useAction } from '../../../services/use-action'
import { needsSignIn, useLoad } from '../../../services/session'
import { ErrorView, Loading } from '../../../components/page-state'
import { HomeLink, TicketBody } from '../../../components/ticket-parts'
import { ReasonSheet } from '../../../components/sheet'
import { SurveyCard } from './survey'
import { palette } from '../../../styles/palette'
import { formatTime } from '../../../core/shared/time'
import './index.scss'
import { go, replace } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

const REOPEN_REASONS = ['问题没有解决', '修好后又坏了', '处理结果不满意']

function TicketDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const ticket = useLoad(() => api.tickets.detail({ ticketId: id }), [id])
  const [master, setMaster] = useState<{ id: string; no: string } | null>(null)
  const [text, setText] = useState('')
  const { busy, run } = useAction({ reload: ticket.reload })
  const [reopening, setReopening] = useState(false)

  useDidShow(() => {
    if (!needsSignIn()) ticket.reload()
  })
  usePullDownRefresh(async () => {
    await ticket.reload()
    Taro.stopPullDownRefresh()
  })

  const mergedInto = ticket.data?.mergedInto
  useEffect(() => {
    if (!mergedInto) return
    // A merged reporter follows the master, so they may read it — and learn its number.
    api.tickets
      .detail({ ticketId: mergedInto })
      .then((m) => setMaster({ id: m.id, no: m.no }))
      .catch(() => setMaster(null))
  }, [mergedInto])

  if (ticket.loading && !ticket.data) return <Loading />
  if (ticket.error && !ticket.data) {
    return (
      <View className='page'>
        <HomeLink />
        <ErrorView message={ticket.error} code={ticket.errorCode} onRetry={ticket.reload} />
      </View>
    )
  }
  const d = ticket.data
  if (!d) return null
  const can = (a: string) => d.can.includes(a)
  // The latest close of this round (the timeline is newest first): his own 确认解决, or not.
  const confirmedByResident = d.timeline.find((e) => ['confirmed', 'auto_closed', 'reopened'].includes(e.kind))?.kind === 'confirmed'

  /** 14:35 today, else 12月8日 09:10. */
  const clock = (at: number) => formatTime(at, formatTime(at, 'YYYY-MM-DD') === formatTime(Date.now(), 'YYYY-MM-DD') ? 'HH:mm' : 'M月D日 HH:mm')

  const ask = async (title: string, content: string) => (await Taro.showModal({ title, content, confirmColor: palette.brand })).confirm

  const send = async () => {
    const t = text.trim()
    if (!t) return
    if (await run('message', () => api.tickets.message({ ticketId: d.id, text: t }), '已发送')) setText('')
  }

  const actions = [
    // Before 催单 opens the button says when; a tap then tells why (the server's words).
    d.urge && {
      key: 'urge',
      label: can('urge') ? '催单' : `${clock(d.urge.at)} 后可催单`,
      cls: 'btn-ghost',
      go: () => run('urge', () => api.tickets.urge({ ticketId: d.id }), '已催单'),
    },
    can('cancel') && {
      key: 'cancel',
      label: '取消工单',
      cls: 'btn-danger-ghost',
      go: async () => (await ask('取消工单', '确定要取消这个工单吗？')) && run('cancel', () => api.tickets.cancel({ ticketId: d.id }), '已取消'),
    },
    can('reopen') && { key: 'reopen', label: '重新打开', cls: 'btn-ghost', go: () => setReopening(true) },
    can('confirm') && {
      key: 'confirm',
      label: '确认解决',
      cls: 'btn-primary',
      go: async () =>
        (await ask('确认解决', '问题已经解决了吗？确认后工单完成，接着请为本次服务打个分。')) &&
        run('confirm', () => api.tickets.confirm({ ticketId: d.id }), '感谢您的确认'),
    },
  ].filter(Boolean) as { key: string; label: string; cls: string; go: () => unknown }[]

  return (
    <View className={`page td ${actions.length ? 'td-with-bar' : ''}`}>
      <HomeLink />
      {d.status === 'merged' && (
        <View className='card td-merged' onClick={() => master && replace('ticket', { id: master.id })} data-testid='merged-into'>
          <Text>已合并至 {master?.no ?? '主工单'}</Text>
          <Text className='td-merged-go'>查看进度 ›</Text>
        </View>
      )}

      <TicketBody
        d={d}
        onFee={(f) => (f.status === 'paid' && f.receiptNo ? go('receipt', { no: f.receiptNo }) : f.status === 'unpaid' ? go('bills') : undefined)}
      />

      <SurveyCard ticketId={d.id} status={d.status} confirmed={confirmedByResident} onChanged={ticket.reload} />

      {can('message') && (
        <View className='card td-compose'>
          <Text className='card-title'>给物业留言</Text>
          <Textarea
            className='text-box'
            value={text}
            maxlength={500}
            placeholder='补充情况、约时间，客服和师傅都能看到'
            onInput={(e) => setText(e.detail.value)}
            data-testid='message-input'
          />
          <View className='row td-compose-foot'>
            <Button className='btn btn-primary btn-small' disabled={!text.trim() || busy === 'message' || undefined} onClick={send} data-testid='send-message'>
              发送
            </Button>
          </View>
        </View>
      )}

      {actions.length > 0 && (
        <View className='td-bar'>
          {d.urge && !can('urge') && (
            <Text className='td-bar-hint' data-testid='urge-rule'>
              {d.urge.rule}，客服会优先处理您催过的工单
            </Text>
          )}
          {actions.map((a) => (
            <Button key={a.key} className={`btn ${a.cls} td-bar-btn`} disabled={busy === a.key || undefined} onClick={a.go} data-testid={`action-${a.key}`}>
              {a.label}
            </Button>
          ))}
        </View>
      )}

      {reopening && (
        <ReasonSheet
          testid='reopen'
          title='重新打开'
          hint='说说还有什么问题，我们会重新安排处理'
          chips={REOPEN_REASONS}
          busy={busy === 'reopen'}
          submit='确认重新打开'
          onClose={() => setReopening(false)}
          onSubmit={async (reason) => {
            if (await run('reopen', () => api.tickets.reopen({ ticketId: d.id, reason }), '已重新打开')) setReopening(false)
          }}
        />
      )}
    </View>
  )
}

export default withLargeText(TicketDetailPage)
