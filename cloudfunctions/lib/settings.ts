import type { CallbackPolicy } from '../../src/core/surveys/types'
import type { BusinessCalendar } from '../../src/core/tickets/calendar'
import type { SlaPolicy } from '../../src/core/tickets/sla'
import type { DecorationRules } from '../../src/core/decoration/types'

/**
 * settings/<communityId>: the rules a 客服主任 can change without a deploy. Absent fields mean
 * the defaults; each reader (SLA rules, callback policy) fills in its own.
 */
export interface SettingsDoc {
  _id: string
  sla?: SlaPolicy
  calendar?: BusinessCalendar
  /** 催单: at most once per this many minutes per ticket. */
  urgeMinutes?: number
  callbackPolicy?: CallbackPolicy
  /** 装修: working hours and the deposit, with who set them. */
  decoration?: DecorationRules & { updatedAt: number; updatedByName: string }
  /** Who last changed the SLA policy or the calendar, and when. */
  updatedAt?: number
  updatedBy?: string
  updatedByName?: string
}
