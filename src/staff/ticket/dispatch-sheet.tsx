import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import type { ticketsContract } from '../../core/tickets/contracts'
import { CATEGORY_DEPARTMENT, type Category } from '../../core/tickets/types'
import { DEPARTMENTS, DEPARTMENT_LABELS, type Department } from '../../core/shared/roles'
import { Sheet } from '../../components/sheet'
import './dispatch-sheet.scss'

type Handler = Output<typeof ticketsContract.handlers>[number]
type Filter = Department | 'all'

/**
 * 派单 / 改派, department first: a chip per department (preselected from the ticket's category, or
 * the department it is with), then that department's handlers with their open load and 值班 mark,
 * lightest load first as the server sends them; 全部 shows everyone.
 */
export function DispatchSheet({
  reassign,
  busy,
  category,
  department,
  current,
  onClose,
  onPick,
}: {
  reassign: boolean
  busy: boolean
  category: Category
  department?: string
  current?: string
  onClose: () => void
  onPick: (openid: string, note: string) => unknown
}) {
  const guess: Filter = CATEGORY_DEPARTMENT[category] ?? (DEPARTMENTS.find((x) => x === department) || 'all')
  const [filter, setFilter] = useState<Filter>(guess)
  const [list, setList] = useState<Handler[] | null>(null)
  const [picked, setPicked] = useState('')
  const [note, setNote] = useState('')
  useEffect(() => {
    api.tickets
      .handlers()
      .then((all) => {
        setList(all)
        // Nobody in the guessed department: start on everyone rather than on an empty list.
        if (guess !== 'all' && !all.some((h) => h.department === guess)) setFilter('all')
      })
      .catch((e) => {
        Taro.showToast({ title: messageOf(e), icon: 'none' })
        setList([])
      })
    // Once per opening of the sheet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const shown = list?.filter((h) => filter === 'all' || h.department === filter) ?? null
  const choose = (f: Filter) => {
    setFilter(f)
    // A pick hidden by the new filter would be sent unseen: drop it.
    if (f !== 'all' && list?.find((h) => h.openid === picked)?.department !== f) setPicked('')
  }
  const ok = picked && (!reassign || note.trim().length >= 2)
  const count = (f: Filter) => list?.filter((h) => f === 'all' || h.department === f).length
  return (
    <Sheet
      title={reassign ? '改派' : '派单'}
      hint={reassign ? `当前处理人：${current ?? '无'}` : '先选部门，再选人员；按在办工单数从少到多排列'}
      onClose={onClose}
      testid='dispatch-sheet'
    >
      <View className='chips dp-depts'>
        {([...DEPARTMENTS, 'all'] as Filter[]).map((f) => (
          <View key={f} className={`chip dp-dept ${filter === f ? 'chip-active' : ''}`} onClick={() => choose(f)} data-testid={`dept-${f}`}>
            {f === 'all' ? '全部' : DEPARTMENT_LABELS[f]}
            {list && <Text className='dp-dept-n'>{count(f)}</Text>}
          </View>
        ))}
      </View>
      <View className='st-handlers'>
        {!shown ? (
          <Text className='muted'>加载中…</Text>
        ) : shown.length === 0 ? (
          <Text className='muted'>{filter === 'all' ? '没有可派单的人员' : `${DEPARTMENT_LABELS[filter]}暂无人员，可选「全部」`}</Text>
        ) : (
          shown.map((h) => (
            <View
              key={h.openid}
              className={`st-handler ${picked === h.openid ? 'st-handler-on' : ''}`}
              onClick={() => setPicked(h.openid)}
              data-testid='handler-item'
            >
              <View>
                <Text className='st-handler-name'>{h.name}</Text>
                <Text className='muted'>{DEPARTMENT_LABELS[h.department as Department] ?? h.department}</Text>
                {h.onDuty && <Text className='tag'>值班</Text>}
              </View>
              <Text className={h.openLoad >= 5 ? 'st-load-high' : 'muted'}>在办 {h.openLoad} 单</Text>
            </View>
          ))
        )}
      </View>
      <Textarea
        className='sheet-text'
        value={note}
        maxlength={200}
        placeholder={reassign ? '改派原因（必填）' : '给师傅的备注（选填）'}
        onInput={(e) => setNote(e.detail.value)}
        data-testid='dispatch-note'
      />
      <Button
        className='btn btn-primary btn-block sheet-btn'
        disabled={!ok || busy || undefined}
        onClick={() => onPick(picked, note.trim())}
        data-testid='confirm-dispatch'
      >
        {reassign ? '确认改派' : '确认派单'}
      </Button>
    </Sheet>
  )
}
