import { View, Text, Button, Input } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { CYCLE_LABELS, FEE_KIND_LABELS, HOUSE_TYPES, HOUSE_TYPE_LABELS, type HouseType } from '../../core/bills/types'
import { propertyPrice, yuan } from '../../core/bills/fees'
import { pricedByType, repriced } from '../../core/bills/fee-items'
import { ErrorView, Empty, Loading } from '../../components/page-state'
import './index.scss'

type Item = Awaited<ReturnType<typeof api.bills.feeItems>>[number]

/** 元 as typed by a person → integer fen, or null when it is not a price. */
const toFen = (s: string) => (/^\d{1,6}(\.\d{1,2})?$/.test(s.trim()) ? Math.round(Number(s) * 100) : null)

/** The one price of an item, or its price per house type (物业费: 住宅 and 商铺 separately). */
type PriceField = 'unit' | HouseType
const fieldsOf = (item: Item): PriceField[] => (pricedByType(item) ? [...HOUSE_TYPES] : ['unit'])

/**
 * The fee items of the community. Prices change here, without a deploy; only the 客服主任 may
 * save (the server says so to anyone else), and the next bill run uses the new price. 物业费 is
 * priced per house type, each edited on its own: the bill run charges a house its type's price.
 */
export default function FeeItems() {
  const items = useLoad(() => api.bills.feeItems())
  const [editing, setEditing] = useState<string | null>(null)
  const [prices, setPrices] = useState<Partial<Record<PriceField, string>>>({})
  const [error, setError] = useState('')

  useDidShow(() => {
    if (!needsSignIn()) items.reload()
  })

  const edit = (item: Item) => {
    setEditing(item.id)
    setPrices(Object.fromEntries(fieldsOf(item).map((f) => [f, yuan(f === 'unit' ? item.unitPrice : propertyPrice(item, f))])))
    setError('')
  }

  const save = async (item: Item) => {
    const fen: Partial<Record<PriceField, number>> = {}
    for (const f of fieldsOf(item)) {
      const v = toFen(prices[f] ?? '')
      if (v === null) return setError(`请填写${f === 'unit' ? '' : HOUSE_TYPE_LABELS[f]}金额，例如 2.50`)
      fen[f] = v
    }
    try {
      await api.bills.saveFeeItem(pricedByType(item) ? repriced(item, { residential: fen.residential!, commercial: fen.commercial! }) : repriced(item, fen.unit!))
      Taro.showToast({ title: '已保存，下次出账生效', icon: 'none' })
      setEditing(null)
      items.reload()
    } catch (e) {
      setError(e instanceof ApiError && e.fields ? Object.values(e.fields)[0] : messageOf(e))
    }
  }

  if (items.loading && !items.data) return <Loading />
  if (items.error) return <ErrorView message={items.error} code={items.errorCode} onRetry={items.reload} />
  const list = items.data ?? []
  if (!list.length) return <View className='page'><Empty title='还没有收费项目' /></View>

  return (
    <View className='page'>
      <Text className='section-title'>单价以元计；物业费按每平方米每月，住宅与商铺分别定价</Text>
      {list.map((item) => (
        <View className='card fee' key={item.id} data-testid='fee-item'>
          <View className='row between'>
            <Text className='fee-name'>{item.name}</Text>
            <View>
              <Text className='tag tag-gray'>{FEE_KIND_LABELS[item.kind]}</Text>
              <Text className='tag tag-gray'>{CYCLE_LABELS[item.cycle]}</Text>
              {!item.active && <Text className='tag tag-warn'>已停用</Text>}
            </View>
          </View>
          {editing === item.id ? (
            <View className='fee-edit'>
              {fieldsOf(item).map((f) => (
                <View className='fee-field' key={f}>
                  {f !== 'unit' && <Text className='fee-label'>{HOUSE_TYPE_LABELS[f]}</Text>}
                  <Input
                    className='fee-input'
                    type='digit'
                    value={prices[f] ?? ''}
                    onInput={(e) => setPrices((p) => ({ ...p, [f]: e.detail.value }))}
                    data-testid={f === 'unit' ? 'fee-price' : `fee-price-${f}`}
                  />
                </View>
              ))}
              <Button className='btn btn-primary btn-small' onClick={() => save(item)} data-testid='fee-save'>
                保存
              </Button>
              <Button className='btn btn-ghost btn-small' onClick={() => setEditing(null)}>
                取消
              </Button>
            </View>
          ) : (
            <View className='row between fee-line'>
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
                <Text className='muted'> · 每期到期日 {item.dueDay === 0 ? '月末' : `${item.dueDay} 日`}</Text>
              </Text>
              <Text className='fee-change' onClick={() => edit(item)} data-testid='fee-change'>
                调整单价
              </Text>
            </View>
          )}
          {editing === item.id && error && <Text className='field-error'>{error}</Text>}
        </View>
      ))}
    </View>
  )
}
