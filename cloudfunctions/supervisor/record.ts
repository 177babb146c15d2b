import type { Ctx } from '../lib/runtime/context'
import { officeScope } from '../lib/runtime/scope'

export { recordChange } from '../lib/runtime/audit'

/** The caller's community: every team and settings change is made in, and audited under, it. */
export function communityOf(ctx: Ctx): string {
  return officeScope(ctx).communityId
}
