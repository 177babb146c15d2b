import { View, Text, Button, Textarea, Input } from '@tarojs/components'
import { useState } from 'react'
import { parseYuan, yuan } from '../../core/shared/money'
import { Sheet } from '../../components/sheet'
import { PhotoPicker } from '../../components/photo-picker'

type CostRow = { name: string; yuan: string }

/** 完工: what was done, photos, and for a paid in-home job the cost items. */
export function CompleteSheet({
  paid,
  busy,
  onClose,
  onSubmit,
}: {
  paid: boolean
  busy: boolean
  onClose: () => void
  onSubmit: (input: { note: string; photos: string[]; costItems: { name: string; amount: number }[] }) => unknown
}) {
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
      <Textarea
        className='sheet-text'
        value={note}
        maxlength={500}
        placeholder='如：更换厨房下水管接头，已试水无渗漏'
        onInput={(e) => setNote(e.detail.value)}
        data-testid='complete-note'
      />
      <Text className='field-label st-group'>完工照片</Text>
      <PhotoPicker value={photos} onChange={setPhotos} max={6} folder='tickets' testid='complete-photos' />
      {paid && (
        <>
          <Text className='field-label st-group'>费用（有偿服务才填，单位：元）</Text>
          {rows.map((r, i) => (
            <View key={i} className='row st-cost'>
              <Input
                className='st-cost-name'
                value={r.name}
                maxlength={20}
                placeholder='项目，如：材料费'
                onInput={(e) => setRow(i, { name: e.detail.value })}
                data-testid='cost-name'
              />
              <Input
                className='st-cost-amount'
                type='digit'
                value={r.yuan}
                placeholder='0.00'
                onInput={(e) => setRow(i, { yuan: e.detail.value })}
                data-testid='cost-amount'
              />
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
          {badRow ? (
            <Text className='field-error'>请填写费用名称和金额（最多两位小数）</Text>
          ) : (
            filled.length > 0 && <Text className='st-cost-total'>合计 ¥{yuan(total)}</Text>
          )}
        </>
      )}
      <Button
        className='btn btn-primary btn-block sheet-btn'
        disabled={note.trim().length < 2 || Boolean(badRow) || busy || undefined}
        onClick={() => onSubmit({ note: note.trim(), photos, costItems: filled.map((r) => ({ name: r.name.trim(), amount: parseYuan(r.yuan)! })) })}
        data-testid='confirm-complete'
      >
        确认完工
      </Button>
    </Sheet>
  )
}
