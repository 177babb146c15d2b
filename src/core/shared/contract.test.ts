import * as z from './zod'
import { BAD_CHARACTERS, isWellFormed, line, text } from './contract'

const refusal = (schema: z.ZodMiniType, v: string) => {
  const r = z.safeParse(schema, v)
  return r.success ? null : r.error.issues[0].message
}

describe('text people type', () => {
  const desc = text(1, 200, '请填写')
  const name = line(1, 20, '请填写姓名')

  it('keeps Chinese, emoji and line breaks in free text', () => {
    expect(z.parse(desc, '  厨房水管漏水 👍\n已关总阀  ')).toBe('厨房水管漏水 👍\n已关总阀')
    expect(z.parse(name, '张建国')).toBe('张建国')
  })

  it('refuses half an emoji, control characters and bidi overrides', () => {
    for (const bad of ['漏水\uD83D', '\uDC4D漏水', '漏\u0000水', '漏\u0007水', '漏\u007F水', '漏\u009B水', '\u202E水漏', '漏\u2066水']) {
      expect(refusal(desc, bad)).toBe(BAD_CHARACTERS)
    }
  })

  it('names and titles stay on one line', () => {
    expect(refusal(name, '张\n建国')).toBe('请写在一行内')
    expect(refusal(name, '张\t建国')).toBe('请写在一行内')
  })

  it('tells a well-formed string from one with a lone surrogate', () => {
    expect([isWellFormed('👍'), isWellFormed('\uD83D'), isWellFormed('a\uDC4D'), isWellFormed('\uD83D\uD83D')]).toEqual([true, false, false, false])
  })
})
