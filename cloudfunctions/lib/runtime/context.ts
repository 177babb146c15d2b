import { AppError } from '../../../src/core/shared/errors'
import type { Caller, StaffRole } from '../../../src/core/shared/roles'
import type { BindingDoc, UserDoc } from '../../../src/core/account/types'
import type { Deps, Identity } from './deps'

/** What a use case knows about its caller, looked up on the server for every call. */
export interface Ctx extends Deps {
  now: number
  openid: string
  user: UserDoc | null
  callers: Caller[]
  /** Approved bindings only: the houses this person may see. */
  houses: BindingDoc[]
}

/** The caller of a timer trigger: no person, no houses, only `system` actions. */
export const SYSTEM_OPENID = 'system'

export async function loadContext(deps: Deps, identity: Identity): Promise<Ctx> {
  if (identity.source === 'timer' && !identity.openid) {
    return { ...deps, now: deps.clock.now(), openid: SYSTEM_OPENID, user: null, callers: ['system'], houses: [] }
  }
  if (!identity.openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  const openid = identity.openid
  const [user, houses] = await Promise.all([
    deps.store.c.users.get(openid),
    deps.store.c.bindings.find({ where: { openid, status: 'approved' }, orderBy: [['createdAt', 'asc']], limit: 50 }),
  ])
  const callers: Caller[] = ['signedIn', ...(user?.staff?.roles ?? [])]
  return { ...deps, now: deps.clock.now(), openid, user, callers, houses }
}

export const hasRole = (ctx: Ctx, ...roles: StaffRole[]) => roles.some((r) => ctx.callers.includes(r))
