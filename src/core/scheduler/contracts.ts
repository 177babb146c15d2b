import * as z from '../shared/zod'
import { action, Empty } from '../shared/contract'

export const schedulerContract = {
  tick: action({
    summary: 'Timer (every minute): run every background job that is due — deliveries, escalations, reminders.',
    callers: ['system'],
    input: Empty,
    output: z.object({ jobs: z.record(z.string(), z.record(z.string(), z.number())) }),
  }),
} as const
