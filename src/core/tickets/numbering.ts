import { formatTime } from '../shared/time'
import { TYPE_PREFIX, type TicketType } from './types'

/** counters/<id>: one sequence per community, type and Shanghai day. */
export const counterId = (communityId: string, type: TicketType, now: number) => `${communityId}_${TYPE_PREFIX[type]}_${formatTime(now, 'YYYYMMDD')}`

/** BX-20261124-0007: short enough to read over the phone. */
export const ticketNo = (type: TicketType, now: number, seq: number) => `${TYPE_PREFIX[type]}-${formatTime(now, 'YYYYMMDD')}-${String(seq).padStart(4, '0')}`
