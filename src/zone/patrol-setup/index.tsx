import { View, Text, Button, Input, Picker } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { needsSignIn, useLoad } from '../../services/session'
import { useAction } from '../../services/use-action'
import { useRequestId } from '../../services/request-id'
import type { patrolContract } from '../../core/patrol/contracts'
import type { ItemDraft } from '../../core/inspections/drafts'
import { CATEGORIES, CATEGORY_LABELS } from '../../core/tickets/types'
import { ErrorView, Loading } from '../../components/page-state'
import { FormActions } from '../form-actions'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Setup = Output<typeof patrolContract.setup>
type Point = Setup['points'][number]
type Route = Setup['routes'][number]
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']
const CATEGORY_NAMES = CATEGORIES.map((c) => CATEGORY_LABELS[c])

/** One point's form: name, building, and its checklist (正常/异常 or a score; what a finding is, for the right department). */
function PointForm({
  setup,
  point,
  busy,
  onSave,
  onCancel,
}: {
  setup: Setup
  point?: Point
  busy: boolean
  onSave(p: { name: string; building: string; items: ItemDraft[] }): void
  onCancel(): void
}) {
  const [name, setName] = useState(point?.name ?? '')
  const [building, setBuilding] = useState(point?.building ?? setup.buildings[0] ?? '')
  const [items, setItems] = useState<ItemDraft[]>(
    point?.items.map((i) => ({ id: i.id, label: i.label, kind: i.kind === 'score' ? 'score' : 'check', max: i.max, pass: i.pass, category: i.category })) ?? [
      { label: '', kind: 'check', category: 'facility' },
    ],
  )
  const set = (k: number, patch: Partial<ItemDraft>) => setItems((xs) => xs.map((x, j) => (j === k ? { ...x, ...patch } : x)))
  return (
    <View className='card zp' data-testid='point-setup-form'>
      <Text className='zp-name'>{point ? '修改点位' : '新增点位'}</Text>
      <Input className='field-input' value={name} onInput={(e) => setName(e.detail.value)} placeholder='点位名称，如：2栋电梯' data-testid='ps-name' />
      <View className='chips'>
        {setup.buildings.map((b) => (
          <View key={b} className={`chip ${building === b ? 'chip-active' : ''}`} onClick={() => setBuilding(b)}>
            {b}栋
          </View>
        ))}
      </View>
      {items.map((it, k) => (
        <View className='zp-item' key={k} data-testid='ps-item'>
          <Input
            className='field-input'
            value={it.label}
            onInput={(e) => set(k, { label: e.detail.value })}
            placeholder='检查内容，如：照明正常'
            data-testid='ps-item-label'
          />
          <View className='row between'>
            <View className='chips'>
              <View className={`chip ${it.kind === 'check' ? 'chip-active' : ''}`} onClick={() => set(k, { kind: 'check', max: undefined, pass: undefined })}>
                正常/异常
              </View>
              <View
                className={`chip ${it.kind === 'score' ? 'chip-active' : ''}`}
                onClick={() => set(k, { kind: 'score', max: it.max ?? 10, pass: it.pass ?? 6 })}
              >
                评分 {it.kind === 'score' ? `${it.pass}/${it.max} 及格` : ''}
              </View>
            </View>
            <Picker
              mode='selector'
              range={CATEGORY_NAMES}
              value={Math.max(0, CATEGORIES.indexOf(it.category ?? 'other'))}
              onChange={(e) => set(k, { category: CATEGORIES[Number(e.detail.value)] })}
            >
              <Text className='zp-link'>异常时报：{CATEGORY_LABELS[it.category ?? 'other']} ›</Text>
            </Picker>
          </View>
          {items.length > 1 && (
            <Text className='zp-link' onClick={() => setItems((xs) => xs.filter((_, j) => j !== k))}>
              删除此项
            </Text>
          )}
        </View>
      ))}
      {items.length < 12 && (
        <Text className='zp-link' onClick={() => setItems((xs) => [...xs, { label: '', kind: 'check', category: 'facility' }])} data-testid='ps-add-item'>
          + 添加检查内容
        </Text>
      )}
      <FormActions
        busy={busy}
        onCancel={onCancel}
        onSave={() => onSave({ name: name.trim(), building, items: items.map((i) => ({ ...i, label: i.label.trim() })) })}
        testid='ps-save'
      />
    </View>
  )
}

