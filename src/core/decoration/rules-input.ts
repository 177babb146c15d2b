import * as z from '../shared/zod'

const HHMM = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:mm'))

/** 设置 · 装修 as the form sends it: its own file, so the settings page carries no more of the contract than this. */
export const RulesInput = z.strictObject({
  periods: z.array(z.strictObject({ from: HHMM, to: HHMM })).check(z.minLength(1, '请至少设置一个施工时段'), z.maxLength(3, '最多 3 个施工时段')),
  weekend: z.enum(['closed', 'quiet', 'same']),
  deposit: z.number().check(z.int(), z.minimum(0), z.maximum(5_000_000, '装修押金最多 ¥50,000')),
})
