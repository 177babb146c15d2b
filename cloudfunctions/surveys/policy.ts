import type { CallbackPolicy } from '../../src/core/surveys/types'
import type { Store } from '../lib/ports/store'

/** settings/<communityId>.callbackPolicy: the 客服主任's choice; by default, call back what went unrated for 72 h. */
export async function callbackPolicyOf(store: Store, communityId: string): Promise<CallbackPolicy> {
  const s = await store.collection<{ _id: string; callbackPolicy?: CallbackPolicy }>('settings').get(communityId)
  return s?.callbackPolicy ?? 'unrated'
}
