import { CALLBACK_POLICY_LABELS, type CallbackPolicy } from '../../../src/core/surveys/types'
import type { Store } from '../ports/store'
import type { Ctx } from '../runtime/context'
import { auditChange } from '../runtime/audit'

/** By default, call back what went unrated for 72 h. */
export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = 'unrated'

/** settings/<communityId>.callbackPolicy: the 客服主任's choice. */
export async function callbackPolicyOf(store: Store, communityId: string): Promise<CallbackPolicy> {
  const s = await store.c.settings.get(communityId)
  return s?.callbackPolicy ?? DEFAULT_CALLBACK_POLICY
}

/**
 * The one way the policy changes: merged into settings/<communityId>, which carries the SLA
 * policy too, with its audit record in the same transaction. Choosing what is already in force writes nothing.
 */
export async function changeCallbackPolicy(ctx: Ctx, communityId: string, policy: CallbackPolicy): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const coll = tx.c.settings
    const s = await coll.get(communityId)
    const before = s?.callbackPolicy ?? DEFAULT_CALLBACK_POLICY
    if (before === policy) return
    await coll.set({ ...(s ?? { _id: communityId }), callbackPolicy: policy })
    await auditChange(tx, ctx, communityId, {
      kind: 'callbackPolicy',
      summary: `回访策略：${CALLBACK_POLICY_LABELS[before]} → ${CALLBACK_POLICY_LABELS[policy]}`,
      before: { callbackPolicy: before },
      after: { callbackPolicy: policy },
    })
  })
}
