import { DEFAULT_CALENDAR, type BusinessCalendar } from '../../../src/core/tickets/calendar'
import { DEFAULT_SLA, type SlaPolicy } from '../../../src/core/tickets/sla'
import type { Store } from '../ports/store'

/** settings/<communityId>: the rules a 客服主任 can change without a deploy. */
export interface SettingsDoc {
  _id: string
  sla?: SlaPolicy
  calendar?: BusinessCalendar
  /** 催单: at most once per this many minutes per ticket. */
  urgeMinutes?: number
}

export interface Rules {
  sla: SlaPolicy
  calendar: BusinessCalendar
  urgeMinutes: number
}

export async function rulesFor(store: Store, communityId: string): Promise<Rules> {
  const s = await store.collection<SettingsDoc>('settings').get(communityId)
  return { sla: s?.sla ?? DEFAULT_SLA, calendar: s?.calendar ?? DEFAULT_CALENDAR, urgeMinutes: s?.urgeMinutes ?? 30 }
}
