import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { isLive, removalBy } from '../../../src/core/account/rules'
import { REMOVED_BY_LABELS, type BindingDoc } from '../../../src/core/account/types'
import { houseLabel, type House } from '../../../src/core/community/types'
import { AppError } from '../../../src/core/shared/errors'
import { maskPhone } from '../../../src/core/shared/phone'
import type { Ctx } from '../../lib/runtime/context'
import { inScope } from '../../lib/runtime/scope'
import { auditChange } from '../../lib/runtime/audit'
import { notify } from '../../lib/outbox/notify'
import { bindingView } from '../../lib/account/views'
import { approvedMembers, tellMembers, whoLabel } from '../../lib/account/members'
import { pageUrl } from '../../../src/core/shared/pages'

/** What the caller is to a house: an approved member, its owner, staff whose scope covers it. */
function standing(ctx: Ctx, house: Pick<House, '_id' | 'communityId' | 'building'>) {
  const mine = ctx.houses.filter((b) => b.houseId === house._id)
  return { member: mine.length > 0, ownsHouse: mine.some((b) => b.role === 'owner'), staffInScope: inScope(ctx, house) }
}

export const houseMembers: Handler<typeof accountContract.houseMembers> = async (ctx, { houseId }) => {
  const house = await ctx.store.c.houses.get(houseId)
  const who = house ? standing(ctx, house) : null
  // Not a member and not staff here: the house is not theirs to look into, and ids are not probed.
  if (!house || !who || (!who.member && !who.staffInScope)) throw new AppError('NOT_FOUND', '房屋不存在')
  const rows = await ctx.store.c.bindings.find({ where: { houseId, status: { $in: ['approved', 'pending'] } }, orderBy: [['createdAt', 'asc']], limit: 50 })
  return {
    houseId,
    label: houseLabel(house),
    standing: who.ownsHouse ? ('owner' as const) : who.member ? ('member' as const) : ('staff' as const),
    members: rows.map((b) => ({
      bindingId: b._id,
      name: b.name,
      role: b.role,
      status: b.status,
      phone: maskPhone(b.phone),
      phoneVerified: Boolean(b.phoneVerified),
      isMe: b.openid === ctx.openid,
      since: b.decidedAt ?? b.createdAt,
      canRemove: removalBy({ openid: ctx.openid, ...who }, b) !== null,
    })),
  }
}

/**
 * End a binding. It takes effect on the person's next call: every call reads the caller's
 * approved bindings afresh, so the house's tickets, bills and notices are gone at once.
 */
export const removeBinding: Handler<typeof accountContract.removeBinding> = async (ctx, { bindingId, reason }) => {
  const first = await ctx.store.c.bindings.get(bindingId)
  const house = first ? await ctx.store.c.houses.get(first.houseId) : null
  if (!first || !house) throw new AppError('NOT_FOUND', '绑定不存在')
  const who = standing(ctx, house)
  if (first.openid !== ctx.openid && !who.member && !who.staffInScope) throw new AppError('NOT_FOUND', '绑定不存在')
  if (!isLive(first)) throw new AppError('INVALID_STATE', '该绑定已解除，请刷新')
  const how = removalBy({ openid: ctx.openid, ...who }, first)
  if (!how) throw new AppError('FORBIDDEN', first.role === 'owner' ? '业主之间的变更请到物业服务中心办理' : '只有业主可以移除租户和家属')
  if (how === 'staff' && !reason) throw new AppError('INVALID_INPUT', '请填写解除原因', { reason: '请填写解除原因' })
  const label = houseLabel(house)
  const members = await approvedMembers(ctx, house._id)
  const removed = await ctx.store.transaction(async (tx) => {
    const b = await tx.c.bindings.get(bindingId)
    if (!b || b.status !== first.status) throw new AppError('INVALID_STATE', '该绑定刚刚有变化，请刷新')
    const next: BindingDoc = { ...b, status: 'removed', removedBy: how, removedAt: ctx.now, ...(reason ? { reason } : {}), updatedAt: ctx.now }
    await tx.c.bindings.set(next)
    await auditChange(tx, ctx, b.communityId, {
      kind: 'binding',
      summary: `${label} ${whoLabel(b)} 的绑定已解除（${REMOVED_BY_LABELS[how]}${reason ? `：${reason}` : ''}）`,
      before: { id: b._id, status: b.status },
      after: { id: b._id, status: next.status, removedBy: how, reason: reason ?? null },
    })
    if (how !== 'self') {
      await notify(tx, ctx.now, {
        openid: b.openid,
        title: '房屋绑定已解除',
        body: how === 'owner' ? `业主已将您从 ${label} 的房屋成员中移除。如有疑问，请联系业主或物业。` : `物业已解除您与 ${label} 的绑定：${reason}`,
        page: pageUrl('mine'),
        push: { templateKey: 'bindingResult', data: { house: label, result: '已解除', note: reason ?? REMOVED_BY_LABELS[how] } },
      })
    }
    if (b.status === 'approved') {
      await tellMembers(tx, ctx, members, [b.openid, ctx.openid], {
        title: '房屋成员有变化',
        body: `${whoLabel(b)} 已不再绑定 ${label}（${REMOVED_BY_LABELS[how]}）。`,
        result: '成员已解除',
        note: whoLabel(b),
        label,
        houseId: house._id,
        push: false,
      })
    }
    return next
  })
  return bindingView(removed, house)
}
