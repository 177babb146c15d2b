import { config } from 'zod/mini'
import type { $ZodErrorMap } from 'zod/v4/core'

/**
 * zod/mini, not classic zod: the same contracts run in the mini-program, where the main
 * package must stay small (our budget: 360 KB) and classic zod alone is ~100 KB.
 * Import it as `import * as z from '../shared/zod'` and only touch members (z.object …):
 * a namespace object that escapes (`export { z }`) defeats tree-shaking and pulls in every locale.
 */

const UNIT: Record<string, string> = { string: '个字', array: '项' }

/**
 * Plain Chinese for the few checks a contract does not word itself. Not zod's zh-CN locale:
 * its words are for developers ("无效输入：期望 string"), and it costs the main package 2 KB.
 */
const plainChinese: $ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '此项必填' : '格式不正确'
    case 'too_small':
      return UNIT[issue.origin] ? `至少 ${issue.minimum} ${UNIT[issue.origin]}` : `不能小于 ${issue.minimum}`
    case 'too_big':
      return UNIT[issue.origin] ? `最多 ${issue.maximum} ${UNIT[issue.origin]}` : `不能大于 ${issue.maximum}`
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`
    case 'invalid_value':
      return '不是可选的值'
    default:
      return '格式不正确'
  }
}
config({ localeError: plainChinese })

export * from 'zod/mini'
export type { $ZodType as ZodType } from 'zod/v4/core'
