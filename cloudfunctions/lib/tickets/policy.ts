import { DEFAULT_CALENDAR, type BusinessCalendar } from '../../../src/core/tickets/calendar'
import { DEFAULT_SLA, type SlaPolicy } from '../../../src/core/tickets/sla'
import { DEFAULT_URGE_MINUTES } from '../../../src/core/tickets/urge'
import type { Store } from '../ports/store'

export interface Rules {
  sla: SlaPolicy
  calendar: BusinessCalendar
  urgeMinutes: number
}

export async function rulesFor(store: Store, communityId: string): Promise<Rules> {
  const s = await store.c.settings.get(communityId)
  return { sla: s?.sla ?? DEFAULT_SLA, calendar: s?.calendar ?? DEFAULT_CALENDAR, urgeMinutes: s?.urgeMinutes ?? DEFAULT_URGE_MINUTES }
}
