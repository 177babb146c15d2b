import * as z from '../shared/zod'
import { line } from '../shared/contract'
import { PHONE_RE } from '../shared/phone'
import { SOURCES } from './types'
import { consistent, ticketFields } from './inputs'

// Apart from inputs.ts: only staff pages record on someone's behalf, so none of this weighs on the main package.

/** The reporter picked from the house's file: `a.<i>` an archive member, `b.<bindingId>` a bound resident. */
export const ReporterKey = z.string().check(z.regex(/^(a\.\d{1,2}|b\.[\w.:-]{1,120})$/, '请重新选择报事人'))

/** Either the number typed, or a person picked from the house's file (the server fills the number in). */
const reporterGiven = z.superRefine<{ reporterPhone?: string; reporterKey?: string }>(
  (t, ctx) => {
    if (!t.reporterPhone && !t.reporterKey) ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: '请填写 11 位手机号', input: t })
  },
  { when: (p) => typeof p.value === 'object' && p.value !== null },
)

/** 代客报事: staff recording on someone's behalf add how it came in and the reporter. */
export const RecordTicket = z
  .strictObject({
    ...ticketFields,
    source: z.enum(SOURCES.filter((s) => s !== 'app') as ['phone', 'walkin', 'patrol']),
    reporterName: line(1, 20, '请填写报事人姓名'),
    reporterPhone: z.optional(z.string().check(z.trim(), z.regex(PHONE_RE, '请填写 11 位手机号'))),
    reporterKey: z.optional(ReporterKey),
  })
  .check(consistent, reporterGiven)
