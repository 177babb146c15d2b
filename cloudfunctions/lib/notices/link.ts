import { AppError } from '../../../src/core/shared/errors'
import { inAudience, isActiveOutage } from '../../../src/core/notices/rules'
import type { House } from '../../../src/core/community/types'
import type { Store } from '../ports/store'

/** A repair may be linked to an outage only while it is active and the house is in its area. */
export async function assertLinkable(store: Store, outageId: string, house: House, now: number) {
  const n = await store.c.notices.get(outageId)
  if (!n || n.communityId !== house.communityId || !isActiveOutage(n, now) || !inAudience(n.audience, house)) {
    throw new AppError('INVALID_INPUT', '该停水/停电通知已结束或不影响此房屋', { outageId: '该通知已结束或不影响此房屋' })
  }
  return n
}
