import { DEFAULT_POLICY } from '../../../src/core/bills/reminders'
import { DEFAULT_REVIEW_ABOVE, reviewPolicySummary } from '../../../src/core/bills/offline-review'
import { AppError } from '../../../src/core/shared/errors'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import { fullPolicy, reminderPolicyErrors, reminderPolicySummary } from '../../../src/core/supervisor/reminder-policy'
import { changedPaths } from '../../../src/core/supervisor/settings'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { reminderPolicyOf } from '../../lib/bills/policy'
import { callbackPolicyOf, changeCallbackPolicy } from '../../lib/surveys/policy'
import { auditChange } from '../../lib/runtime/audit'
import { communityOf } from '../../lib/runtime/scope'

async function callbackView(ctx: Ctx, communityId: string) {
  const s = await ctx.store.c.settings.get(communityId)
  return { policy: await callbackPolicyOf(ctx.store, communityId), isDefault: !s?.callbackPolicy }
}

async function remindersView(ctx: Ctx, communityId: string) {
  const [doc, policy] = await Promise.all([ctx.store.c.billSettings.get(communityId), reminderPolicyOf(ctx.store, communityId)])
  return {
    policy: fullPolicy(policy),
    isDefault: !doc?.policy,
    ...(doc?.updatedAt ? { updatedAt: doc.updatedAt } : {}),
    ...(doc?.updatedByName ? { updatedByName: doc.updatedByName } : {}),
  }
}

async function offlineView(ctx: Ctx, communityId: string) {
  const o = (await ctx.store.c.billSettings.get(communityId))?.offlineReview
  return o
    ? { reviewAbove: o.above, isDefault: false, updatedAt: o.updatedAt, updatedByName: o.updatedByName }
    : { reviewAbove: DEFAULT_REVIEW_ABOVE, isDefault: true }
}

export const policies: Handler<typeof supervisorContract.policies> = async (ctx) => {
  const communityId = communityOf(ctx)
  const [callback, reminders, offline] = await Promise.all([callbackView(ctx, communityId), remindersView(ctx, communityId), offlineView(ctx, communityId)])
  return { callback, reminders, offline }
}

export const setCallbackPolicy: Handler<typeof supervisorContract.setCallbackPolicy> = async (ctx, { policy }) => {
  const communityId = communityOf(ctx)
  await changeCallbackPolicy(ctx, communityId, policy)
  return callbackView(ctx, communityId)
}

/**
 * billSettings/<communityId> is read by the daily 催缴 job and by every campaign (bills/policy.ts),
 * so the next run follows the saved policy. Validated whole; audited in the same transaction.
 */
export const saveReminderPolicy: Handler<typeof supervisorContract.saveReminderPolicy> = async (ctx, input) => {
  const communityId = communityOf(ctx)
  const fields = reminderPolicyErrors(input)
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', Object.values(fields)[0], fields)
  await ctx.store.transaction(async (tx) => {
    const coll = tx.c.billSettings
    const prev = await coll.get(communityId)
    const was = fullPolicy({ ...DEFAULT_POLICY, ...prev?.policy })
    if (!changedPaths(was, input).length) return
    await coll.set({ ...(prev ?? { _id: communityId }), policy: input, updatedAt: ctx.now, updatedBy: ctx.openid, updatedByName: ctx.user?.staff?.name ?? '' })
    await auditChange(tx, ctx, communityId, { kind: 'reminderPolicy', summary: reminderPolicySummary(was, input), before: was, after: input })
  })
  return remindersView(ctx, communityId)
}

/** billSettings/<communityId>.offlineReview is read inside every desk payment's transaction (bills/policy.ts). */
export const saveOfflinePolicy: Handler<typeof supervisorContract.saveOfflinePolicy> = async (ctx, { reviewAbove }) => {
  const communityId = communityOf(ctx)
  await ctx.store.transaction(async (tx) => {
    const coll = tx.c.billSettings
    const prev = await coll.get(communityId)
    const was = prev?.offlineReview?.above ?? DEFAULT_REVIEW_ABOVE
    if (prev?.offlineReview && was === reviewAbove) return
    const offlineReview = { above: reviewAbove, updatedAt: ctx.now, updatedBy: ctx.openid, updatedByName: ctx.user?.staff?.name ?? '' }
    await coll.set({ ...(prev ?? { _id: communityId }), offlineReview })
    await auditChange(tx, ctx, communityId, {
      kind: 'moneyPolicy',
      summary: reviewPolicySummary(was, reviewAbove),
      before: { reviewAbove: was },
      after: { reviewAbove },
    })
  })
  return offlineView(ctx, communityId)
}
