import { View, Text, Input, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { useMe } from '../../services/session'
import { usePagedList } from '../../services/use-paged-list'
import { STATUSES, STATUS_LABELS, TICKET_TYPES, TYPE_LABELS, type Status, type TicketType } from '../../core/tickets/types'
import { fromQuery } from '../../core/supervisor/dashboard'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { TicketRow } from '../ticket-row'
import { Sheet } from '../../components/sheet'
import { HouseHits } from './house-hits'
import './index.scss'
import { withLargeText } from '../../services/large-text'

type Tab = 'new' | 'mine' | 'overdue' | 'all'
type Filters = { type?: TicketType; status?: Status; building?: string; priority?: 'emergency' }
const TAB_LABELS: Record<Tab, string> = { new: '新工单', mine: '我的', overdue: '超时', all: '全部' }
const PAGE = 20

function Inbox() {
  const { me } = useMe()
  const roles = me?.staff?.roles ?? []
  // A handler only ever holds their own queue: nothing is "new" to them until it is dispatched.
  const handlerOnly = roles.length > 0 && roles.every((r) => r === 'handler')
  const tabs: Tab[] = handlerOnly ? ['mine', 'overdue', 'all'] : ['new', 'mine', 'overdue', 'all']
  // Opened from a dashboard tile (staff/dashboard): its tab and the conditions behind its number.
  const { params } = useRouter()
  const [tile, setTile] = useState(() => {
    const f = fromQuery(params)
    return f
      ? {
          title: decodeURIComponent(params.title ?? '看板'),
          open: f.open,
          escalated: f.escalated,
          lowRating: f.lowRating,
          since: f.since,
          tab: f.tab,
          priority: f.priority,
        }
      : null
  })
  const [tab, setTab] = useState<Tab | null>(tile?.tab ?? null)
  const current: Tab = tab ?? (handlerOnly ? 'mine' : 'new')
  const [filters, setFilters] = useState<Filters>(tile?.priority === 'emergency' ? { priority: 'emergency' } : {})
  const [draft, setDraft] = useState<Filters>({})
  const [filtering, setFiltering] = useState(false)
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const [buildings, setBuildings] = useState<string[]>([])

  const extra = tile ? { open: tile.open, escalated: tile.escalated, lowRating: tile.lowRating, since: tile.since } : {}
  const list = usePagedList(
    (offset, limit) => api.tickets.inbox({ tab: current, ...filters, ...extra, ...(query ? { q: query } : {}), offset, limit }),
    [current, filters, query, tile],
    PAGE,
  )

  useEffect(() => {
    const cid = me?.staff?.communityId
    if (!cid) return
    api.account
      .communities()
      .then((cs) => setBuildings(cs.find((c) => c.id === cid)?.buildings.map((b) => b.no) ?? []))
      .catch(() => setBuildings([]))
  }, [me])

  const d = list.data
  const active = [
    filters.type && TYPE_LABELS[filters.type],
    filters.status && STATUS_LABELS[filters.status],
    filters.building && `${filters.building}栋`,
  ].filter(Boolean)

  return (
    <View className='inbox'>
      <View className='inbox-top'>
        <View className='inbox-tabs'>
          {tabs.map((t) => (
            <View key={t} className={`inbox-tab ${current === t ? 'inbox-tab-active' : ''}`} onClick={() => setTab(t)} data-testid={`tab-${t}`}>
              <Text>{TAB_LABELS[t]}</Text>
              <Text className={`inbox-count ${t === 'overdue' && d?.counts.overdue ? 'inbox-count-danger' : ''}`} data-testid={`count-${t}`}>
                {d ? d.counts[t] : '–'}
              </Text>
            </View>
          ))}
        </View>
        <View className='inbox-search'>
          <Input
            className='inbox-search-input'
            value={q}
            placeholder='工单号 / 房号 301 或 1-1-301 / 手机尾号'
            confirmType='search'
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => setQuery(q.trim())}
            data-testid='search'
          />
          <Text className='inbox-search-btn' onClick={() => setQuery(q.trim())} data-testid='search-go'>
            搜索
          </Text>
        </View>
        <View className='inbox-filters'>
          <View
            className={`inbox-filter ${filters.priority ? 'inbox-filter-urgent' : ''}`}
            onClick={() => setFilters({ ...filters, priority: filters.priority ? undefined : 'emergency' })}
            data-testid='filter-urgent'
          >
            只看紧急
          </View>
          <View
            className={`inbox-filter ${active.length ? 'inbox-filter-on' : ''}`}
            onClick={() => {
              setDraft(filters)
              setFiltering(true)
            }}
            data-testid='filter-open'
          >
            {active.length ? active.join(' · ') : '筛选'} ▾
          </View>
          {tile && (
            <View className='inbox-filter inbox-filter-on' onClick={() => setTile(null)} data-testid='filter-tile'>
              看板 · {tile.title} ✕
            </View>
          )}
          {query && (
            <View
              className='inbox-filter inbox-filter-on'
              onClick={() => {
                setQ('')
                setQuery('')
              }}
            >
              “{query}” ✕
            </View>
          )}
        </View>
      </View>

      <View className='page inbox-body'>
        {query && !handlerOnly && <HouseHits query={query} />}
        {list.loading && !d ? (
          <Loading />
        ) : list.error && !d ? (
          <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
        ) : !d || d.items.length === 0 ? (
          <View className='card'>
            <Empty
              title={query ? '没有找到相关工单' : current === 'overdue' ? '没有超时的工单' : '暂无工单'}
              text={query ? '换个工单号、房号或手机尾号试试' : '新的报事会出现在这里'}
            />
          </View>
        ) : (
          <>
            {d.items.map((t) => (
              <TicketRow key={t.id} t={t} />
            ))}
            {list.hasMore && <Text className='muted inbox-more'>{list.loadingMore ? '加载中…' : '上拉加载更多'}</Text>}
          </>
        )}
      </View>

      {filtering && (
        <Sheet title='筛选' onClose={() => setFiltering(false)} testid='filter-sheet'>
          <Text className='field-label inbox-group'>类型</Text>
          <View className='chips'>
            {TICKET_TYPES.map((t) => (
              <View
                key={t}
                className={`chip ${draft.type === t ? 'chip-active' : ''}`}
                onClick={() => setDraft({ ...draft, type: draft.type === t ? undefined : t })}
              >
                {TYPE_LABELS[t]}
              </View>
            ))}
          </View>
          <Text className='field-label inbox-group'>状态</Text>
          <View className='chips'>
            {STATUSES.map((s) => (
              <View
                key={s}
                className={`chip ${draft.status === s ? 'chip-active' : ''}`}
                onClick={() => setDraft({ ...draft, status: draft.status === s ? undefined : s })}
              >
                {STATUS_LABELS[s]}
              </View>
            ))}
          </View>
          {buildings.length > 0 && (
            <>
              <Text className='field-label inbox-group'>楼栋</Text>
              <View className='chips'>
                {buildings.map((b) => (
                  <View
                    key={b}
                    className={`chip ${draft.building === b ? 'chip-active' : ''}`}
                    onClick={() => setDraft({ ...draft, building: draft.building === b ? undefined : b })}
                  >
                    {b}栋
                  </View>
                ))}
              </View>
            </>
          )}
          <View className='row inbox-sheet-actions'>
            <Button className='btn btn-ghost inbox-sheet-btn' onClick={() => setDraft({ priority: draft.priority })}>
              重置
            </Button>
            <Button
              className='btn btn-primary inbox-sheet-btn'
              onClick={() => {
                setFilters({ ...draft, priority: filters.priority })
                setFiltering(false)
              }}
              data-testid='filter-apply'
            >
              确定
            </Button>
          </View>
        </Sheet>
      )}
    </View>
  )
}

export default withLargeText(Inbox)
