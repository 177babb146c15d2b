import { View, Text, Button, Input } from '@tarojs/components'
import { CYCLES, CYCLE_LABELS, HOUSE_TYPE_LABELS, type FeeKind } from '../../core/bills/types'
import { dueDate, PERIOD_RE } from '../../core/bills/fees'
import { shanghaiDate } from '../../core/shared/time'
import { cycleWords, KIND_CHOICES, lateFeeWords, nextBillingPeriod, PRICE_UNIT } from '../../core/bills/fee-items'
import { lateFeeOf, withKind, type FeeItemDraft } from './draft'

/** Where on the form an error shows. */
export type Slot = 'kind' | 'name' | 'price' | 'commercial' | 'cycle' | 'dueDay' | 'onlyPeriod' | 'bpPerDay' | 'capPct' | 'form'

/**
 * The slot beside which a field error (keyed as the server keys it) shows. unitPrice is the
 * 住宅 price of 物业费; what no field on the form owns (active, id, a refusal without fields)
 * shows by the save button, so no error is ever dropped.
 */
export function slotOf(key: string, kind: FeeKind): Slot {
  if (key === 'kind' || key === 'name' || key === 'cycle' || key === 'dueDay' || key === 'onlyPeriod') return key
  if (key === 'unitPrice' || key === 'priceByType.residential') return 'price'
  if (key.startsWith('priceByType')) return kind === 'property' ? 'commercial' : 'price'
  if (key === 'lateFee.bpPerDay') return 'bpPerDay'
  if (key.startsWith('lateFee')) return 'capPct'
  return 'form'
}

export const slotted = (errors: Record<string, string>, kind: FeeKind) => {
  const out: Partial<Record<Slot, string>> = {}
  for (const [k, v] of Object.entries(errors)) out[slotOf(k, kind)] ??= v
  return out
}

interface Props {
  draft: FeeItemDraft
  onChange: (d: FeeItemDraft) => void
  errors: Partial<Record<Slot, string>>
  busy: boolean
  onSave: () => void
  onCancel: () => void
}

const Err = ({ text, slot }: { text?: string; slot: Slot }) =>
  text ? (
    <Text className='field-error fee-error' data-testid={`fee-error-${slot}`}>
      {text}
    </Text>
  ) : null

/**
 * The 收费项目 form, for a new item (kind chosen here) or an existing one (kind fixed: a 停车费
 * does not become a 物业费). Only the fields the kind has are shown, and each setting says in
 * words what it will do.
 */
