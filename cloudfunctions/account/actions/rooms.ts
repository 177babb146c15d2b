import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'

export const rooms: Handler<typeof accountContract.rooms> = async (ctx, { communityId, building, unit }) => {
  const rows = await ctx.store.c.houses.find({ where: { communityId, building, unit }, limit: 200 })
  // Rooms read best bottom-up, floor then door: 101, 102, 201 …
  return rows.sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room)).map((h) => ({ houseId: h._id, room: h.room, floor: h.floor }))
}
