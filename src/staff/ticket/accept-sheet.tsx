import { View, Button } from '@tarojs/components'
import { useState } from 'react'
import { shanghaiDate } from '../../core/shared/time'
import { slotWindow, visitDays, VISIT_SLOTS, windowText, type VisitSlot, type Window } from '../../core/tickets/visit'
import { ReasonSheet, Sheet } from '../../components/sheet'
import './accept-sheet.scss'

const SLOT_KEYS = Object.keys(VISIT_SLOTS) as VisitSlot[]
const RESCHEDULE_REASONS = ['配件还没到', '住户要求改时间', '前一单还没做完']

/** The slot a window falls in, when it is one of ours (the resident picked it at 报事). */
function slotOf(w: Window | undefined): { day: string; slot: VisitSlot } | null {
  if (!w) return null
  const day = shanghaiDate(w.start)
  const slot = SLOT_KEYS.find((k) => slotWindow(day, k).start === w.start)
  return slot ? { day, slot } : null
}

/** A day of the next two weeks and a half-day slot, starting from `preset` when it is one of ours. */
function useVisit(preset: Window | undefined, now: number) {
  const days = visitDays(now)
  const first = slotOf(preset) ?? { day: days[0].key, slot: SLOT_KEYS.find((k) => slotWindow(days[0].key, k).end > now) ?? 'am' }
  const [day, setDay] = useState(first.day)
  const [slot, setSlot] = useState<VisitSlot>(first.slot)
  const past = (k: VisitSlot) => slotWindow(day, k).end <= now
  const chips = (
    <>
      <View className='chips sheet-chips'>
        {days.map((d) => (
          <View key={d.key} className={`chip ${day === d.key ? 'chip-active' : ''}`} onClick={() => setDay(d.key)} data-testid='accept-day'>
            {d.label} {d.sub}
          </View>
        ))}
      </View>
      <View className='chips sheet-chips'>
        {SLOT_KEYS.map((k) => (
          <View
            key={k}
            className={`chip ${slot === k ? 'chip-active' : ''} ${past(k) ? 'at-past' : ''}`}
            onClick={() => !past(k) && setSlot(k)}
            data-testid={`accept-slot-${k}`}
          >
            {VISIT_SLOTS[k].label} {VISIT_SLOTS[k].from}–{VISIT_SLOTS[k].to}
          </View>
        ))}
      </View>
    </>
  )
  return { w: slotWindow(day, slot), chips }
}

/**
 * 接单 of a home repair: the visit he will keep, the resident's wish preselected. The resident is
 * told at once; the arrive promise becomes its end.
 */
export function AcceptSheet({ wish, busy, onClose, onSubmit }: { wish?: Window; busy: boolean; onClose: () => void; onSubmit: (visit: Window) => unknown }) {
  const now = Date.now()
  const { w, chips } = useVisit(wish, now)
  return (
    <Sheet
      title='接单并约定上门时间'
      hint={wish ? `住户希望 ${windowText(wish, now)} 上门` : '住户没有指定时间，请选一个您能到的时段'}
      onClose={onClose}
      testid='accept-sheet'
    >
      {chips}
      <Button
        className='btn btn-primary btn-block sheet-btn'
        disabled={busy || w.end <= now || undefined}
        onClick={() => onSubmit(w)}
        data-testid='confirm-accept'
      >
        接单，约 {windowText(w, now)} 上门
      </Button>
    </Sheet>
  )
}

/** 改约: a new window, agreed again with the resident, and why — which the resident reads. */
export function RescheduleSheet({
  agreed,
  busy,
  onClose,
  onSubmit,
}: {
  agreed?: Window
  busy: boolean
  onClose: () => void
  onSubmit: (visit: Window, reason: string) => unknown
}) {
  const now = Date.now()
  const { w, chips } = useVisit(agreed, now)
  return (
    <ReasonSheet
      testid='reschedule'
      title='改约上门时间'
      hint={agreed ? `原定 ${windowText(agreed, now)}，请先与住户商量好新的时段` : '请先与住户商量好上门时段'}
      chips={RESCHEDULE_REASONS}
      placeholder='改约原因（住户会看到）'
      busy={busy}
      submit={`改约到 ${windowText(w, now)}`}
      onClose={onClose}
      onSubmit={(reason) => w.end > now && onSubmit(w, reason)}
    >
      {chips}
    </ReasonSheet>
  )
}
