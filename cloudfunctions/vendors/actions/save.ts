import { AppError } from '../../../src/core/shared/errors'
import { checklistOf } from '../../../src/core/inspections/drafts'
import type { vendorsContract } from '../../../src/core/vendors/contracts'
import { SERVICE_LABELS, type VendorDoc } from '../../../src/core/vendors/types'
import type { Handler } from '../../lib/runtime/handler'
import { auditChange } from '../../lib/runtime/audit'
import { communityOf } from '../../lib/runtime/scope'
import { loadVendor, vendorView } from '../../lib/vendors/views'

/**
 * A firm and its contract as the 客服主任 enters it. Its standards are a scored checklist run by the
 * same rules as a patrol point's (items it had keep their ids, so past checks and 整改单 still read).
 * A new firm's id is fixed by the form, so a retried 保存 adds it once.
 */
export const save: Handler<typeof vendorsContract.save> = async (ctx, input) => {
  const communityId = communityOf(ctx)
  const { id, requestId, standards, ...fields } = input
  if (fields.contractEnd < fields.contractStart) throw new AppError('INVALID_INPUT', '合同结束日不能早于开始日', { contractEnd: '合同结束日不能早于开始日' })
  const before = id ? await loadVendor(ctx, id) : null
  const { items, problems } = checklistOf(
    standards.map((s) => ({ ...s, kind: 'score' as const })),
    before?.items ?? [],
    (k) => `${requestId.slice(-8)}.${k}`,
  )
  if (Object.keys(problems).length) throw new AppError('INVALID_INPUT', Object.values(problems)[0], problems)
  const vendorId = id ?? `${communityId}-vd-${requestId}`
  const v = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.vendors.get(vendorId)
    if (!id && cur) return cur
    const next: VendorDoc = { _id: vendorId, communityId, ...fields, items, createdAt: cur?.createdAt ?? ctx.now, updatedAt: ctx.now }
    await tx.c.vendors.set(next)
    await auditChange(tx, ctx, communityId, {
      kind: 'vendor',
      summary: `${cur ? '修改' : '新增'}外包单位：${SERVICE_LABELS[next.service]} ${next.name}，合同 ${next.contractStart} 至 ${next.contractEnd}，${items.length} 项标准`,
      before: cur,
      after: next,
    })
    return next
  })
  return vendorView(ctx, v)
}
