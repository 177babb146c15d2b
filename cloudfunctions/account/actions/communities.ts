import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'


export const communities: Handler<typeof accountContract.communities> = async (ctx) => {
  const rows = await ctx.store.c.communities.find({ orderBy: [['name', 'asc']], limit: 100 })
  return rows.map(({ _id, ...c }) => ({ id: _id, ...c }))
}