/** One route's form: its points in walking order, how often and by when, and who walks it. */
function RouteForm({
  setup,
  route,
  busy,
  onSave,
  onCancel,
}: {
  setup: Setup
  route?: Route
  busy: boolean
  onSave(r: Omit<Route, 'id' | 'scheduleLabel' | 'ownerName'>): void
  onCancel(): void
}) {
  const [name, setName] = useState(route?.name ?? '')
  const [ids, setIds] = useState<string[]>(route?.checkpointIds ?? [])
  const [every, setEvery] = useState<'daily' | 'weekly'>(route?.schedule.every ?? 'daily')
  const [weekday, setWeekday] = useState(route?.schedule.weekday ?? 1)
  const [dueBy, setDueBy] = useState(route?.schedule.dueBy ?? '11:00')
  const [owner, setOwner] = useState(route?.ownerOpenid ?? setup.walkers[0]?.openid ?? '')
  const toggle = (id: string) => setIds((xs) => (xs.includes(id) ? xs.filter((x) => x !== id) : [...xs, id]))
  const ownerAt = Math.max(
    0,
    setup.walkers.findIndex((w) => w.openid === owner),
  )
  return (
    <View className='card zp' data-testid='route-setup-form'>
      <Text className='zp-name'>{route ? '修改路线' : '新增路线'}</Text>
      <Input className='field-input' value={name} onInput={(e) => setName(e.detail.value)} placeholder='路线名称，如：2栋晚间巡查' data-testid='rs-name' />
      <Text className='zp-label'>点位（按点选顺序巡查）</Text>
      <View className='chips'>
        {setup.points.map((p) => (
          <View key={p.id} className={`chip ${ids.includes(p.id) ? 'chip-active' : ''}`} onClick={() => toggle(p.id)} data-testid='rs-point'>
            {ids.includes(p.id) ? `${ids.indexOf(p.id) + 1}. ` : ''}
            {p.name}
          </View>
        ))}
      </View>
      <View className='chips'>
        <View className={`chip ${every === 'daily' ? 'chip-active' : ''}`} onClick={() => setEvery('daily')}>
          每天
        </View>
        <View className={`chip ${every === 'weekly' ? 'chip-active' : ''}`} onClick={() => setEvery('weekly')} data-testid='rs-weekly'>
          每周
        </View>
        <Picker mode='time' value={dueBy} onChange={(e) => setDueBy(e.detail.value)}>
          <View className='chip'>{dueBy} 前完成</View>
        </Picker>
      </View>
      {every === 'weekly' && (
        <View className='chips'>
          {WEEKDAYS.map((w, i) => (
            <View key={w} className={`chip ${weekday === i + 1 ? 'chip-active' : ''}`} onClick={() => setWeekday(i + 1)}>
              周{w}
            </View>
          ))}
        </View>
      )}
      <Picker
        mode='selector'
        range={setup.walkers.map((w) => w.name)}
        value={ownerAt}
        onChange={(e) => setOwner(setup.walkers[Number(e.detail.value)]?.openid ?? '')}
      >
        <Text className='zp-link'>巡查人：{setup.walkers[ownerAt]?.name ?? '请选择'} ›</Text>
      </Picker>
      <FormActions
        busy={busy}
        onCancel={onCancel}
        onSave={() =>
          onSave({ name: name.trim(), checkpointIds: ids, schedule: every === 'daily' ? { every, dueBy } : { every, weekday, dueBy }, ownerOpenid: owner })
        }
        testid='rs-save'
      />
    </View>
  )
}

/** 巡查设置: the points of his zone with their checklists, and the routes that walk them. */
function PatrolSetupPage() {
  const setup = useLoad(() => api.patrol.setup({}))
  const [editing, setEditing] = useState<{ kind: 'point' | 'route'; id?: string } | null>(null)
  const request = useRequestId()
  const { busy, apply } = useAction({ reloadOnSuccess: false, reload: setup.reload })
  useDidShow(() => {
    if (!needsSignIn()) setup.reload()
  })
  const s = setup.data
  if (setup.loading && !s) return <Loading />
  if (setup.error) return <ErrorView message={setup.error} code={setup.errorCode} onRetry={setup.reload} />
  if (!s) return null
  const save = async (fn: () => Promise<Setup>) => {
    if (await apply('save', fn, setup.setData, '已保存')) {
      setEditing(null)
      request.renew()
    }
  }
  const point = editing?.kind === 'point' ? s.points.find((p) => p.id === editing.id) : undefined
  const route = editing?.kind === 'route' ? s.routes.find((r) => r.id === editing.id) : undefined

  return (
    <View className='page'>
      {editing?.kind === 'point' ? (
        <PointForm
          setup={s}
          point={point}
          busy={busy === 'save'}
          onCancel={() => setEditing(null)}
          onSave={(p) => save(() => api.patrol.savePoint({ ...p, ...(point ? { id: point.id } : {}), requestId: request.current() }))}
        />
      ) : editing?.kind === 'route' ? (
        <RouteForm
          setup={s}
          route={route}
          busy={busy === 'save'}
          onCancel={() => setEditing(null)}
          onSave={(r) => save(() => api.patrol.saveRoute({ ...r, ...(route ? { id: route.id } : {}), requestId: request.current() }))}
        />
      ) : (
        <>
          <View className='section-title'>巡查路线</View>
          {s.routes.map((r) => (
            <View className='card zr' key={r.id} onClick={() => setEditing({ kind: 'route', id: r.id })} data-testid='setup-route'>
              <View className='row between'>
                <Text className='zr-name'>{r.name}</Text>
                <Text className='zp-link'>修改 ›</Text>
              </View>
              <Text className='muted'>
                {r.scheduleLabel} · {r.ownerName} · {r.checkpointIds.length} 个点位
              </Text>
            </View>
          ))}
          <Button className='btn btn-ghost btn-block' onClick={() => setEditing({ kind: 'route' })} data-testid='add-route'>
            新增路线
          </Button>
          <View className='section-title'>巡查点位</View>
          {s.points.map((p) => (
            <View className='card zr' key={p.id} onClick={() => setEditing({ kind: 'point', id: p.id })} data-testid='setup-point'>
              <View className='row between'>
                <Text className='zr-name'>{p.name}</Text>
                <Text className='muted'>{p.building}栋</Text>
              </View>
              <Text className='muted'>
                {p.items.map((i) => i.label).join('、')}
                {p.routes.length ? ` · ${p.routes.join('、')}` : ' · 未加入路线'}
              </Text>
            </View>
          ))}
          <Button className='btn btn-ghost btn-block' onClick={() => setEditing({ kind: 'point' })} data-testid='add-point'>
            新增点位
          </Button>
        </>
      )}
    </View>
  )
}

export default withLargeText(PatrolSetupPage)
