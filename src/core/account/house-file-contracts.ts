import { OFFICE_ROLES } from '../access/scope'
import * as z from '../shared/zod'
import { action, Id, text } from '../shared/contract'
import { BillView } from '../bills/contracts'
import { HOUSE_TYPES } from '../bills/types'
import { TicketSummary } from '../tickets/contracts'
import { BINDING_STATUSES, HOUSE_ROLES, REMOVED_BY } from './types'

export const HouseNoteView = z.object({ id: z.string(), text: z.string(), byName: z.string(), at: z.number() })

/** 一户一档: everything the office knows about one house, on one page. Phones are masked; 拨打 asks for one. */
export const HouseFile = z.object({
  house: z.object({ houseId: z.string(), label: z.string(), area: z.number(), floor: z.number(), type: z.enum(HOUSE_TYPES) }),
  /** The archive's members and bound residents it does not list; `key` names one for 拨打 and 代客报事. */
  people: z.array(z.object({ key: z.string(), name: z.string(), role: z.enum(HOUSE_ROLES), phone: z.string(), bound: z.boolean() })),
  /** Every claim on the house, newest first: who is bound now, who asked, who left and why. */
  bindings: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(HOUSE_ROLES),
      phone: z.string(),
      phoneVerified: z.boolean(),
      status: z.enum(BINDING_STATUSES),
      createdAt: z.number(),
      decidedAt: z.optional(z.number()),
      removedAt: z.optional(z.number()),
      removedBy: z.optional(z.enum(REMOVED_BY)),
      reason: z.optional(z.string()),
    }),
  ),
  tickets: z.object({
    /** Newest first, each with how it ended and the resident's rating when there is one. */
    items: z.array(z.object({ ...TicketSummary.shape, completionNote: z.optional(z.string()), rating: z.optional(z.number()) })),
    total: z.number(),
    open: z.number(),
  }),
  /** Complaints and 账单异议 still open: what the desk must not forget when this house calls. */
  disputes: z.array(z.object({ ticketId: z.string(), no: z.string(), kind: z.enum(['complaint', 'bill']), description: z.string(), createdAt: z.number() })),
  bills: z.object({ unpaid: z.number(), unpaidAmount: z.number(), overdue: z.number(), items: z.array(BillView) }),
  decorations: z.array(
    z.object({ id: z.string(), statusText: z.string(), open: z.boolean(), start: z.string(), end: z.string(), company: z.string(), submittedAt: z.number() }),
  ),
  vacancy: z.nullable(z.object({ since: z.number(), care: z.boolean(), endedAt: z.optional(z.number()) })),
  notes: z.array(HouseNoteView),
})

export const houseFileContract = {
  houseFile: action({
    summary:
      '一户一档 for front-office staff in scope: the owner archive, bound members and their history, every ticket with its outcome and rating, bills, open disputes, decoration and vacancy records, and staff notes.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ houseId: Id }),
    output: HouseFile,
  }),
  addHouseNote: action({
    summary: 'A staff note on a house file (老人独居、白天无人 …): staff only, never shown to residents; audited.',
    callers: OFFICE_ROLES,
    input: z.strictObject({ houseId: Id, text: text(2, 300, '请填写备注', '备注最多 300 个字') }),
    output: HouseNoteView,
  }),
  callHouseMember: action({
    summary: "A person on the house file's full number, for a one-tap call (the file stays masked); each look is audited.",
    callers: OFFICE_ROLES,
    input: z.strictObject({ houseId: Id, key: z.string().check(z.minLength(1), z.maxLength(80)) }),
    output: z.object({ phone: z.string() }),
  }),
} as const
