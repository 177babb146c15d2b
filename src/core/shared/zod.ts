import { config } from 'zod/mini'
import zhCN from 'zod/v4/locales/zh-CN.js'

/**
 * zod/mini, not classic zod: the same contracts run in the mini-program, where the main
 * package must stay small (our budget: 400 KB) and classic zod alone is ~100 KB.
 * Import it as `import * as z from '../shared/zod'` and only touch members (z.object …):
 * a namespace object that escapes (`export { z }`) defeats tree-shaking and pulls in every locale.
 * Default messages are in Simplified Chinese, for the few a contract does not word itself.
 */
config(zhCN())

export * from 'zod/mini'
export type { $ZodType as ZodType } from 'zod/v4/core'
