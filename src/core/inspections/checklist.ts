import type { Category } from '../tickets/types'

/**
 * One inspection engine for every walk a 管理员 makes: a patrol point, a vendor's quality check,
 * a vacant unit's monthly look, a decoration inspection. Each is a checklist run against a target,
 * item by item; what fails is a finding, and a finding becomes work.
 */

/** 正常/异常, a score out of `max` that fails below `pass`, or a reading (a meter) that is recorded, never failed. */
export type ItemKind = 'check' | 'score' | 'reading'

export interface ChecklistItem {
  id: string
  label: string
  kind: ItemKind
  /** Score items: the full mark and the lowest passing mark. */
  max?: number
  pass?: number
  /** Reading items: what the number counts (吨, 度). */
  unit?: string
  /** What a finding on this item is, as a ticket (漏水 → 水电): the department follows from it. */
  category?: Category
}

export interface ItemResult {
  itemId: string
  /** check items: true = 正常. */
  ok?: boolean
  score?: number
  /** reading items: the meter as read, up to two decimals. */
  value?: number
  note?: string
  photos: string[]
}

export const isFailed = (item: ChecklistItem, r: ItemResult): boolean =>
  item.kind === 'check' ? r.ok === false : item.kind === 'score' && r.score !== undefined && r.score < (item.pass ?? item.max ?? 0)

/**
 * What is wrong with a set of answers, by field (`results.<itemId>`), in the words the form shows:
 * every item answered once, nothing else, scores in range, and a finding described and photographed
 * so whoever fixes it knows where and what.
 */
export function problems(items: readonly ChecklistItem[], results: readonly ItemResult[]): Record<string, string> {
  const out: Record<string, string> = {}
  const byId = new Map(items.map((i) => [i.id, i]))
  const seen = new Set<string>()
  for (const r of results) {
    const item = byId.get(r.itemId)
    const at = `results.${r.itemId}`
    if (!item) out[at] = '检查项不存在'
    else if (seen.has(r.itemId)) out[at] = '检查项重复'
    else if (item.kind === 'check' && r.ok === undefined) out[at] = `请选择「${item.label}」正常或异常`
    else if (item.kind === 'score' && (r.score === undefined || !Number.isInteger(r.score) || r.score < 0 || r.score > (item.max ?? 0)))
      out[at] = `「${item.label}」请打 0–${item.max ?? 0} 分`
    else if (
      item.kind === 'reading' &&
      (r.value === undefined || !(r.value >= 0) || r.value > 1e7 || Math.abs(Math.round(r.value * 100) - r.value * 100) > 1e-6)
    )
      out[at] = `请填写「${item.label}」读数（最多两位小数）`
    else if (isFailed(item, r) && !r.note) out[at] = `请写明「${item.label}」的问题`
    else if (isFailed(item, r) && !r.photos.length) out[at] = `请为「${item.label}」的问题拍一张照片`
    seen.add(r.itemId)
  }
  for (const i of items) if (!seen.has(i.id)) out[`results.${i.id}`] = `请检查「${i.label}」`
  return out
}

export interface Finding {
  item: ChecklistItem
  result: ItemResult
}

export function findings(items: readonly ChecklistItem[], results: readonly ItemResult[]): Finding[] {
  const byId = new Map(results.map((r) => [r.itemId, r]))
  return items.flatMap((item) => {
    const result = byId.get(item.id)
    return result && isFailed(item, result) ? [{ item, result }] : []
  })
}

/** Score items as a share of their full marks (0–100), or null when the checklist has none. */
export function scoreOf(items: readonly ChecklistItem[], results: readonly ItemResult[]): number | null {
  const scored = items.filter((i) => i.kind === 'score' && i.max)
  if (!scored.length) return null
  const byId = new Map(results.map((r) => [r.itemId, r]))
  const got = scored.reduce((s, i) => s + (byId.get(i.id)?.score ?? 0), 0)
  const full = scored.reduce((s, i) => s + i.max!, 0)
  return Math.round((got / full) * 100)
}
