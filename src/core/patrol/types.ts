import type { ChecklistItem, ItemResult } from '../inspections/checklist'
import type { Schedule } from '../inspections/schedule'

/** 巡查: the 管理员's (or a 保安's) daily walk of fixed points, each with its own checklist. */

/** checkpoints/<id>: a place on a round (楼栋大堂, 消防通道, 水泵房 …) with a QR code on its wall. */
export interface CheckpointDoc {
  _id: string
  communityId: string
  /** The building it is in or next to: whose zone it is, and where a finding's ticket is filed. */
  building: string
  name: string
  /** The secret on its QR code: scanning proves someone stood there, typing an id does not. */
  code: string
  items: ChecklistItem[]
  createdAt: number
  updatedAt: number
}

/** routes/<id>: the points walked in one round, how often, by whom. */
export interface RouteDoc {
  _id: string
  communityId: string
  name: string
  checkpointIds: string[]
  /** Every building its points are in: the staff scope reads these. */
  buildings: string[]
  schedule: Schedule
  ownerOpenid: string
  ownerName: string
  createdAt: number
  updatedAt: number
}

export type CheckedVia = 'scan' | 'list'
export const VIA_LABELS: Record<CheckedVia, string> = { scan: '扫码', list: '手动选择' }

export interface PointResult {
  checkpointId: string
  at: number
  via: CheckedVia
  results: ItemResult[]
  /** The tickets its findings became, one per failed item. */
  ticketIds: string[]
}

/** rounds/<routeId>_<period>: one walk of a route in one period (a day or a week). */
export interface RoundDoc {
  _id: string
  communityId: string
  routeId: string
  routeName: string
  buildings: string[]
  /** The period's first day, YYYY-MM-DD. */
  period: string
  dueAt: number
  byOpenid: string
  byName: string
  startedAt: number
  finishedAt?: number
  points: PointResult[]
  /** Points not checked when the round was finished. */
  missed: string[]
  findings: number
  updatedAt: number
}

/** What a checkpoint's QR code says: an app-specific prefix, so a stray code is told apart from a wrong point. */
export const QR_PREFIX = 'WYXC:'
export const qrPayload = (cp: Pick<CheckpointDoc, 'code'>) => `${QR_PREFIX}${cp.code}`
export const codeOf = (scanned: string) => (scanned.startsWith(QR_PREFIX) ? scanned.slice(QR_PREFIX.length) : null)

/** patrolAlerts/<routeId>_<period>: the owner was told this round is overdue. */
export interface PatrolAlertDoc {
  _id: string
  communityId: string
  routeId: string
  period: string
  at: number
}
