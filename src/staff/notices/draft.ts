import type { Input as CallInput } from '../../core/shared/contract'
import type { noticesContract } from '../../core/notices/contracts'
import { isOutageCategory } from '../../core/notices/rules'
import type { AudienceScope, NoticeCategory } from '../../core/notices/types'
import { NO_TIME, resolvePicked, type PickedTime } from '../../core/notices/when'

/** A room picked for a 按房号 audience, with the label the form shows. */
export type { PickedRoom } from '../../components/house-picker'
import type { PickedRoom } from '../../components/house-picker'

export type PublishInput = CallInput<typeof noticesContract.publish>
export type Errors = Record<string, string>

export interface Draft {
  category: NoticeCategory
  title: string
  body: string
  scope: AudienceScope
  /** Buildings (1, 2) or units (1-1, 1-2), picked as chips. */
  targets: string[]
  rooms: PickedRoom[]
  pinned: boolean
  publishAt: PickedTime
  expiresAt: PickedTime
  area: string
  start: PickedTime
  eta: PickedTime
  cause: string
  capacity: string
  deadline: PickedTime
}

export const blankDraft = (): Draft => ({
  category: 'water',
  title: '',
  body: '',
  scope: 'buildings',
  targets: [],
  rooms: [],
  pinned: false,
  publishAt: NO_TIME,
  expiresAt: NO_TIME,
  area: '',
  start: NO_TIME,
  eta: NO_TIME,
  cause: '',
  capacity: '',
  deadline: NO_TIME,
})

export const filled = (p: PickedTime) => Boolean(p.date || p.time)

/**
 * The draft as the publish call, or the fields to fix first. A time typed without a date counts
 * from the moment before it: the start from publishing, the ETA from the start, the expiry from
 * publishing — so 12:00 after an 08:00 start tomorrow is tomorrow noon.
 */
export function toPublish(d: Draft, now: number): { input: PublishInput } | { errors: Errors } {
  const errors: Errors = {}
  const publishAt = resolvePicked(d.publishAt, now)
  if (filled(d.publishAt) && publishAt === undefined) errors.publishAt = '请填写完整的发布时间'
  const from = publishAt ?? now
  const expiresAt = resolvePicked(d.expiresAt, from)
  if (filled(d.expiresAt) && expiresAt === undefined) errors.expiresAt = '请填写完整的过期时间'
  else if (expiresAt !== undefined && expiresAt <= from) errors.expiresAt = '过期时间须晚于发布时间'

  const targets = d.scope === 'community' ? [] : d.scope === 'rooms' ? d.rooms.map((r) => r.houseId) : d.targets
  if (d.scope !== 'community' && targets.length === 0) errors.audience = d.scope === 'rooms' ? '请选择房号' : d.scope === 'units' ? '请选择单元' : '请选择楼栋'

  let outage: PublishInput['outage']
  if (isOutageCategory(d.category)) {
    const startAt = filled(d.start) ? resolvePicked(d.start, from) : from
    const etaAt = startAt === undefined ? undefined : resolvePicked(d.eta, startAt)
    if (startAt === undefined) errors['outage.startAt'] = '请填写完整的开始时间'
    if (etaAt === undefined) errors['outage.etaAt'] = filled(d.eta) ? '请按 16:00 的格式填写预计恢复时间' : '请选择预计恢复时间'
    else if (startAt !== undefined && etaAt <= startAt) errors['outage.etaAt'] = '预计恢复时间须晚于开始时间'
    if (startAt !== undefined && etaAt !== undefined) outage = { area: d.area, startAt, etaAt, cause: d.cause }
  }

  let signUp: PublishInput['signUp']
  if (d.category === 'event' && d.capacity.trim()) {
    const capacity = Number(d.capacity)
    const deadline = resolvePicked(d.deadline, now)
    if (!Number.isInteger(capacity) || capacity < 1) errors['signUp.capacity'] = '名额至少 1 人'
    if (deadline === undefined) errors['signUp.deadline'] = '请选择报名截止时间'
    else if (deadline <= now) errors['signUp.deadline'] = '报名截止时间须晚于现在'
    if (deadline !== undefined) signUp = { capacity, deadline }
  }

  if (Object.keys(errors).length) return { errors }
  return {
    input: {
      category: d.category,
      title: d.title,
      body: d.body,
      pinned: d.pinned,
      audience: { scope: d.scope, targets },
      ...(publishAt !== undefined ? { publishAt } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      ...(outage ? { outage } : {}),
      ...(signUp ? { signUp } : {}),
    },
  }
}
