import * as z from '../shared/zod'
import type { HouseType } from '../bills/types'

export const CommunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  servicePhone: z.string(),
  emergencyPhone: z.string(),
  /** When the service desk works: the business calendar of 设置, the one the SLA clocks run on. */
  hours: z.object({ open: z.string(), close: z.string(), weekdays: z.array(z.number()), holidays: z.array(z.string()) }),
  buildings: z.array(z.object({ no: z.string(), units: z.array(z.string()) })),
})
export type Community = z.infer<typeof CommunitySchema>
/** communities/<id>: the community as stored, its id in `_id`; its hours live in settings. */
export type CommunityDoc = Omit<Community, 'id' | 'hours'> & { _id: string }

export interface House {
  _id: string
  communityId: string
  building: string
  unit: string
  room: string
  floor: number
  /** Floor area in m², two decimals; fees multiply it later in fen. */
  area: number
  /** 住宅 or 商铺, for 物业费 by house type. Absent means residential. */
  type?: HouseType
}

/** 1栋1单元301 — how residents and staff name a house. */
export const houseLabel = (h: Pick<House, 'building' | 'unit' | 'room'>) => `${h.building}栋${h.unit}单元${h.room}`

/** House ids are stable and readable: <community>-<building>-<unit>-<room>. */
export const houseId = (communityId: string, building: string, unit: string, room: string) => `${communityId}-${building}-${unit}-${room}`
