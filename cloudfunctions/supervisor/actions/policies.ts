import { DEFAULT_POLICY } from '../../../src/core/bills/reminders'
import { AppError } from '../../../src/core/shared/errors'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import { fullPolicy, reminderPolicyErrors, reminderPolicySummary } from '../../../src/core/supervisor/reminder-policy'
import { changedPaths } from '../../../src/core/supervisor/settings'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { reminderPolicyOf, type BillSettingsDoc } from '../../bills/policy'
import { callbackPolicyOf, changeCallbackPolicy } from '../../surveys/policy'
import { communityOf, recordChange } from '../record'

async function callbackView(ctx: Ctx, communityId: string) {
  const s = await ctx.store.collection<{ _id: string; callbackPolicy?: string }>('settings').get(communityId)
  return { policy: await callbackPolicyOf(ctx.store, communityId), isDefault: !s?.callbackPolicy }
}

async function remindersView(ctx: Ctx, communityId: string) {
  const [doc, policy] = await Promise.all([ctx.store.collection<BillSettingsDoc>('billSettings').get(communityId), reminderPolicyOf(ctx.store, communityId)])
  return {
    policy: fullPolicy(policy),
    isDefault: !doc?.policy,
    ...(doc?.updatedAt ? { updatedAt: doc.updatedAt } : {}),
    ...(doc?.updatedByName ? { updatedByName: doc.updatedByName } : {}),
  }
}

export const policies: Handler<typeof supervisorContract.policies> = async (ctx) => {
  const communityId = communityOf(ctx)
  const [callback, reminders] = await Promise.all([callbackView(ctx, communityId), remindersView(ctx, communityId)])
  return { callback, reminders }
}

/** The same change as surveys.setPolicy, through the same function: one write, one audit record. */
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
    const coll = tx.collection<BillSettingsDoc>('billSettings')
    const prev = await coll.get(communityId)
    const was = fullPolicy({ ...DEFAULT_POLICY, ...prev?.policy })
    if (!changedPaths(was, input).length) return
    await coll.set({ ...(prev ?? { _id: communityId }), policy: input, updatedAt: ctx.now, updatedBy: ctx.openid, updatedByName: ctx.user?.staff?.name ?? '' })
    await recordChange(tx, ctx, communityId, { kind: 'reminderPolicy', summary: reminderPolicySummary(was, input), before: was, after: input })
  })
  return remindersView(ctx, communityId)
}
