import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import type { Community } from '../../../src/core/community/types'

type CommunityDoc = Omit<Community, 'id'> & { _id: string }

export const communities: Handler<typeof accountContract.communities> = async (ctx) => {
  const rows = await ctx.store.collection<CommunityDoc>('communities').find({ orderBy: [['name', 'asc']], limit: 100 })
  return rows.map(({ _id, ...c }) => ({ id: _id, ...c }))
}
