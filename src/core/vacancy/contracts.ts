import * as z from '../shared/zod'
import { action, Empty, Id } from '../shared/contract'
import { OFFICE_ROLES } from '../access/scope'
import { ItemResultInput, ItemResultView, ItemView } from '../inspections/contracts'

const VacancyRow = z.object({
  houseId: z.string(),
  label: z.string(),
  building: z.string(),
  since: z.number(),
  care: z.boolean(),
  by: z.enum(['staff', 'owner']),
  byName: z.string(),
  /** This month's check, once made. */
  checked: z.nullable(z.object({ at: z.number(), byName: z.string(), findings: z.number() })),
})

const MeterLine = z.object({ label: z.string(), unit: z.string(), value: z.number(), used: z.optional(z.number()) })

const CheckView = z.object({
  month: z.string(),
  at: z.number(),
  byName: z.string(),
  results: z.array(ItemResultView),
  findings: z.number(),
  tickets: z.array(z.object({ id: z.string(), no: z.string() })),
  /** The owner's report in words. */
  text: z.string(),
  meters: z.array(MeterLine),
})

const HouseVacancy = z.object({
  houseId: z.string(),
  label: z.string(),
  vacant: z.boolean(),
  since: z.optional(z.number()),
  care: z.boolean(),
  by: z.optional(z.enum(['staff', 'owner'])),
  byName: z.optional(z.string()),
  month: z.string(),
  checks: z.array(CheckView),
  photoUrls: z.record(z.string(), z.string()),
})

export const VacancyView = z.object({ ...HouseVacancy.shape, items: z.array(ItemView) })
export const MyVacancyView = z.object({ ...HouseVacancy.shape, isOwner: z.boolean() })

const ByHouse = { houseId: Id }

export const vacancyContract = {
  list: action({
    summary: "空置房: the vacant houses in the caller's scope with this month's check, unchecked first.",
    callers: OFFICE_ROLES,
    input: Empty,
    output: z.object({ month: z.string(), items: z.array(VacancyRow), vacant: z.number(), checked: z.number() }),
  }),
  house: action({
    summary: "One house's vacancy, its monthly checks (latest first) and the checklist for this month's; for staff in scope.",
    callers: OFFICE_ROLES,
    input: z.strictObject(ByHouse),
    output: VacancyView,
  }),
  mark: action({
    summary: 'Mark a house vacant (or change whether its owner gets each check); audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...ByHouse, care: z.boolean() }),
    output: VacancyView,
  }),
  end: action({
    summary: 'The house is lived in again: its monthly checks stop; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject(ByHouse),
    output: VacancyView,
  }),
  check: action({
    summary:
      "This month's check of a vacant house: each 异常 (described, with a photo) becomes a repair of the house at once; the owner is told the result; once a month.",
    callers: OFFICE_ROLES,
    input: z.strictObject({ ...ByHouse, results: z.array(ItemResultInput).check(z.maxLength(30)) }),
    output: VacancyView,
  }),
  mine: action({
    summary: "The caller's house: vacant or not, and the checks made while it was (members of the house).",
    callers: ['signedIn'],
    input: z.strictObject(ByHouse),
    output: MyVacancyView,
  }),
  setMine: action({
    summary: "The owner says the house is vacant (and asks for 空置房托管巡查: each month's result is sent to them) or lived in again.",
    callers: ['signedIn'],
    input: z.strictObject({ ...ByHouse, vacant: z.boolean(), care: z.boolean() }),
    output: MyVacancyView,
  }),
} as const
