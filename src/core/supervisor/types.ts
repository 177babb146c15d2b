/** Kinds of audited staff changes; the audit action searches by these. */
export const AUDIT_KINDS = ['settings'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = { settings: 'SLA 与服务时间' }

/** audit/<id>: who changed what, when, the document before and after. */
export interface AuditDoc {
  _id: string
  communityId: string
  kind: AuditKind
  actor: string
  actorName: string
  at: number
  summary: string
  before: unknown
  after: unknown
}

export const TILE_KEYS = ['new', 'open', 'overdue', 'escalated', 'emergency'] as const
export type TileKey = (typeof TILE_KEYS)[number]
export const TILE_LABELS: Record<TileKey, string> = {
  new: '今日新增',
  open: '处理中',
  overdue: '已超时',
  escalated: '已升级',
  emergency: '紧急',
}
