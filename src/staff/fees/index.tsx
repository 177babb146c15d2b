import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { CYCLE_LABELS, FEE_KIND_LABELS, HOUSE_TYPES, HOUSE_TYPE_LABELS } from '../../core/bills/types'
import { propertyPrice } from '../../core/bills/fees'
import { yuan } from '../../core/shared/money'
import { dueWords, lateFeeShort, PRICE_UNIT, pricedByType, toggled, type FeeItemInput } from '../../core/bills/fee-items'
import { draftOf, feeItemInput, newDraft, type FeeItemDraft } from './draft'
import { ErrorView, Empty, Loading } from '../../components/page-state'
import { FeeForm, slotted, type Slot } from './form'
import { palette } from '../../styles/palette'
import './index.scss'
import { withLargeText } from '../../services/large-text'

type Item = Awaited<ReturnType<typeof api.bills.feeItems>>[number]

/** The form open on the page: a new item ('new') or an existing one (its id). */
type Open = { key: string; draft: FeeItemDraft; errors: Partial<Record<Slot, string>> }

/**
 * The fee items of the community: 新增 (物业费 per m² by house type, 停车费 per space, 水费 and
 * 电费 per metered unit, one-off items in one period), and per item its name, price(s), cycle,
 * due day, late fee rule and 停用/启用. Everything changes here, without a deploy; only the
 * 客服主任 may save (the server says so to anyone else, beside the save button), every save is
 * in the audit trail, and the next bill run uses it — bills already issued do not change.
 */
function FeeItems() {
  const items = useLoad(() => api.bills.feeItems())
  const [open, setOpen] = useState<Open | null>(null)
  const [busy, setBusy] = useState(false)
  const [cardError, setCardError] = useState<{ id: string; text: string } | null>(null)

  useDidShow(() => {
    if (!needsSignIn()) items.reload()
  })

  const start = (key: string, draft: FeeItemDraft) => {
    setOpen({ key, draft, errors: {} })
    setCardError(null)
  }

  const send = async (input: FeeItemInput) => {
    setBusy(true)
    try {
      await api.bills.saveFeeItem(input)
      return null
    } catch (e) {
      return e instanceof ApiError && e.fields ? e.fields : { _: messageOf(e) }
    } finally {
      setBusy(false)
    }
  }

  const save = async () => {
    if (!open || busy) return
    const built = feeItemInput(open.draft)
    const kind = open.draft.kind
    if ('errors' in built) return setOpen({ ...open, errors: slotted(built.errors, kind) })
    setOpen({ ...open, errors: {} })
    const errors = await send(built.input)
    if (errors) return setOpen((o) => o && { ...o, errors: slotted(errors, kind) })
    Taro.showToast({ title: open.key === 'new' ? '已新增，下次出账生效' : '已保存，下次出账生效', icon: 'none' })
    setOpen(null)
    items.reload()
  }

  const toggle = async (item: Item) => {
    if (busy) return
    if (item.active) {
      const { confirm } = await Taro.showModal({
        title: `停用「${item.name}」`,
        content: '停用后出账不再生成此项目的账单；已出的账单不受影响，随时可以再启用。',
        confirmText: '停用',
        confirmColor: palette.danger,
      })
      if (!confirm) return
    }
    const errors = await send(toggled(item))
    if (errors) return setCardError({ id: item.id, text: Object.values(errors)[0] })
    setCardError(null)
    Taro.showToast({ title: item.active ? '已停用' : '已启用，下次出账生效', icon: 'none' })
    items.reload()
  }

  if (items.loading && !items.data) return <Loading />
  if (items.error) return <ErrorView message={items.error} code={items.errorCode} onRetry={items.reload} />
  const list = items.data ?? []

  const form = (key: string) =>
    open?.key === key ? (
      <FeeForm
        draft={open.draft}
        onChange={(draft) => setOpen({ ...open, draft })}
        errors={open.errors}
        busy={busy}
        onSave={save}
        onCancel={() => setOpen(null)}
      />
    ) : null

  return (
    <View className='page'>
      <View className='row between fee-head'>
        <Text className='section-title fee-head-text'>单价以元计；改动从下次出账起生效，已出的账单不变</Text>
        {open?.key !== 'new' && (
          <Button className='btn btn-primary btn-small' onClick={() => start('new', newDraft())} data-testid='fee-add'>
            新增收费项目
          </Button>
        )}
      </View>
      {open?.key === 'new' && (
        <View className='card fee' data-testid='fee-new'>
          <Text className='fee-name'>新增收费项目</Text>
          {form('new')}
        </View>
      )}
      {!list.length && open?.key !== 'new' && <Empty title='还没有收费项目' text='点「新增收费项目」添加物业费、停车费、水电费或一次性收费' />}
      {list.map((item) => (
        <View className={`card fee ${item.active ? '' : 'fee-inactive'}`} key={item.id} data-testid='fee-item'>
          <View className='row between'>
            <Text className='fee-name'>{item.name}</Text>
            <View>
              <Text className='tag tag-gray'>{FEE_KIND_LABELS[item.kind]}</Text>
              <Text className='tag tag-gray' data-testid='fee-cycle'>
                {item.kind === 'oneoff' ? `一次性 ${item.onlyPeriod ?? ''}` : CYCLE_LABELS[item.cycle]}
              </Text>
              {!item.active && (
                <Text className='tag tag-warn' data-testid='fee-inactive'>
                  已停用
                </Text>
              )}
            </View>
          </View>
          {open?.key === item.id ? (
            form(item.id)
          ) : (
            <View>
              <View className='fee-line'>
                <Text>
                  {pricedByType(item) ? (
                    HOUSE_TYPES.map((t, i) => (
                      <Text key={t}>
                        {i ? ' · ' : ''}
                        <Text data-testid={`fee-rate-${t}`}>
                          {HOUSE_TYPE_LABELS[t]} ¥{yuan(propertyPrice(item, t))}
                        </Text>
                      </Text>
                    ))
                  ) : (
                    <Text data-testid='fee-rate'>¥{yuan(item.unitPrice)}</Text>
                  )}
                  <Text className='muted'>{PRICE_UNIT[item.kind]}</Text>
                </Text>
              </View>
              <View className='fee-line'>
                <Text className='muted' data-testid='fee-due'>
                  {dueWords(item)}
                </Text>
                <Text className='muted' data-testid='fee-late'>
                  {' · '}
                  {lateFeeShort(item.lateFee)}
                </Text>
              </View>
              <View className='row fee-line fee-links'>
                <Text className='fee-change' onClick={() => start(item.id, draftOf(item))} data-testid='fee-change'>
                  编辑
                </Text>
                <Text className={`fee-change ${item.active ? 'fee-stop' : ''}`} onClick={() => toggle(item)} data-testid='fee-toggle'>
                  {item.active ? '停用' : '启用'}
                </Text>
              </View>
              {cardError?.id === item.id && (
                <Text className='field-error' data-testid='fee-card-error'>
                  {cardError.text}
                </Text>
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}

export default withLargeText(FeeItems)
