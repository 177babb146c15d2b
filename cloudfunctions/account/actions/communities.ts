import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { DEFAULT_CALENDAR } from '../../../src/core/tickets/calendar'

/** Communities with their buildings, and the desk's hours from the calendar the SLAs run on. */
export const communities: Handler<typeof accountContract.communities> = async (ctx) => {
  const rows = await ctx.store.c.communities.find({ orderBy: [['name', 'asc']], limit: 100 })
  const ids = rows.map((r) => r._id)
  const settings = ids.length ? await ctx.store.c.settings.find({ where: { _id: { $in: ids } }, limit: ids.length }) : []
  const calendars = new Map(settings.map((s) => [s._id, s.calendar]))
  return rows.map((c) => ({
    id: c._id,
    name: c.name,
    address: c.address,
    servicePhone: c.servicePhone,
    emergencyPhone: c.emergencyPhone,
    hours: calendars.get(c._id) ?? DEFAULT_CALENDAR,
    buildings: c.buildings,
  }))
}
