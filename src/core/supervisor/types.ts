/** Kinds of audited staff changes; the audit action searches by these. */
export const AUDIT_KINDS = [
  'settings',
  'team',
  'savedReplies',
  'callbackPolicy',
  'reminderPolicy',
  'feeItem',
  'billAdjust',
  'offlinePayment',
  'binding',
  'refund',
  'moneyPolicy',
  'phone',
  'vacancy',
  'vendorFix',
  'decoration',
  'patrolSetup',
  'vendor',
  'houseNote',
  'kbArticle',
] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  settings: '服务时限与营业时间',
  team: '人员与值班',
  savedReplies: '常用回复',
  callbackPolicy: '回访策略',
  reminderPolicy: '催缴提醒',
  feeItem: '收费项目',
  billAdjust: '账单减免与调整',
  offlinePayment: '线下收款',
  binding: '房屋绑定',
  refund: '退款',
  moneyPolicy: '收款复核设置',
  phone: '查看住户完整号码',
  vacancy: '空置房',
  vendorFix: '外包整改复查',
  decoration: '装修审批与管理',
  patrolSetup: '巡查点位与路线',
  vendor: '外包单位与合同',
  houseNote: '一户一档备注',
  kbArticle: '小百科文章',
}

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

export const TILE_KEYS = ['new', 'open', 'overdue', 'escalated', 'emergency', 'lowRating'] as const
export type TileKey = (typeof TILE_KEYS)[number]
export const TILE_LABELS: Record<TileKey, string> = {
  new: '今日新增',
  open: '处理中',
  overdue: '已超时',
  escalated: '已升级',
  emergency: '紧急',
  lowRating: '差评待回访',
}

/** savedReplies/<id>: what tickets.savedReplies lists for agents, by (communityId) in `order`. */
export interface SavedReplyDoc {
  _id: string
  communityId: string
  title: string
  text: string
  order: number
  updatedAt?: number
}

/** zoneReports/<community>_<month>_<manager openid>: a 管理员's month as submitted to the 客服主任. */
export interface ZoneReportDoc {
  _id: string
  communityId: string
  month: string
  managerOpenid: string
  /** The figures as they stood when submitted. */
  figures: unknown
  comment: string
  submittedAt: number
}
