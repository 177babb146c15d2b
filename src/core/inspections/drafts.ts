import type { ChecklistItem } from './checklist'
import type { Category } from '../tickets/types'

/** A checklist item as the setup form sends it: an existing one keeps its id, so past rounds still read. */
export interface ItemDraft {
  id?: string
  label: string
  kind: 'check' | 'score'
  max?: number
  pass?: number
  category?: Category
}

/**
 * A checklist from its setup form (a patrol point's, a firm's standards): items it had keep their ids (a round's answers name them),
 * new ones get ids of this form (`fresh`), so an id once used never names another item. Problems
 * come back by field, in the form's words.
 */
export function checklistOf(
  drafts: readonly ItemDraft[],
  had: readonly ChecklistItem[],
  fresh: (k: number) => string,
): { items: ChecklistItem[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {}
  const known = new Set(had.map((i) => i.id))
  const labels = new Set<string>()
  const items = drafts.map((d, k): ChecklistItem => {
    const at = `items.${k}`
    if (labels.has(d.label)) problems[at] = `检查项「${d.label}」重复`
    labels.add(d.label)
    if (d.kind === 'score' && (!d.max || d.pass === undefined || d.pass > d.max)) problems[at] = `「${d.label}」请填写满分和及格分（及格分不高于满分）`
    const id = d.id && known.has(d.id) ? d.id : fresh(k)
    return {
      id,
      label: d.label,
      kind: d.kind,
      ...(d.kind === 'score' ? { max: d.max, pass: d.pass } : {}),
      ...(d.category ? { category: d.category } : {}),
    }
  })
  return { items, problems }
}
