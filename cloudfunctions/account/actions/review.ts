import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import type { BindingDoc } from '../../../src/core/account/types'
import { HOUSE_ROLE_LABELS } from '../../../src/core/account/types'
import { AppError } from '../../../src/core/shared/errors'
import type { Filter } from '../../lib/ports/store'
import type { Ctx } from '../../lib/runtime/context'
import { assertInScope, scopeWhere } from '../../lib/runtime/scope'
import { auditChange } from '../../lib/runtime/audit'
import { notify } from '../../lib/outbox/notify'
import { bindingView, housesById } from '../../lib/account/views'
import { approvedMembers, tellMembers, whoLabel } from '../../lib/account/members'
import { houseLabel } from '../../../src/core/community/types'
import { pageUrl } from '../../../src/core/shared/pages'

export const pendingBindings: Handler<typeof accountContract.pendingBindings> = async (ctx, { offset, limit }) => {
  const where: Filter = { ...scopeWhere(ctx), status: 'pending' }
  const bindings = ctx.store.c.bindings
  const [items, total] = await Promise.all([bindings.find({ where, orderBy: [['createdAt', 'asc']], offset, limit }), bindings.count(where)])
  const houses = await housesById(
    ctx,
    items.map((b) => b.houseId),
  )
  return { items: items.map((b) => bindingView(b, houses.get(b.houseId) ?? null)), total }
}

/**
 * Approve or reject in a transaction on the binding's id: two agents deciding the same request
 * at once cannot both succeed, and the loser is told it was already handled. The decision is
 * audited with it, and an approval is told to the people already in the house.
 */
async function decide(ctx: Ctx, bindingId: string, patch: Pick<BindingDoc, 'status'> & Partial<BindingDoc>) {
  const first = await ctx.store.c.bindings.get(bindingId)
  if (!first) throw new AppError('NOT_FOUND', '绑定申请不存在')
  assertInScope(ctx, first)
  const members = await approvedMembers(ctx, first.houseId)
  const decided = await ctx.store.transaction(async (tx) => {
    const b = await tx.c.bindings.get(bindingId)
    if (!b) throw new AppError('NOT_FOUND', '绑定申请不存在')
    // Nobody decides their own claim: a staff member's binding goes to a colleague.
    if (b.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的绑定申请，请由其他同事处理')
    if (b.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理，请刷新列表')
    const next: BindingDoc = { ...b, ...patch, decidedBy: ctx.openid, decidedAt: ctx.now, updatedAt: ctx.now }
    await tx.c.bindings.set(next)
    const house = await tx.c.houses.get(b.houseId)
    const label = house ? houseLabel(house) : b.houseId
    const approved = next.status === 'approved'
    await auditChange(tx, ctx, b.communityId, {
      kind: 'binding',
      summary: `${label} ${whoLabel(b)} 的绑定申请${approved ? '已通过' : `未通过：${next.reason}`}`,
      before: { id: b._id, status: b.status },
      after: { id: b._id, status: next.status, reason: next.reason ?? null, role: HOUSE_ROLE_LABELS[b.role] },
    })
    await notify(tx, ctx.now, {
      openid: b.openid,
      title: approved ? '房屋绑定已通过' : '房屋绑定未通过',
      body: approved ? `您已成功绑定 ${label}，现在可以报事报修、查看账单了。` : `您绑定 ${label} 的申请未通过：${next.reason}`,
      page: pageUrl('mine'),
      push: { templateKey: 'bindingResult', data: { house: label, result: approved ? '已通过' : '未通过', note: approved ? '欢迎回家' : (next.reason ?? '') } },
    })
    if (approved) {
      await tellMembers(tx, ctx, members, [b.openid], {
        title: '房屋有新成员',
        body: `物业已核实 ${whoLabel(b)}，TA 现已绑定 ${label}。如有疑问，请致电物业。`,
        result: '新成员绑定',
        note: whoLabel(b),
        label,
        houseId: b.houseId,
        push: true,
      })
    }
    return { next, house }
  })
  return bindingView(decided.next, decided.house)
}

export const approveBinding: Handler<typeof accountContract.approveBinding> = (ctx, { bindingId }) => decide(ctx, bindingId, { status: 'approved' })

export const rejectBinding: Handler<typeof accountContract.rejectBinding> = (ctx, { bindingId, reason }) =>
  decide(ctx, bindingId, { status: 'rejected', reason })
