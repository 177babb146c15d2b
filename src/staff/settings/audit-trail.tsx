import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import { AUDIT_KINDS, AUDIT_KIND_LABELS, type AuditKind } from '../../core/supervisor/types'
import { changedPaths } from '../../core/supervisor/settings'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { formatTime } from '../../core/shared/time'
import { Empty, Loading } from '../../components/page-state'

type Item = Output<typeof supervisorContract.audit>['items'][number]

const PAGE = 20

const at = (x: unknown, path: string) =>
  path === '_' ? x : path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), x)

/** Field names as a 客服主任 says them; anything not listed shows its path as stored. */
const FIELD_LABELS: Record<string, string> = {
  zone: '负责楼栋',
  roles: '角色',
  department: '部门',
  onDuty: '值班',
  name: '名称',
  title: '标题',
  text: '内容',
  order: '顺序',
  amount: '金额（分）',
  status: '状态',
  reason: '原因',
  unitPrice: '单价（分）',
  cycle: '周期',
  dueDay: '到期日',
  active: '启用',
  callbackPolicy: '回访策略',
}
const label = (path: string) =>
  path
    .split('.')
    .map((k) => FIELD_LABELS[k] ?? k)
    .join(' · ')

const show = (v: unknown) => {
  if (v === undefined || v === null) return '无'
  if (typeof v === 'boolean') return v ? '是' : '否'
  const s = typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('、') || '无' : JSON.stringify(v)
  return s.length > 60 ? `${s.slice(0, 60)}…` : s
}

/** Before and after of one record, as the fields that differ (at most 8 lines: the summary says the rest). */
function Diff({ a }: { a: Item }) {
  // A record made or removed has nothing on one side: show each of its fields instead of one long line.
  const whole = a.before === null ? a.after : a.after === null ? a.before : null
  const paths = (whole && typeof whole === 'object' && !Array.isArray(whole) ? Object.keys(whole) : changedPaths(a.before, a.after)).slice(0, 8)
  return (
    <View className='st-diff' data-testid='audit-diff'>
      {paths.map((p) => (
        <View key={p} className='st-diff-line'>
          {p !== '_' && <Text className='st-diff-path'>{label(p)}</Text>}
          <Text className='st-diff-before'>{show(at(a.before, p))}</Text>
          <Text className='muted'> → </Text>
          <Text className='st-diff-after'>{show(at(a.after, p))}</Text>
        </View>
      ))}
    </View>
  )
}

/** 操作记录: who changed what and when, newest first; search by kind and by name (or openid). */
export function AuditTrail() {
  const [kind, setKind] = useState<AuditKind | null>(null)
  const [actor, setActor] = useState('')
  const [query, setQuery] = useState<{ kind: AuditKind | null; actor: string }>({ kind: null, actor: '' })
  const [items, setItems] = useState<Item[] | null>(null)
  const [more, setMore] = useState(false)
  const [open, setOpen] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (offset: number) => {
      setLoading(true)
      try {
        const r = await api.supervisor.audit({
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.actor ? { actor: query.actor } : {}),
          offset,
          limit: PAGE,
        })
        setItems((prev) => (offset ? [...(prev ?? []), ...r.items] : r.items))
        setMore(r.more)
      } catch (e) {
        Taro.showToast({ title: messageOf(e), icon: 'none' })
      } finally {
        setLoading(false)
      }
    },
    [query],
  )
  useEffect(() => {
    load(0)
  }, [load])

  const pick = (k: AuditKind | null) => {
    setKind(k)
    setQuery({ kind: k, actor: actor.trim() })
  }

  return (
    <View>
      <View className='card'>
        <View className='chips'>
          {[null, ...AUDIT_KINDS].map((k) => (
            <View
              key={k ?? 'all'}
              className={`chip st-chip ${kind === k ? 'chip-active' : ''}`}
              onClick={() => pick(k)}
              data-testid={`audit-kind-${k ?? 'all'}`}
            >
              {k ? AUDIT_KIND_LABELS[k] : '全部'}
            </View>
          ))}
        </View>
        <View className='row st-search'>
          <Input
            className='st-input st-search-input'
            value={actor}
            placeholder='操作人姓名'
            confirmType='search'
            onInput={(e) => setActor(e.detail.value)}
            onConfirm={() => pick(kind)}
            data-testid='audit-actor'
          />
          <Button className='btn btn-primary btn-small' onClick={() => pick(kind)} data-testid='audit-search'>
            搜索
          </Button>
        </View>
      </View>
      {items === null ? (
        <Loading />
      ) : !items.length ? (
        <Empty title='没有找到操作记录' text={query.actor || query.kind ? '换个条件试试' : '修改设置或人员后会记录在这里'} />
      ) : (
        items.map((a) => (
          <View key={a.id} className='card st-audit' onClick={() => setOpen(open === a.id ? null : a.id)} data-testid='audit-item'>
            <View className='row between'>
              <Text className='tag tag-gray st-audit-kind'>{AUDIT_KIND_LABELS[a.kind]}</Text>
              <Text className='muted'>
                {a.actorName || a.actor} · {formatTime(a.at)}
              </Text>
            </View>
            <Text className='st-audit-summary' data-testid='audit-summary'>
              {a.summary}
            </Text>
            {open === a.id && <Diff a={a} />}
          </View>
        ))
      )}
      {more && (
        <Button className='btn btn-ghost btn-block' disabled={loading || undefined} onClick={() => load(items?.length ?? 0)} data-testid='audit-more'>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      )}
    </View>
  )
}
