import { findings, type ChecklistItem, type ItemResult } from '../inspections/checklist'

/** A meter's movement since the last check: in a house nobody lives in, anything above nothing is worth a look. */
export interface MeterLine {
  label: string
  unit: string
  value: number
  /** Since the previous check; absent on the first. */
  used?: number
}

export function meters(items: readonly ChecklistItem[], results: readonly ItemResult[], previous?: readonly ItemResult[]): MeterLine[] {
  const before = new Map((previous ?? []).map((r) => [r.itemId, r.value]))
  return items.flatMap((i) => {
    const value = results.find((r) => r.itemId === i.id)?.value
    if (i.kind !== 'reading' || value === undefined) return []
    const prev = before.get(i.id)
    return [{ label: i.label.replace(/读数$/, ''), unit: i.unit ?? '', value, ...(prev !== undefined ? { used: Math.round((value - prev) * 100) / 100 } : {}) }]
  })
}

const meterText = (m: MeterLine) =>
  `${m.label} ${m.value} ${m.unit}` + (m.used === undefined ? '' : m.used > 0 ? `，上次以来走了 ${m.used} ${m.unit}，请留意` : '，上次以来未走字')

/**
 * The owner's report of one month's check, in a sentence or three: what was fine, what was found
 * (and that a repair was filed), and what the meters did.
 */
export function reportText(items: readonly ChecklistItem[], results: readonly ItemResult[], previous?: readonly ItemResult[], ticketNos: string[] = []) {
  const found = findings(items, results)
  const checks = items.filter((i) => i.kind === 'check').length
  const head = found.length
    ? `发现 ${found.length} 项问题：${found.map((f) => `${f.item.label}（${f.result.note ?? ''}）`).join('；')}，已登记报修${ticketNos.length ? ` ${ticketNos.join('、')}` : ''}。`
    : `${checks} 项检查全部正常。`
  const m = meters(items, results, previous).map(meterText)
  return m.length ? `${head}${m.join('；')}。` : head
}
