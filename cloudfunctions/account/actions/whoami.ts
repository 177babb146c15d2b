import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { meView } from '../../lib/account/views'

export const whoami: Handler<typeof accountContract.whoami> = async (ctx) => meView(ctx, ctx.user)
