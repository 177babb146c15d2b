import * as z from '../shared/zod'
import { Id, line } from '../shared/contract'
import { PHONE_RE } from '../shared/phone'
import { HOUSE_ROLES } from './types'

/**
 * A claim on a house. Without `phone` the claim uses the number WeChat verified for the account
 * (手机号快速验证), the only kind that can be approved at once; a typed number waits for staff.
 */
export const BindRequest = z.strictObject({
  houseId: Id,
  role: z.enum(HOUSE_ROLES, '请选择身份'),
  name: line(2, 20, '请填写真实姓名', '姓名最多 20 个字'),
  phone: z.optional(z.string().check(z.trim(), z.regex(PHONE_RE, '请填写 11 位手机号'))),
})