export function FeeForm({ draft: d, onChange, errors, busy, onSave, onCancel }: Props) {
  const isNew = !d.id
  const set = (patch: Partial<FeeItemDraft>) => onChange({ ...d, ...patch })
  const oneoff = d.kind === 'oneoff'
  const property = d.kind === 'property'
  const unit = `元${PRICE_UNIT[d.kind]}`

  // The due-date example: the one-off's period, or the next period this item bills in.
  const thisMonth = shanghaiDate(Date.now()).slice(0, 7)
  const example = oneoff ? (PERIOD_RE.test(d.onlyPeriod.trim()) ? d.onlyPeriod.trim() : null) : nextBillingPeriod(d.cycle, thisMonth)
  const day = /^\d{1,2}$/.test(d.dueDay.trim()) ? Number(d.dueDay.trim()) : Number.NaN
  const dueExample = example && day >= 0 && day <= 28 ? `例：${example} 的账单 ${dueDate(example, day)} 到期` : ''
  const rule = d.lateFeeOn ? lateFeeOf(d) : undefined

  return (
    <View className='fee-form' data-testid='fee-form'>
      {isNew && (
        <View className='fee-row'>
          <Text className='field-label'>收费类型</Text>
          <View className='chips'>
            {KIND_CHOICES.map((c) => (
              <View
                key={c.kind}
                className={`chip fee-chip ${d.kind === c.kind ? 'chip-active' : ''}`}
                onClick={() => onChange(withKind(d, c.kind))}
                data-testid={`fee-kind-${c.kind}`}
              >
                {c.label}
              </View>
            ))}
          </View>
          <Text className='muted fee-hint'>{KIND_CHOICES.find((c) => c.kind === d.kind)?.hint}</Text>
          <Err text={errors.kind} slot='kind' />
        </View>
      )}

      <View className='fee-row'>
        <Text className='field-label'>名称</Text>
        <Input
          className='fee-input'
          value={d.name}
          maxlength={20}
          placeholder={oneoff ? '如 电梯维修分摊' : '如 物业费'}
          onInput={(e) => set({ name: e.detail.value })}
          data-testid='fee-name'
        />
        <Err text={errors.name} slot='name' />
      </View>

      <View className='fee-row'>
        <Text className='field-label'>{property ? `单价（${unit}）` : oneoff ? '每户金额（元）' : `单价（${unit}）`}</Text>
        {property ? (
          <View className='fee-edit'>
            {(['residential', 'commercial'] as const).map((t) => (
              <View className='fee-field' key={t}>
                <Text className='fee-label'>{HOUSE_TYPE_LABELS[t]}</Text>
                <Input
                  className='fee-input'
                  type='digit'
                  placeholder='如 2.50'
                  value={t === 'residential' ? d.price : d.commercial}
                  onInput={(e) => set(t === 'residential' ? { price: e.detail.value } : { commercial: e.detail.value })}
                  data-testid={`fee-price-${t}`}
                />
              </View>
            ))}
          </View>
        ) : (
          <Input
            className='fee-input'
            type='digit'
            placeholder={oneoff ? '如 50.00' : '如 5.00'}
            value={d.price}
            onInput={(e) => set({ price: e.detail.value })}
            data-testid='fee-price'
          />
        )}
        <Err text={errors.price} slot='price' />
        <Err text={errors.commercial} slot='commercial' />
      </View>

      {oneoff ? (
        <View className='fee-row'>
          <Text className='field-label'>账期</Text>
          <Input
            className='fee-input'
            placeholder='YYYY-MM，如 2026-12'
            maxlength={7}
            value={d.onlyPeriod}
            onInput={(e) => set({ onlyPeriod: e.detail.value })}
            data-testid='fee-period'
          />
          <Text className='muted fee-hint'>只在这一期出账时向每户收一次，其他账期不收</Text>
          <Err text={errors.onlyPeriod} slot='onlyPeriod' />
          <Err text={errors.cycle} slot='cycle' />
        </View>
      ) : (
        <View className='fee-row'>
          <Text className='field-label'>计费周期</Text>
          <View className='chips'>
            {CYCLES.map((c) => (
              <View key={c} className={`chip fee-chip ${d.cycle === c ? 'chip-active' : ''}`} onClick={() => set({ cycle: c })} data-testid={`fee-cycle-${c}`}>
                {CYCLE_LABELS[c]}
              </View>
            ))}
          </View>
          <Text className='muted fee-hint' data-testid='fee-cycle-words'>
            {cycleWords(d.kind, d.cycle)}
          </Text>
          <Err text={errors.cycle} slot='cycle' />
          <Err text={errors.onlyPeriod} slot='onlyPeriod' />
        </View>
      )}

      <View className='fee-row'>
        <Text className='field-label'>到期日</Text>
        <View className='row fee-inline'>
          <Text>{oneoff || d.cycle === 'monthly' ? '当月' : '账期首月'}</Text>
          <Input
            className='fee-input fee-input-short'
            type='number'
            maxlength={2}
            value={d.dueDay}
            onInput={(e) => set({ dueDay: e.detail.value })}
            data-testid='fee-due-day'
          />
          <Text>日</Text>
        </View>
        <Text className='muted fee-hint' data-testid='fee-due-words'>
          填 1–28 为该日到期；填 0 为月末（当月最后一天，如 2 月 28 日、12 月 31 日）。{dueExample}
        </Text>
        <Err text={errors.dueDay} slot='dueDay' />
      </View>

      <View className='fee-row'>
        <Text className='field-label'>滞纳金</Text>
        <View className='chips'>
          <View className={`chip fee-chip ${d.lateFeeOn ? '' : 'chip-active'}`} onClick={() => set({ lateFeeOn: false })} data-testid='fee-late-off'>
            不收（默认）
          </View>
          <View className={`chip fee-chip ${d.lateFeeOn ? 'chip-active' : ''}`} onClick={() => set({ lateFeeOn: true })} data-testid='fee-late-on'>
            逾期收取
          </View>
        </View>
        {d.lateFeeOn && (
          <View className='row fee-inline fee-late'>
            <Text>每天加收万分之</Text>
            <Input
              className='fee-input fee-input-short'
              type='number'
              maxlength={2}
              placeholder='5'
              value={d.bpPerDay}
              onInput={(e) => set({ bpPerDay: e.detail.value })}
              data-testid='fee-late-bp'
            />
            <Text>，最多加收</Text>
            <Input
              className='fee-input fee-input-short'
              type='digit'
              maxlength={5}
              placeholder='10'
              value={d.capPct}
              onInput={(e) => set({ capPct: e.detail.value })}
              data-testid='fee-late-cap'
            />
            <Text>%</Text>
          </View>
        )}
        <Err text={errors.bpPerDay} slot='bpPerDay' />
        <Err text={errors.capPct} slot='capPct' />
        <Text className='muted fee-hint' data-testid='fee-late-words'>
          {d.lateFeeOn ? (rule ? lateFeeWords(rule) : '填写后这里会说明滞纳金怎么算。') : lateFeeWords(undefined)}
        </Text>
      </View>

      <View className='fee-actions'>
        <Button className='btn btn-primary btn-small' disabled={busy || undefined} onClick={onSave} data-testid='fee-save'>
          {busy ? '保存中…' : isNew ? '新增' : '保存'}
        </Button>
        <Button className='btn btn-ghost btn-small' onClick={onCancel} data-testid='fee-cancel'>
          取消
        </Button>
      </View>
      {!isNew && <Err text={errors.kind} slot='kind' />}
      <Err text={errors.form} slot='form' />
    </View>
  )
}
