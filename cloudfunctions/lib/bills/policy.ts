import { DEFAULT_POLICY, type ReminderPolicy } from '../../../src/core/bills/reminders'
import { DEFAULT_REVIEW_ABOVE } from '../../../src/core/bills/offline-review'
import type { Store, Tx } from '../ports/store'

/** billSettings/<communityId>: a community's own reminder policy over the default, as the 客服主任 saved it. */
export interface BillSettingsDoc {
  _id: string
  policy?: Partial<ReminderPolicy>
  updatedAt?: number
  updatedBy?: string
  updatedByName?: string
  /** Desk payments above this many fen need a second person (offline-review.ts); its own who/when, apart from the reminder policy's. */
  offlineReview?: { above: number; updatedAt: number; updatedBy: string; updatedByName: string }
}

/** Read on every run and every campaign, so a saved change applies without a deploy. */
export async function reminderPolicyOf(store: Store, communityId: string): Promise<ReminderPolicy> {
  const s = await store.c.billSettings.get(communityId)
  return { ...DEFAULT_POLICY, ...s?.policy }
}

/** Read inside the desk payment's own transaction, so the threshold it was judged by is the one in force. */
export async function reviewAboveOf(tx: Tx, communityId: string): Promise<number> {
  return (await tx.c.billSettings.get(communityId))?.offlineReview?.above ?? DEFAULT_REVIEW_ABOVE
}
