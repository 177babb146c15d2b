import * as z from '../shared/zod'
import { Id, line, Photos, RequestId, text } from '../shared/contract'
import { CATEGORIES, EMERGENCIES, SCOPES, TICKET_TYPES } from './types'

/**
 * What 报事 sends, apart from the contract map: the 报事 form checks a draft with these very
 * schemas, so the resident reads the server's words before sending, at a fraction of the
 * contracts module's size in the main package.
 */

/** Rules across fields; they run even when a field is wrong, so the form shows every problem at once. */
export const consistent = z.superRefine<{ type?: string; scope?: string; location?: string; emergency?: string }>(
  (t, ctx) => {
    const at = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: t })
    if (t.scope === 'home' && t.type === 'repair' && t.location) at('location', '户内报修不需要填写位置')
    if (t.scope === 'public' && !t.location) at('location', '请填写具体位置')
    // 电梯困人、燃气泄漏… are jobs to send someone to: a complaint or a question is never paged at 3 a.m.
    if (t.emergency && t.type !== 'repair') at('emergency', '只有报修可以标记为紧急')
  },
  { when: (p) => typeof p.value === 'object' && p.value !== null },
)

export const ticketFields = {
  type: z.enum(TICKET_TYPES, '请选择类型'),
  scope: z._default(z.enum(SCOPES), 'home'),
  /** 户内: the house. 公共区域: the building (any house of the resident tells us the community). */
  houseId: Id,
  building: z.optional(line(1, 8, '请选择楼栋')),
  location: z.optional(line(2, 40, '请填写具体位置', '位置最多 40 个字')),
  category: z.enum(CATEGORIES, '请选择类别'),
  description: text(5, 500, '请至少用 5 个字描述问题', '描述最多 500 个字'),
  photos: Photos(6),
  emergency: z.optional(z.enum(EMERGENCIES)),
  window: z.optional(z.strictObject({ start: z.number(), end: z.number() })),
  /** Filed anyway while an outage is active: the ticket is linked to it. */
  outageId: z.optional(Id),
  /** 对账单有疑问: the bill this question is about; the bill shows the ticket. */
  billId: z.optional(z.string().check(z.minLength(1), z.maxLength(160))),
  requestId: z.optional(RequestId),
}

/** What a resident fills in on 报事. */
export const CreateTicket = z.strictObject(ticketFields).check(consistent)
