import { AppError } from '../../../src/core/shared/errors'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { HOUSE_ROLE_LABELS } from '../../../src/core/account/types'
import { houseLabel, type House } from '../../../src/core/community/types'
import { houseIdFromQuery, phoneQuery } from '../../../src/core/community/room-query'
import { maskPhone } from '../../../src/core/shared/phone'
import { scan } from '../../lib/runtime/scan'
import { assertInScope, inScope, officeScope } from '../../lib/runtime/scope'
import type { Ctx } from '../../lib/runtime/context'
import type { Handler } from '../../lib/runtime/handler'
import { actorFor } from '../../lib/tickets/actor'
import { openTicket } from '../../lib/tickets/open'
import { peopleOf } from '../../lib/account/people'

const HOUSES_SHOWN = 10

/** The houses of the community whose archive or approved residents have this phone (its last 4 digits, or all of it). */
async function housesByPhone(ctx: Ctx, communityId: string, q: string) {
  const found = new Set<string>()
  const matches = (p: string) => (q.length === 4 ? p.endsWith(q) : p === q)
  await scan(ctx.store.c.archive, { communityId }, (page) => {
    for (const a of page) if (a.members.some((m) => matches(m.phone))) found.add(a._id)
  })
  await scan(ctx.store.c.bindings, { communityId, status: 'approved' }, (page) => {
    for (const b of page) if (matches(b.phone)) found.add(b.houseId)
  })
  return [...found].sort()
}

/** 代客报事 lookup by room or phone: the houses and their people, phones masked, only in the caller's scope. */
export const reporters: Handler<typeof ticketsContract.reporters> = async (ctx, { q }) => {
  const { communityId } = officeScope(ctx)
  const room = houseIdFromQuery(communityId, q)
  const phone = phoneQuery(q)
  if (!room && !phone) throw new AppError('INVALID_INPUT', '请输入房号（如 1-1-301）或手机号（后 4 位或完整号码）', { q: '请输入房号或手机号' })
  const ids = room ? [room] : await housesByPhone(ctx, communityId, phone!)
  const houses = ids.length ? await ctx.store.c.houses.find({ where: { _id: { $in: ids } }, limit: ids.length }) : []
  const mine = houses.filter((h) => h.communityId === communityId && inScope(ctx, h)).slice(0, HOUSES_SHOWN)
  return {
    houses: await Promise.all(
      mine.map(async (h: House) => ({
        houseId: h._id,
        label: houseLabel(h),
        people: (await peopleOf(ctx, h._id)).people.map((p) => ({ ...p, role: HOUSE_ROLE_LABELS[p.role], phone: maskPhone(p.phone) })),
      })),
    ),
  }
}

/**
 * Staff record a call, a visit or a patrol finding. When the caller is a bound resident of that
 * house (same phone), the ticket is theirs in the app too; otherwise it is kept offline.
 */
export const record: Handler<typeof ticketsContract.record> = async (ctx, input) => {
  const house = await ctx.store.c.houses.get(input.houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  assertInScope(ctx, { communityId: house.communityId, building: input.scope === 'public' ? (input.building ?? house.building) : house.building })
  const { source, reporterName, reporterPhone: typed, reporterKey, ...ticket } = input
  const { bound, people } = await peopleOf(ctx, house._id)
  // A person picked from the file: the number on file, which the desk never had to read out.
  const picked = reporterKey ? people.find((p) => p.key === reporterKey) : undefined
  if (reporterKey && !picked) throw new AppError('INVALID_INPUT', '该报事人已不在此房屋的档案中，请重新选择', { reporterKey: '请重新选择报事人' })
  const reporterPhone = picked?.phone ?? typed!
  const match = bound.find((b) => b.phone === reporterPhone)
  const openid = match?.openid ?? `offline:${reporterPhone}`
  return openTicket(ctx, { input: ticket, house, reporter: { openid, name: reporterName, phone: reporterPhone }, source, actor: actorFor(ctx, 'dispatch') })
}
