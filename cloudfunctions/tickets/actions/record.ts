import { AppError } from '../../../src/core/shared/errors'
import type { ticketsContract } from '../../../src/core/tickets/contracts'
import { HOUSE_ROLE_LABELS, type ArchiveDoc, type BindingDoc } from '../../../src/core/account/types'
import { houseLabel, type House } from '../../../src/core/community/types'
import { houseIdFromQuery, phoneQuery } from '../../../src/core/community/room-query'
import { maskPhone } from '../../../src/core/shared/phone'
import { MAX_LIMIT, type Collection, type Doc, type Filter } from '../../lib/ports/store'
import { assertInScope, inScope, officeScope } from '../../lib/runtime/scope'
import type { Ctx } from '../../lib/runtime/context'
import type { Handler } from '../../lib/runtime/handler'
import { actorFor } from '../../lib/tickets/actor'
import { openTicket } from '../../lib/tickets/open'

const HOUSES_SHOWN = 10

/** A house's people on file: the archive's members, then bound residents the archive does not list. */
async function peopleOf(ctx: Ctx, houseId: string) {
  const [archive, bound] = await Promise.all([
    ctx.store.c.archive.get(houseId),
    ctx.store.c.bindings.find({ where: { houseId, status: 'approved' }, limit: 20 }),
  ])
  const phones = new Set(bound.map((b) => b.phone))
  const listed = new Set((archive?.members ?? []).map((m) => m.phone))
  return [
    ...(archive?.members ?? []).map((m, i) => ({ key: `a.${i}`, name: m.name, role: m.role, phone: m.phone, bound: phones.has(m.phone) })),
    ...bound.filter((b) => !listed.has(b.phone)).map((b) => ({ key: `b.${b._id}`, name: b.name, role: b.role, phone: b.phone, bound: true })),
  ]
}

/** Walk a collection of the community page by page, keeping the house ids whose phone matches. */
async function housesByPhone<T extends Doc>(coll: Collection<T>, where: Filter, phonesOf: (d: T) => string[], houseOf: (d: T) => string, q: string) {
  const found = new Set<string>()
  let cursor: string | undefined
  for (;;) {
    const page = await coll.find({ where: { ...where, ...(cursor ? { _id: { $gt: cursor } } : {}) }, orderBy: [['_id', 'asc']], limit: MAX_LIMIT })
    for (const d of page) if (phonesOf(d).some((p) => (q.length === 4 ? p.endsWith(q) : p === q))) found.add(houseOf(d))
    if (page.length < MAX_LIMIT) return found
    cursor = page[page.length - 1]._id
  }
}

/** 代客报事 lookup by room or phone: the houses and their people, phones masked, only in the caller's scope. */
export const reporters: Handler<typeof ticketsContract.reporters> = async (ctx, { q }) => {
  const { communityId } = officeScope(ctx)
  const room = houseIdFromQuery(communityId, q)
  const phone = phoneQuery(q)
  if (!room && !phone) throw new AppError('INVALID_INPUT', '请输入房号（如 1-1-301）或手机号（后 4 位或完整号码）', { q: '请输入房号或手机号' })
  let ids: string[]
  if (room) ids = [room]
  else {
    const [inArchive, bound] = await Promise.all([
      housesByPhone<ArchiveDoc>(
        ctx.store.c.archive,
        { communityId },
        (a) => a.members.map((m) => m.phone),
        (a) => a._id,
        phone!,
      ),
      housesByPhone<BindingDoc>(
        ctx.store.c.bindings,
        { communityId, status: 'approved' },
        (b) => [b.phone],
        (b) => b.houseId,
        phone!,
      ),
    ])
    ids = [...new Set([...inArchive, ...bound])].sort()
  }
  const houses = ids.length ? await ctx.store.c.houses.find({ where: { _id: { $in: ids } }, limit: ids.length }) : []
  const mine = houses.filter((h) => h.communityId === communityId && inScope(ctx, h)).slice(0, HOUSES_SHOWN)
  return {
    houses: await Promise.all(
      mine.map(async (h: House) => ({
        houseId: h._id,
        label: houseLabel(h),
        people: (await peopleOf(ctx, h._id)).map((p) => ({ ...p, role: HOUSE_ROLE_LABELS[p.role], phone: maskPhone(p.phone) })),
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
  // A person picked from the file: the number on file, which the desk never had to read out.
  const picked = reporterKey ? (await peopleOf(ctx, house._id)).find((p) => p.key === reporterKey) : undefined
  if (reporterKey && !picked) throw new AppError('INVALID_INPUT', '该报事人已不在此房屋的档案中，请重新选择', { reporterKey: '请重新选择报事人' })
  const reporterPhone = picked?.phone ?? typed!
  const bound = await ctx.store.c.bindings.find({ where: { houseId: house._id, status: 'approved' }, limit: 20 })
  const match = bound.find((b) => b.phone === reporterPhone)
  const openid = match?.openid ?? `offline:${reporterPhone}`
  return openTicket(ctx, { input: ticket, house, reporter: { openid, name: reporterName, phone: reporterPhone }, source, actor: actorFor(ctx, 'dispatch') })
}
