import * as z from '../shared/zod'
import { line, Photos, text } from '../shared/contract'
import type { ChecklistItem } from './checklist'

/** One item's answer as a form sends it: the checklist's own rules (`problems`) judge it after. */
export const ItemResultInput = z.strictObject({
  itemId: line(1, 32, '检查项不存在'),
  ok: z.optional(z.boolean()),
  score: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
  value: z.optional(z.number().check(z.minimum(0), z.maximum(10_000_000))),
  note: z.optional(text(2, 200, '请写明问题', '问题描述最多 200 个字')),
  photos: Photos(3),
})

/** A checklist item as a form shows it. */
export const ItemView = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['check', 'score', 'reading']),
  max: z.optional(z.number()),
  pass: z.optional(z.number()),
  unit: z.optional(z.string()),
})

/** An answer as recorded. */
export const ItemResultView = z.object({
  itemId: z.string(),
  ok: z.optional(z.boolean()),
  score: z.optional(z.number()),
  value: z.optional(z.number()),
  note: z.optional(z.string()),
  photos: z.array(z.string()),
})

export const itemView = (i: ChecklistItem): z.output<typeof ItemView> => ({
  id: i.id,
  label: i.label,
  kind: i.kind,
  ...(i.max !== undefined ? { max: i.max } : {}),
  ...(i.pass !== undefined ? { pass: i.pass } : {}),
  ...(i.unit !== undefined ? { unit: i.unit } : {}),
})
