import { View, Button, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { PAUSE_LABELS, PAUSE_REASONS, type PauseReason } from '../../core/tickets/types'
import { Sheet } from '../../components/sheet'

/** 暂停处理 (挂起): one of the reasons the SLA clock may stop for, and a note the resident reads. */
export function PauseSheet({ busy, onClose, onSubmit }: { busy: boolean; onClose: () => void; onSubmit: (reason: PauseReason, note: string) => unknown }) {
  const [reason, setReason] = useState<PauseReason | ''>('')
  const [note, setNote] = useState('')
  return (
    <Sheet title='暂停处理' hint='暂停期间服务时限停止计时，住户会收到说明' onClose={onClose} testid='pause-sheet'>
      <View className='chips sheet-chips'>
        {PAUSE_REASONS.map((r) => (
          <View key={r} className={`chip ${reason === r ? 'chip-active' : ''}`} onClick={() => setReason(r)} data-testid={`pause-${r}`}>
            {PAUSE_LABELS[r]}
          </View>
        ))}
      </View>
      <Textarea
        className='sheet-text'
        value={note}
        maxlength={200}
        placeholder='补充说明（选填），如：配件预计周五到货'
        onInput={(e) => setNote(e.detail.value)}
      />
      <Button
        className='btn btn-primary btn-block sheet-btn'
        disabled={!reason || busy || undefined}
        onClick={() => reason && onSubmit(reason, note.trim())}
        data-testid='confirm-pause'
      >
        确认暂停
      </Button>
    </Sheet>
  )
}
