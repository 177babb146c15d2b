import { AppError } from '../shared/errors'
import { nextSendTime } from '../shared/quiet-hours'
import { formatTime } from '../shared/time'
import type { Category } from '../tickets/types'
import { NOTICE_CATEGORY_LABELS, OUTAGE_CATEGORIES, type Audience, type NoticeCategory, type NoticeDoc, type OutageCategory } from './types'

export const isOutageCategory = (c: NoticeCategory): c is OutageCategory => (OUTAGE_CATEGORIES as readonly string[]).includes(c)

/** Outages cannot wait for the morning; everything else respects quiet hours. */
export const isUrgent = (c: NoticeCategory) => isOutageCategory(c)
export const pushTime = (urgent: boolean, now: number) => (urgent ? now : nextSendTime(now))

export interface HouseRef {
  _id: string
  building: string
  unit: string
}

export const unitKey = (h: Pick<HouseRef, 'building' | 'unit'>) => `${h.building}-${h.unit}`

/** Is this house in the notice's audience? */
export function inAudience(a: Audience, h: HouseRef): boolean {
  switch (a.scope) {
    case 'community':
      return true
    case 'buildings':
      return a.targets.includes(h.building)
    case 'units':
      return a.targets.includes(unitKey(h))
    case 'rooms':
      return a.targets.includes(h._id)
  }
}

/** The buildings an audience touches ([] = the whole community), from the houses it names. */
export function audienceBuildings(a: Audience, houses: HouseRef[] = []): string[] {
  if (a.scope === 'community') return []
  if (a.scope === 'buildings') return [...new Set(a.targets)].sort()
  if (a.scope === 'units') return [...new Set(a.targets.map((t) => t.split('-')[0]))].sort()
  return [...new Set(houses.filter((h) => a.targets.includes(h._id)).map((h) => h.building))].sort()
}

export const isVisible = (n: Pick<NoticeDoc, 'publishAt' | 'expiresAt' | 'withdrawn'>, now: number) =>
  !n.withdrawn && n.publishAt <= now && (n.expiresAt === undefined || n.expiresAt > now)

export type OutageView = 'active' | 'updated' | 'restored'

/** Where an outage stands, as a resident's badge says it. */
export function outageView(n: Pick<NoticeDoc, 'outage'>): OutageView | undefined {
  const o = n.outage
  if (!o) return undefined
  if (o.state === 'restored') return 'restored'
  return o.updates.some((u) => u.etaAt !== undefined) ? 'updated' : 'active'
}

export const isActiveOutage = (n: NoticeDoc, now: number) => isVisible(n, now) && n.outage?.state === 'active'

/**
 * Does an outage reach a ticket? A 户内 repair by its house (the audience may name units or
 * rooms); a 公共区域 one by its building.
 */
export function outageAffects(n: Pick<NoticeDoc, 'audience' | 'buildings'>, t: { building: string; house?: HouseRef | null }): boolean {
  if (t.house) return inAudience(n.audience, t.house)
  return n.audience.scope === 'community' || n.buildings.includes(t.building)
}

/** Which repairs an outage explains: 停水/停电 → 水电, 停气 → 燃气. */
const REPAIR_MATCH: Record<OutageCategory, Category[]> = { water: ['water_electric'], power: ['water_electric'], gas: ['gas'] }
export function matchesRepair(c: NoticeCategory, repair?: Category): boolean {
  if (!isOutageCategory(c)) return false
  return repair === undefined || REPAIR_MATCH[c].includes(repair)
}

/** "该区域正在停水，预计 16:00 恢复" — the line a resident sees before filing a matching repair. */
export function outageLine(n: Pick<NoticeDoc, 'category' | 'outage'>, now: number): string {
  const label = NOTICE_CATEGORY_LABELS[n.category]
  const o = n.outage
  if (!o) return label
  if (o.state === 'restored') return `该区域${label}已恢复`
  const eta = clockText(o.etaAt, now)
  return o.startAt > now ? `该区域将于 ${clockText(o.startAt, now)} ${label}，预计 ${eta} 恢复` : `该区域正在${label}，预计 ${eta} 恢复`
}

/** 16:00 today, 11月25日 16:00 on any other day: an outage's times as residents read them. */
export function clockText(t: number, now: number): string {
  const sameDay = formatTime(t, 'YYYY-MM-DD') === formatTime(now, 'YYYY-MM-DD')
  return formatTime(t, sameDay ? 'HH:mm' : 'M月D日 HH:mm')
}

/** What a resident sees first: active outages, then pinned notices, then the newest. */
export function residentOrder<T extends Pick<NoticeDoc, 'pinned' | 'publishAt' | 'outage' | 'withdrawn' | 'expiresAt'>>(items: T[], now: number): T[] {
  const rank = (n: T) => (n.outage?.state === 'active' && isVisible(n, now) ? 0 : n.pinned ? 1 : 2)
  return [...items].sort((a, b) => rank(a) - rank(b) || b.publishAt - a.publishAt)
}

/** A sign-up is taken while there is room and the deadline has not passed. */
export function assertCanSignUp(s: { capacity: number; deadline: number } | undefined, taken: number, now: number) {
  if (!s) throw new AppError('INVALID_STATE', '该公告不接受报名')
  if (now > s.deadline) throw new AppError('INVALID_STATE', '报名已截止')
  if (taken >= s.capacity) throw new AppError('CONFLICT', '名额已满')
}

/** Read share of one building, in whole percent. */
export const readShare = (reads: number, delivered: number) => (delivered === 0 ? 0 : Math.round((reads / delivered) * 100))
