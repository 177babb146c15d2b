import { AppError } from '../../../src/core/shared/errors'
import type { Finding } from '../../../src/core/inspections/checklist'
import type { TicketOrigin } from '../../../src/core/tickets/types'
import { zoneOnly } from '../../../src/core/access/scope'
import type { Ctx } from '../runtime/context'
import { openTicket } from '../tickets/open'
import { actorFor } from '../tickets/actor'
import { communityStaff } from '../tickets/tell'

/** Where a finding was made: a public place of a building, or (with `houseId`) inside a house. */
export interface Spot {
  communityId: string
  building: string
  name: string
  houseId?: string
}

const FOUND: Record<TicketOrigin['kind'], string> = { patrol: '巡查发现', vacancy: '空置房检查发现' }

/**
 * A finding becomes a repair (of a public area, or of the house it was found in) through the tickets' own machinery (number, promises,
 * the inbox, dispatch by category), reported by the inspector and followed by the 管理员 whose
 * zone the spot is in. `id` is fixed per finding, so a retried check files it once.
 */
export async function fileFinding(ctx: Ctx, id: string, spot: Spot, f: Finding, origin: TicketOrigin) {
  const [house] = spot.houseId
    ? [await ctx.store.c.houses.get(spot.houseId)]
    : await ctx.store.c.houses.find({ where: { communityId: spot.communityId, building: spot.building }, limit: 1 })
  if (!house) throw new AppError('INVALID_STATE', `${spot.building}栋没有房屋，无法登记工单`)
  const me = ctx.user?.staff
  const made = await openTicket(ctx, {
    id,
    input: {
      type: 'repair',
      ...(spot.houseId
        ? { scope: 'home' as const }
        : // The ticket's place reads 「2栋 消防通道」, not 「2栋 2栋消防通道」.
          { scope: 'public' as const, building: spot.building, location: spot.name.replace(`${spot.building}栋`, '').trim() || spot.name }),
      houseId: house._id,
      category: f.item.category ?? 'facility',
      description: `${FOUND[origin.kind]}「${f.item.label}」异常：${f.result.note ?? ''}`.slice(0, 500),
      photos: f.result.photos,
    },
    house,
    // Staff are not residents: no resident messages go to an offline reporter, the desk can still call.
    reporter: { openid: `offline:${ctx.openid}`, name: me?.name ?? '巡查人员', phone: ctx.user?.phone ?? '' },
    source: 'patrol',
    actor: actorFor(ctx, null),
  })
  const managers = (await communityStaff(ctx.store, spot.communityId)).filter(
    (u) => u.staff && zoneOnly(u.staff.roles) && u.staff.zone?.includes(spot.building),
  )
  const follower = me && zoneOnly(me.roles) && me.zone?.includes(spot.building) ? ctx.openid : managers[0]?._id
  await ctx.store.transaction(async (tx) => {
    const t = await tx.c.tickets.get(made.id)
    if (t && !t.origin) await tx.c.tickets.update(t._id, { origin, ...(follower && !t.owner ? { owner: follower } : {}) })
  })
  return made.id
}
