import * as z from '../shared/zod'
import { action, Empty, Id } from '../shared/contract'
import { ItemResultInput, ItemResultView, ItemView } from '../inspections/contracts'
import { OFFICE_ROLES } from '../access/scope'

/** Who walks rounds: the front office in their scope, and a handler (a 保安) on a route that is theirs. */
const WALKERS = [...OFFICE_ROLES, 'handler'] as const

const RoundState = z.enum(['todo', 'running', 'done', 'late', 'overdue'])

const RoundRow = z.object({
  routeId: z.string(),
  name: z.string(),
  scheduleLabel: z.string(),
  ownerName: z.string(),
  dueAt: z.number(),
  state: RoundState,
  roundId: z.optional(z.string()),
  points: z.number(),
  checked: z.number(),
  missed: z.number(),
  findings: z.number(),
})

const PointView = z.object({
  id: z.string(),
  name: z.string(),
  building: z.string(),
  items: z.array(ItemView),
  state: z.enum(['pending', 'ok', 'findings', 'missed']),
  at: z.optional(z.number()),
  via: z.optional(z.enum(['scan', 'list'])),
  results: z.array(ItemResultView),
  tickets: z.array(z.object({ id: z.string(), no: z.string() })),
})

export const RoundView = z.object({
  id: z.string(),
  routeId: z.string(),
  routeName: z.string(),
  period: z.string(),
  dueAt: z.number(),
  state: RoundState,
  byName: z.string(),
  startedAt: z.number(),
  finishedAt: z.optional(z.number()),
  points: z.array(PointView),
  findings: z.number(),
  photoUrls: z.record(z.string(), z.string()),
})

const ByRound = { roundId: Id }

export const patrolContract = {
  rounds: action({
    summary:
      "巡查: the routes the caller walks or oversees (a 管理员's zone, a 保安's own), with this period's round: to do, running, done, done late or overdue.",
    callers: WALKERS,
    input: Empty,
    /** canPrint: the caller may print the checkpoints' codes (front office; a 保安 walks but does not print). */
    output: z.object({ items: z.array(RoundRow), canPrint: z.boolean() }),
  }),
  start: action({
    summary: "Start (or reopen) this period's round of a route; one round per route and period.",
    callers: WALKERS,
    input: z.strictObject({ routeId: Id }),
    output: RoundView,
  }),
  round: action({
    summary: 'One round: its points with their checklists, what was found, and the tickets findings became.',
    callers: WALKERS,
    input: z.strictObject(ByRound),
    output: RoundView,
  }),
  scan: action({
    summary: "Which point of the round a scanned QR code names; refused for another route's point or a code that is not a checkpoint.",
    callers: WALKERS,
    input: z.strictObject({ ...ByRound, scanned: z.string().check(z.minLength(1), z.maxLength(200)) }),
    output: z.object({ checkpointId: z.string() }),
  }),
  check: action({
    summary:
      'Record one point: every item 正常/异常 or scored; each 异常 (described, with a photo) becomes a public-area ticket at once, followed by the zone 管理员.',
    callers: WALKERS,
    input: z.strictObject({ ...ByRound, checkpointId: Id, via: z.enum(['scan', 'list']), results: z.array(ItemResultInput).check(z.maxLength(30)) }),
    output: RoundView,
  }),
  finish: action({
    summary: 'Finish the round; points not checked are recorded as missed.',
    callers: WALKERS,
    input: z.strictObject(ByRound),
    output: RoundView,
  }),
  sheet: action({
    summary: "The checkpoints in the caller's scope with what their QR codes say, for printing the sheet.",
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.object({
      communityName: z.string(),
      items: z.array(z.object({ id: z.string(), name: z.string(), building: z.string(), payload: z.string() })),
    }),
  }),
} as const
