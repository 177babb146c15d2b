import * as z from '../shared/zod'
import { action, Empty, Id, line, RequestId } from '../shared/contract'
import { CATEGORIES } from '../tickets/types'
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

const HHMM = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:mm'))
const ScheduleInput = z.strictObject({
  every: z.enum(['daily', 'weekly']),
  weekday: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(7))),
  dueBy: HHMM,
})
const ItemDraftInput = z.strictObject({
  id: z.optional(line(1, 32, '检查项不存在')),
  label: line(2, 30, '请填写检查内容', '检查内容最多 30 个字'),
  kind: z.enum(['check', 'score']),
  max: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100))),
  pass: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
  category: z.optional(z.enum(CATEGORIES)),
})
const SetupPoint = z.object({
  id: z.string(),
  name: z.string(),
  building: z.string(),
  /** With what a finding on each item is, which the walk's form does not need. */
  items: z.array(z.object({ ...ItemView.shape, category: z.optional(z.enum(CATEGORIES)) })),
  routes: z.array(z.string()),
})
const SetupRoute = z.object({
  id: z.string(),
  name: z.string(),
  schedule: z.object({ every: z.enum(['daily', 'weekly']), weekday: z.optional(z.number()), dueBy: z.string() }),
  scheduleLabel: z.string(),
  ownerOpenid: z.string(),
  ownerName: z.string(),
  checkpointIds: z.array(z.string()),
})
const SetupView = z.object({
  buildings: z.array(z.string()),
  points: z.array(SetupPoint),
  routes: z.array(SetupRoute),
  walkers: z.array(z.object({ openid: z.string(), name: z.string() })),
})

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
  setup: action({
    summary: "巡查设置: the checkpoints and routes in the caller's scope, the buildings he may place a point in, and who may own a route.",
    callers: OFFICE_ROLES,
    input: Empty,
    output: SetupView,
  }),
  savePoint: action({
    summary:
      'Add a checkpoint (with its own QR secret) or change one: its name, building and checklist; items it had keep their ids so past rounds still read; once per form; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({
      id: z.optional(Id),
      requestId: RequestId,
      name: line(2, 20, '请填写点位名称', '点位名称最多 20 个字'),
      building: line(1, 8, '请选择楼栋'),
      items: z.array(ItemDraftInput).check(z.minLength(1, '请至少填写一项检查内容'), z.maxLength(12, '最多 12 项检查内容')),
    }),
    output: SetupView,
  }),
  saveRoute: action({
    summary: 'Add or change a route: its points in walking order, how often and by when, and who walks it (told of it); once per form; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({
      id: z.optional(Id),
      requestId: RequestId,
      name: line(2, 20, '请填写路线名称', '路线名称最多 20 个字'),
      checkpointIds: z.array(Id).check(z.minLength(1, '请至少选择一个点位'), z.maxLength(50, '一条路线最多 50 个点位')),
      schedule: ScheduleInput,
      ownerOpenid: line(1, 64, '请选择巡查人'),
    }),
    output: SetupView,
  }),
} as const
