import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import { useLoad } from '../../services/session'
import type { surveysContract } from '../../core/surveys/contracts'
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, CALLBACK_STATE_LABELS, CALLBACK_STATES, type CallbackState, type CallOutcome } from '../../core/surveys/types'
import { formatTime } from '../../core/shared/time'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { Sheet } from '../../components/sheet'
import { Stars } from '../../components/survey-parts'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

type Task = Output<typeof surveysContract.callbacks>['items'][number]

function dueText(dueAt: number) {
  const left = Math.round((dueAt - Date.now()) / 3600_000)
  return left >= 0 ? `${formatTime(dueAt, 'MM-DD HH:mm')} 前（剩 ${left} 小时）` : `已超时 ${-left} 小时`
}

/** 回访: the agents' list. The number is masked until the call starts; each call's outcome is recorded. */
function CallbacksPage() {
  const [tab, setTab] = useState<CallbackState>('open')
  const list = useLoad(() => api.surveys.callbacks({ state: tab }), [tab])
  const [task, setTask] = useState<Task | null>(null)
  const [outcome, setOutcome] = useState<CallOutcome | null>(null)
  const [score, setScore] = useState(0)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const { reload } = list
  useDidShow(() => reload())
  // useLoad does not refetch on its own when the tab changes.
  useEffect(() => {
    reload()
  }, [reload])
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const start = async (t: Task) => {
    setBusy(true)
    try {
      const started = await api.surveys.startCall({ taskId: t.id })
      setTask(started)
      setOutcome(null)
      setScore(0)
      setNote('')
      if (process.env.TARO_ENV === 'weapp') Taro.makePhoneCall({ phoneNumber: started.phone }).catch(() => undefined)
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const save = async () => {
    if (!task || !outcome) return
    setBusy(true)
    try {
      const r = await api.surveys.recordCall({ taskId: task.id, outcome, note: note.trim(), ...(score ? { overall: score } : {}) })
      setTask(null)
      Taro.showToast({ title: r.state === 'open' ? `未接通（${r.failed}/3）` : r.state === 'missed' ? '已关闭为未回访' : '回访已记录', icon: 'none' })
      await list.reload()
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const d = list.data
  return (
    <View className='page cb'>
      <View className='cb-tabs'>
        {CALLBACK_STATES.map((s) => (
          <View key={s} className={`cb-tab ${tab === s ? 'cb-tab-active' : ''}`} onClick={() => setTab(s)} data-testid={`cb-tab-${s}`}>
            {CALLBACK_STATE_LABELS[s]}
            {s === 'open' && d ? (
              <Text className='cb-count' data-testid='cb-open-count'>
                {d.counts.open}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
      {list.loading && !d ? (
        <Loading />
      ) : list.error && !d ? (
        <ErrorView message={list.error} onRetry={list.reload} />
      ) : !d?.items.length ? (
        <Empty title={tab === 'open' ? '没有待回访的工单' : '暂无记录'} text={tab === 'open' ? '工单完成后未及时评价的，会在这里提醒回访' : ''} />
      ) : (
        d.items.map((t) => (
          <View key={t.id} className='card cb-item' data-testid='callback-item'>
            <View className='between'>
              <Text className='cb-no' onClick={() => go('staffTicket', { id: t.ticketId })}>
                {t.ticketNo}
              </Text>
              {t.kind === 'complaint' ? <Text className='tag tag-danger'>差评回访</Text> : <Text className='tag'>满意度回访</Text>}
            </View>
            <Text className='cb-place'>{t.place}</Text>
            <View className='row cb-who'>
              <Text>{t.residentName}</Text>
              <Text className='cb-phone' data-testid='callback-phone'>
                {t.phone}
              </Text>
            </View>
            {t.state === 'open' && (
              <Text className={`muted cb-due ${t.dueAt < Date.now() ? 'cb-late' : ''}`} data-testid='callback-due'>
                回访时限 {dueText(t.dueAt)}
                {t.assigneeName ? ` · ${t.assigneeName}` : ''}
              </Text>
            )}
            {t.attempts.map((a) => (
              <Text key={a.at} className='muted cb-attempt'>
                {formatTime(a.at, 'MM-DD HH:mm')} {a.byName} · {CALL_OUTCOME_LABELS[a.outcome]}：{a.note}
              </Text>
            ))}
            {t.state === 'open' && (
              <View className='row cb-foot'>
                {t.failed > 0 && <Text className='muted'>未接通 {t.failed}/3</Text>}
                <Button className='btn btn-primary btn-small' disabled={busy || undefined} onClick={() => start(t)} data-testid='start-call'>
                  拨打电话
                </Button>
              </View>
            )}
          </View>
        ))
      )}

      {task && (
        <Sheet title={`回访 ${task.residentName}`} hint={task.ticketNo} onClose={() => setTask(null)} testid='call-sheet'>
          <View className='cb-number' data-testid='full-phone'>
            {task.phone}
          </View>
          <View className='chips cb-outcomes'>
            {CALL_OUTCOMES.map((o) => (
              <View key={o} className={`chip ${outcome === o ? 'chip-active' : ''}`} onClick={() => setOutcome(o)} data-testid={`outcome-${o}`}>
                {CALL_OUTCOME_LABELS[o]}
              </View>
            ))}
          </View>
          {outcome && outcome !== 'unreached' && (
            <View className='row cb-score'>
              <Text className='muted'>住户评分{outcome === 'reached' ? '' : '（选填）'}</Text>
              <Stars value={score} onChange={setScore} testid='call-score' />
            </View>
          )}
          <Textarea
            className='text-box'
            value={note}
            maxlength={200}
            placeholder='回访记录：住户的反馈'
            onInput={(e) => setNote(e.detail.value)}
            data-testid='call-note'
          />
          <Button
            className='btn btn-primary btn-block cb-save'
            disabled={!outcome || !note.trim() || (outcome === 'reached' && !score) || busy || undefined}
            onClick={save}
            data-testid='save-call'
          >
            保存回访记录
          </Button>
        </Sheet>
      )}
    </View>
  )
}

export default withLargeText(CallbacksPage)
