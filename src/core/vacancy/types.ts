import type { ChecklistItem, ItemResult } from '../inspections/checklist'
import { houseLabel, type House } from '../community/types'

/** 空置房: a house nobody lives in, looked at once a month so a leak is found before the flat below finds it. */

/** vacancies/<houseId>: the house is vacant (or was, until `endedAt`). */
export interface VacancyDoc {
  _id: string
  communityId: string
  building: string
  houseId: string
  /** 1栋1单元502 */
  label: string
  since: number
  /** Who said so: the office (staff) or the owner from the app. */
  by: { openid: string; name: string; as: 'staff' | 'owner' }
  /** The owner asked for 空置房托管巡查: each month's result is sent to them. */
  care: boolean
  endedAt?: number
  updatedAt: number
}

/** vacancyChecks/<houseId>_<YYYY-MM>: one month's look at a vacant house. */
export interface VacancyCheckDoc {
  _id: string
  communityId: string
  building: string
  houseId: string
  label: string
  month: string
  at: number
  byOpenid: string
  byName: string
  results: ItemResult[]
  findings: number
  /** The tickets its findings became, one per failed item. */
  ticketIds: string[]
}

/** What is looked at in a vacant house each month; the meters say whether water or power is running with nobody home. */
export const VACANCY_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'doors', label: '门窗关闭完好', kind: 'check', category: 'door_window' },
  { id: 'leak', label: '无漏水、渗水', kind: 'check', category: 'water_electric' },
  { id: 'smell', label: '无异味、无虫鼠', kind: 'check', category: 'cleaning' },
  { id: 'power', label: '电路与总闸正常', kind: 'check', category: 'water_electric' },
  { id: 'water', label: '水表读数', kind: 'reading', unit: '吨' },
  { id: 'power-meter', label: '电表读数', kind: 'reading', unit: '度' },
]

/** Vacant now: marked, and not ended since. */
export const isVacant = (v: VacancyDoc | null | undefined): v is VacancyDoc => Boolean(v && v.endedAt === undefined)

/** A house marked vacant from now, by the office or its owner. */
export const newVacancy = (house: House, by: VacancyDoc['by'], care: boolean, now: number): VacancyDoc => ({
  _id: house._id,
  communityId: house.communityId,
  building: house.building,
  houseId: house._id,
  label: houseLabel(house),
  since: now,
  by,
  care,
  updatedAt: now,
})

export const vacancyCheckId = (houseId: string, month: string) => `${houseId}_${month}`
