import { DEFAULT_POLICY, type ReminderPolicy } from '../../src/core/bills/reminders'
import type { Store } from '../lib/ports/store'

/** billSettings/<communityId>: a community's own reminder policy over the default, as the 客服主任 saved it. */
export interface BillSettingsDoc {
  _id: string
  policy?: Partial<ReminderPolicy>
  updatedAt?: number
  updatedBy?: string
  updatedByName?: string
}

/** Read on every run and every campaign, so a saved change applies without a deploy. */
export async function reminderPolicyOf(store: Store, communityId: string): Promise<ReminderPolicy> {
  const s = await store.collection<BillSettingsDoc>('billSettings').get(communityId)
  return { ...DEFAULT_POLICY, ...s?.policy }
}
