import { View, Text, Input, Picker } from '@tarojs/components'
import { useState } from 'react'
import { SERVICES, SERVICE_LABELS, type Service } from '../core/vendors/types'
import { shanghaiDate } from '../core/shared/time'
import { FormActions } from './form-actions'

type Standard = { id?: string; label: string; max: number; pass: number }
export interface VendorDraft {
  name: string
  service: Service
  contact: string
  phone: string
  contractStart: string
  contractEnd: string
  standards: Standard[]
}

/** A firm's contract as the 客服主任 enters it: who, which service, the period, and the standards each check scores. */
export function VendorForm({ initial, busy, onSave, onCancel }: { initial?: VendorDraft; busy: boolean; onSave(d: VendorDraft): void; onCancel(): void }) {
  const today = shanghaiDate(Date.now())
  const [d, setD] = useState<VendorDraft>(
    initial ?? {
      name: '',
      service: 'cleaning',
      contact: '',
      phone: '',
      contractStart: today,
      contractEnd: shanghaiDate(Date.now() + 364 * 86_400_000),
      standards: [{ label: '', max: 10, pass: 6 }],
    },
  )
  const set = (patch: Partial<VendorDraft>) => setD((x) => ({ ...x, ...patch }))
  const setStd = (k: number, patch: Partial<Standard>) => set({ standards: d.standards.map((s, j) => (j === k ? { ...s, ...patch } : s)) })
  const num = (t: string) => (t === '' ? 0 : Number(t))
  return (
    <View className='card zp' data-testid='vendor-form'>
      <Text className='zp-name'>{initial ? '修改合同与标准' : '新增外包单位'}</Text>
      <Input className='field-input' value={d.name} onInput={(e) => set({ name: e.detail.value })} placeholder='单位名称' data-testid='vf-name' />
      <View className='chips'>
        {SERVICES.map((s) => (
          <View key={s} className={`chip ${d.service === s ? 'chip-active' : ''}`} onClick={() => set({ service: s })}>
            {SERVICE_LABELS[s]}
          </View>
        ))}
      </View>
      <View className='row zv-fields'>
        <Input
          className='field-input zv-half'
          value={d.contact}
          onInput={(e) => set({ contact: e.detail.value })}
          placeholder='联系人'
          data-testid='vf-contact'
        />
        <Input className='field-input zv-half' value={d.phone} onInput={(e) => set({ phone: e.detail.value })} placeholder='电话' data-testid='vf-phone' />
      </View>
      <View className='chips'>
        <Picker mode='date' value={d.contractStart} onChange={(e) => set({ contractStart: e.detail.value })}>
          <View className='chip'>合同自 {d.contractStart}</View>
        </Picker>
        <Picker mode='date' value={d.contractEnd} start={d.contractStart} onChange={(e) => set({ contractEnd: e.detail.value })}>
          <View className='chip' data-testid='vf-end'>
            至 {d.contractEnd}
          </View>
        </Picker>
      </View>
      <Text className='zp-label'>考核标准（每次品质检查逐项打分）</Text>
      {d.standards.map((s, k) => (
        <View className='zp-item' key={k} data-testid='vf-standard'>
          <Input
            className='field-input'
            value={s.label}
            onInput={(e) => setStd(k, { label: e.detail.value })}
            placeholder='如：大堂地面每日两次清洁'
            data-testid='vf-std-label'
          />
          <View className='row zv-fields'>
            <Text className='muted'>满分</Text>
            <Input className='field-input zv-score' type='number' value={String(s.max)} onInput={(e) => setStd(k, { max: num(e.detail.value) })} />
            <Text className='muted'>及格</Text>
            <Input className='field-input zv-score' type='number' value={String(s.pass)} onInput={(e) => setStd(k, { pass: num(e.detail.value) })} />
            {d.standards.length > 1 && (
              <Text className='zp-link' onClick={() => set({ standards: d.standards.filter((_, j) => j !== k) })}>
                删除
              </Text>
            )}
          </View>
        </View>
      ))}
      {d.standards.length < 12 && (
        <Text className='zp-link' onClick={() => set({ standards: [...d.standards, { label: '', max: 10, pass: 6 }] })} data-testid='vf-add'>
          + 添加考核标准
        </Text>
      )}
      <FormActions
        busy={busy}
        onCancel={onCancel}
        onSave={() =>
          onSave({
            ...d,
            name: d.name.trim(),
            contact: d.contact.trim(),
            phone: d.phone.trim(),
            standards: d.standards.map((s) => ({ ...s, label: s.label.trim() })),
          })
        }
        testid='vf-save'
      />
    </View>
  )
}
