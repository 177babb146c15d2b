import { TILE_KEYS, TILE_LABELS, type TileKey } from './types'

/** The inbox query behind a tile: tapping the tile opens tickets.inbox with exactly this. */
export interface TileFilter {
  tab: 'new' | 'mine' | 'overdue' | 'all'
  open?: boolean
  escalated?: boolean
  lowRating?: boolean
  priority?: 'emergency' | 'normal'
  since?: number
}

type Where = Record<string, string | number | boolean | { $gte: number }>

/** Today's tiles. Each is one indexed count (see collections.ts), never a walk over history. */
export function tileFilters(dayStart: number): Record<TileKey, TileFilter> {
  return {
    new: { tab: 'all', since: dayStart },
    open: { tab: 'all', open: true },
    overdue: { tab: 'overdue' },
    escalated: { tab: 'all', open: true, escalated: true },
    emergency: { tab: 'all', open: true, priority: 'emergency' },
    lowRating: { tab: 'all', open: true, lowRating: true },
  }
}

/**
 * The conditions a tile filter adds to the caller's scope — the same the inbox applies for the
 * same query, so a tile's number and the list it opens cannot disagree.
 */
export function whereOf(f: TileFilter): Where {
  const w: Where = {}
  if (f.tab === 'new') w.status = 'new'
  if (f.tab === 'overdue') w.overdue = true
  if (f.open !== undefined) w.open = f.open
  if (f.escalated) w.escalated = true
  if (f.lowRating) w.lowRating = true
  if (f.priority) w.priority = f.priority
  if (f.since !== undefined) w.createdAt = { $gte: f.since }
  return w
}

export const tileList = (dayStart: number) => TILE_KEYS.map((key) => ({ key, label: TILE_LABELS[key], filter: tileFilters(dayStart)[key] }))

/** A tile filter read back from the inbox page's query: how the dashboard hands it over. */
export function fromQuery(p: Record<string, string | undefined>): TileFilter | null {
  const tab = p.tab
  if (tab !== 'new' && tab !== 'mine' && tab !== 'overdue' && tab !== 'all') return null
  const f: TileFilter = { tab }
  if (p.open === 'true' || p.open === 'false') f.open = p.open === 'true'
  if (p.escalated === 'true') f.escalated = true
  if (p.lowRating === 'true') f.lowRating = true
  if (p.priority === 'emergency' || p.priority === 'normal') f.priority = p.priority
  if (p.since && /^\d{1,15}$/.test(p.since)) f.since = Number(p.since)
  return f
}
