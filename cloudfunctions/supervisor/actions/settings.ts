import { AppError } from '../../../src/core/shared/errors'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import { changedPaths, crossFieldErrors } from '../../../src/core/supervisor/settings'
import type { AuditDoc } from '../../../src/core/supervisor/types'
import { DEFAULT_CALENDAR } from '../../../src/core/tickets/calendar'
import { DEFAULT_SLA } from '../../../src/core/tickets/sla'
import type { Handler } from '../../lib/runtime/handler'
import { newId } from '../../lib/runtime/ids'
import type { SettingsDoc } from '../../lib/settings'
import { communityOf } from '../../lib/runtime/scope'

/** settings/<communityId> also carries what other features keep there (callback policy …): merge, never replace. */

function view(s: SettingsDoc | null) {
  return {
    sla: s?.sla ?? DEFAULT_SLA,
    calendar: s?.calendar ?? DEFAULT_CALENDAR,
    isDefault: !s?.sla && !s?.calendar,
    ...(s?.updatedAt ? { updatedAt: s.updatedAt } : {}),
    ...(s?.updatedByName ? { updatedByName: s.updatedByName } : {}),
  }
}

export const settings: Handler<typeof supervisorContract.settings> = async (ctx) => view(await ctx.store.c.settings.get(communityOf(ctx)))

/**
 * tickets/policy.ts `rulesFor` reads this document on every create, so a saved change applies to
 * the next ticket without a deploy. The audit record is written in the same transaction: a change
 * without its record (or a record of a change that never happened) cannot exist.
 */
export const saveSettings: Handler<typeof supervisorContract.saveSettings> = async (ctx, input) => {
  const communityId = communityOf(ctx)
  const fields = crossFieldErrors(input)
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields)
  const actorName = ctx.user?.staff?.name ?? ''
  const saved = await ctx.store.transaction(async (tx) => {
    const coll = tx.c.settings
    const prev = await coll.get(communityId)
    const before = view(prev)
    const paths = changedPaths({ sla: before.sla, calendar: before.calendar }, input)
    const next: SettingsDoc = {
      ...(prev ?? { _id: communityId }),
      sla: input.sla,
      calendar: input.calendar,
      updatedAt: ctx.now,
      updatedBy: ctx.openid,
      updatedByName: actorName,
    }
    if (!paths.length) return prev
    await coll.set(next)
    const audit: AuditDoc = {
      _id: newId(ctx.now),
      communityId,
      kind: 'settings',
      actor: ctx.openid,
      actorName,
      at: ctx.now,
      summary: `修改了 ${paths.slice(0, 6).join('、')}${paths.length > 6 ? ` 等 ${paths.length} 项` : ''}`,
      before: { sla: before.sla, calendar: before.calendar },
      after: { sla: input.sla, calendar: input.calendar },
    }
    await tx.c.audit.set(audit)
    return next
  })
  return view(saved)
}
