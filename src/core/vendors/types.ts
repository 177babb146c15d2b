import type { ChecklistItem, ItemResult } from '../inspections/checklist'
import type { Department } from '../shared/roles'

/** 外包单位: the outside firms that clean, guard, garden and keep the lifts, held to their contract's standards. */
export const SERVICES = ['cleaning', 'security', 'greening', 'elevator'] as const
export type Service = (typeof SERVICES)[number]
export const SERVICE_LABELS: Record<Service, string> = { cleaning: '保洁', security: '保安', greening: '绿化', elevator: '电梯维保' }
/** Whose tickets the firm's crew works: a lift firm answers the engineering department's lift repairs. */
export const SERVICE_DEPARTMENT: Record<Service, Department> = { cleaning: 'cleaning', security: 'security', greening: 'greening', elevator: 'engineering' }

/** vendors/<id> */
export interface VendorDoc {
  _id: string
  communityId: string
  name: string
  service: Service
  contact: string
  phone: string
  /** YYYY-MM-DD, the contract's first and last day. */
  contractStart: string
  contractEnd: string
  /** The contract's standards as a scored checklist. */
  items: ChecklistItem[]
  createdAt: number
  updatedAt: number
}

/** vendorChecks/<id>: one 品质检查 of a firm's work. */
export interface VendorCheckDoc {
  _id: string
  communityId: string
  vendorId: string
  month: string
  at: number
  byOpenid: string
  byName: string
  /** Where it was looked at (1栋, 中心绿化带 …). */
  place: string
  results: ItemResult[]
  /** 0–100: the checklist's marks as a share of full marks. */
  score: number
  fixIds: string[]
}

export interface Recheck {
  at: number
  byName: string
  ok: boolean
  note?: string
  photos: string[]
}

/** fixes/<checkId>_<itemId>: 整改单 — a failed standard the firm must put right by `dueAt`, then re-checked. */
export interface FixDoc {
  _id: string
  communityId: string
  vendorId: string
  vendorName: string
  checkId: string
  itemId: string
  label: string
  place: string
  note: string
  photos: string[]
  dueAt: number
  /** open until a re-check passes it. */
  state: 'open' | 'passed'
  rechecks: Recheck[]
  createdAt: number
  updatedAt: number
}
