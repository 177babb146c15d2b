import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type * as z from '../core/shared/zod'
import type { ItemView } from '../core/inspections/contracts'
import { isFailed, problems, type ItemResult } from '../core/inspections/checklist'
import { PhotoPicker } from '../components/photo-picker'

type Item = z.output<typeof ItemView>

/**
 * One run of a checklist, for every inspection (a patrol point, a vacant unit …): 正常/异常, a
 * score or a meter reading per item; a problem asks for a word and a photo and says it becomes work.
 */
export function ChecklistForm(props: {
  title: string
  subtitle: string
  items: Item[]
  busy: boolean
  /** What happens to a problem once submitted. */
  findingHint: string
  onSubmit(r: ItemResult[]): void
  onCancel(): void
}) {
  const { items } = props
  const [draft, setDraft] = useState<Record<string, ItemResult>>(() => Object.fromEntries(items.map((i) => [i.id, { itemId: i.id, photos: [] }])))
  // A reading is typed: the text stays as typed ("12." on the way to "12.5") and is read on 提交.
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [wrong, setWrong] = useState<Record<string, string>>({})
  const set = (id: string, patch: Partial<ItemResult>) => {
    setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }))
    // A changed answer is judged again on the next 提交, not shown wrong meanwhile.
    setWrong(({ [`results.${id}`]: _, ...rest }) => rest)
  }
  const failed = (i: Item) => isFailed(i, draft[i.id])
  const submit = () => {
    const results = items.map((i): ItemResult => {
      const r = draft[i.id]
      if (i.kind === 'reading') {
        const t = (typed[i.id] ?? '').trim()
        return { itemId: i.id, value: t === '' ? undefined : Number(t), photos: [] }
      }
      return failed(i) ? { ...r, note: r.note?.trim() || undefined } : { itemId: i.id, ok: r.ok, score: r.score, photos: [] }
    })
    const p = problems(items, results)
    setWrong(p)
    if (Object.keys(p).length) return Taro.showToast({ title: Object.values(p)[0], icon: 'none' })
    props.onSubmit(results)
  }
  const allOk = () => setDraft((d) => Object.fromEntries(items.map((i) => [i.id, i.kind === 'check' ? { ...d[i.id], ok: true } : d[i.id]])))

  return (
    <View className='card zp' data-testid='point-form'>
      <View className='zp-head'>
        <Text className='zp-name'>{props.title}</Text>
        <Text className='muted'>{props.subtitle}</Text>
      </View>
      {items.map((i) => (
        <View className='zp-item' key={i.id} data-testid='check-item'>
          <Text className='zp-label'>{i.label}</Text>
          {i.kind === 'check' ? (
            <View className='zp-choices'>
              <Text className={`zp-choice ${draft[i.id].ok === true ? 'zp-choice-ok' : ''}`} onClick={() => set(i.id, { ok: true })} data-testid='item-ok'>
                正常
              </Text>
              <Text className={`zp-choice ${draft[i.id].ok === false ? 'zp-choice-bad' : ''}`} onClick={() => set(i.id, { ok: false })} data-testid='item-bad'>
                异常
              </Text>
            </View>
          ) : i.kind === 'score' ? (
            <View className='zp-choices'>
              {Array.from({ length: (i.max ?? 0) + 1 }, (_, n) => (
                <Text
                  key={n}
                  className={`zp-choice zp-score ${draft[i.id].score === n ? (n < (i.pass ?? 0) ? 'zp-choice-bad' : 'zp-choice-ok') : ''}`}
                  onClick={() => set(i.id, { score: n })}
                  data-testid='item-score'
                >
                  {n}
                </Text>
              ))}
            </View>
          ) : (
            <View className='row zp-reading'>
              <Input
                className='field-input zp-input zp-reading-input'
                type='digit'
                placeholder='读数'
                value={typed[i.id] ?? ''}
                onInput={(e) => {
                  setTyped((t) => ({ ...t, [i.id]: e.detail.value }))
                  set(i.id, {})
                }}
                data-testid='item-reading'
              />
              <Text className='zp-label'>{i.unit}</Text>
            </View>
          )}
          {failed(i) && (
            <>
              <Input
                className='field-input zp-input'
                placeholder='写明问题，如 楼梯间堆放纸箱'
                value={draft[i.id].note ?? ''}
                onInput={(e) => set(i.id, { note: e.detail.value })}
                data-testid='item-note'
              />
              <PhotoPicker value={draft[i.id].photos} onChange={(photos) => set(i.id, { photos })} max={3} folder='tickets' testid='item-photos' />
              <Text className='muted'>{props.findingHint}</Text>
            </>
          )}
          {wrong[`results.${i.id}`] && <Text className='zp-finding'>{wrong[`results.${i.id}`]}</Text>}
        </View>
      ))}
      <View className='zp-actions'>
        {items.some((i) => i.kind === 'check') && (
          <Button className='btn btn-ghost' onClick={allOk} data-testid='all-ok'>
            全部正常
          </Button>
        )}
        <Button className='btn btn-ghost' onClick={props.onCancel}>
          取消
        </Button>
        <Button className='btn btn-primary' disabled={props.busy || undefined} onClick={submit} data-testid='point-submit'>
          提交
        </Button>
      </View>
    </View>
  )
}
