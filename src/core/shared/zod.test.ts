import * as z from './zod'

const messages = (schema: z.ZodMiniType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => i.message)

describe('the words of a check a contract does not word itself', () => {
  const S = z.strictObject({ name: z.string().check(z.maxLength(4)), count: z.number().check(z.minimum(1)), tags: z.array(z.string()).check(z.minLength(1)) })

  it('reads as plain Chinese', () => {
    expect(messages(S, { count: 0, tags: [], extra: 1 })).toEqual(['此项必填', '不能小于 1', '至少 1 项', '不支持的字段：extra'])
    expect(messages(S, { name: '阳光花园物业', count: '2', tags: ['a'] })).toEqual(['最多 4 个字', '格式不正确'])
  })

  it('gives way to a contract’s own words', () => {
    expect(messages(z.string().check(z.minLength(2, '请填写姓名')), '')).toEqual(['请填写姓名'])
  })
})
