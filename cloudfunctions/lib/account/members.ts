import type { BindingDoc } from '../../../src/core/account/types'
import { HOUSE_ROLE_LABELS } from '../../../src/core/account/types'
import type { Tx } from '../ports/store'
import type { Ctx } from '../runtime/context'
import { notify } from '../outbox/notify'
import { pageUrl } from '../../../src/core/shared/pages'

/** Everyone bound to a house now (approved), for telling them of a change among them. */
export const approvedMembers = (ctx: Ctx, houseId: string) => ctx.store.c.bindings.find({ where: { houseId, status: 'approved' }, limit: 50 })

export const whoLabel = (b: Pick<BindingDoc, 'name' | 'role'>) => `${b.name}（${HOUSE_ROLE_LABELS[b.role]}）`

/**
 * Tell the people of a house about a change among them, in-app, and for a change that took
 * effect also by subscribe message when they granted one: a stranger who gets in is seen by the
 * family the same day. A claim still waiting for staff is not worth one of their few pushes.
 */
export async function tellMembers(
  tx: Tx,
  ctx: Ctx,
  members: BindingDoc[],
  except: string[],
  msg: { title: string; body: string; result: string; note: string; label: string; houseId: string; push: boolean },
) {
  const skip = new Set(except)
  for (const openid of new Set(members.map((m) => m.openid))) {
    if (skip.has(openid)) continue
    await notify(tx, ctx.now, {
      openid,
      title: msg.title,
      body: msg.body,
      page: pageUrl('members', { houseId: msg.houseId }),
      ...(msg.push ? { push: { templateKey: 'bindingResult', data: { house: msg.label, result: msg.result, note: msg.note } } } : {}),
    })
  }
}
