import { AppError } from '../../../src/core/shared/errors'
import type { decorationContract } from '../../../src/core/decoration/contracts'
import { decorationId, isOpen, MAX_DAYS, nextInspection, INSPECTION_LABELS, SLOT_LABELS, type DecorationDoc } from '../../../src/core/decoration/types'
import { houseLabel } from '../../../src/core/community/types'
import { pageUrl } from '../../../src/core/shared/pages'
import { shanghaiDate } from '../../../src/core/shared/time'
import { calendarDay } from '../../../src/core/shared/calendar-day'
import { addDays } from '../../../src/core/bills/reminders'
import { dayText, periodText } from '../../../src/core/decoration/types'
import type { Handler } from '../../lib/runtime/handler'
import { requireOwnUploads } from '../../lib/files/uploads'
import { notify } from '../../lib/outbox/notify'
import { communityStaff, zoneManagers } from '../../lib/tickets/tell'
import { decorationView, ownDecoration, permitOf, rulesOf, rulesView } from '../../lib/decoration/views'

const days = (a: string, b: string) => calendarDay(b).diff(calendarDay(a), 'day') + 1

export const mine: Handler<typeof decorationContract.mine> = async (ctx, { houseId }) => {
  const binding = ctx.houses.find((b) => b.houseId === houseId)
  if (!binding) throw new AppError('FORBIDDEN', '您没有绑定这套房屋')
  const house = await ctx.store.c.houses.get(houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  const [rules, all] = await Promise.all([
    rulesOf(ctx.store, house.communityId),
    ctx.store.c.decorations.find({ where: { houseId }, orderBy: [['submittedAt', 'desc']], limit: 10 }),
  ])
  return {
    houseId,
    label: houseLabel(house),
    isOwner: binding.role === 'owner',
    rules: rulesView(rules),
    items: await Promise.all(all.map((d) => decorationView(ctx, d, rules))),
  }
}

/**
 * The owner's application. Checked whole before anything is written; the house's lock and the
 * application are written together, so two forms cannot both open one, and a retried 提交 (same
 * requestId) answers the first. The zone's 管理员 are told there is one to decide.
 */
export const apply: Handler<typeof decorationContract.apply> = async (ctx, input) => {
  const binding = ctx.houses.find((b) => b.houseId === input.houseId)
  if (!binding) throw new AppError('FORBIDDEN', '您没有绑定这套房屋')
  if (binding.role !== 'owner') throw new AppError('FORBIDDEN', '装修申请须由业主提交')
  const house = await ctx.store.c.houses.get(input.houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  const today = shanghaiDate(ctx.now)
  if (input.start < today) throw new AppError('INVALID_INPUT', '开工日期不能早于今天', { start: '开工日期不能早于今天' })
  if (input.end < input.start) throw new AppError('INVALID_INPUT', '完工日期不能早于开工日期', { end: '完工日期不能早于开工日期' })
  if (days(input.start, input.end) > MAX_DAYS) throw new AppError('INVALID_INPUT', `一次申请的施工期最长 ${MAX_DAYS} 天`, { end: `施工期最长 ${MAX_DAYS} 天` })
  await requireOwnUploads(ctx, ctx.openid, input.drawings, 'drawings')
  const rules = await rulesOf(ctx.store, house.communityId)
  const managers = zoneManagers(await communityStaff(ctx.store, house.communityId), house.building)
  const id = decorationId(input.requestId)
  const label = houseLabel(house)

  const d = await ctx.store.transaction(async (tx) => {
    const same = await tx.c.decorations.get(id)
    if (same) {
      if (same.applicant.openid !== ctx.openid || same.houseId !== house._id) throw new AppError('CONFLICT', '请刷新页面后重新提交')
      return same
    }
    const lock = await tx.c.decorationLocks.get(house._id)
    const open = lock && (await tx.c.decorations.get(lock.decorationId))
    if (open && isOpen(open)) throw new AppError('INVALID_STATE', '这套房屋已有进行中的装修申请')
    const doc: DecorationDoc = {
      _id: id,
      communityId: house.communityId,
      building: house.building,
      unit: house.unit,
      floor: house.floor,
      houseId: house._id,
      label,
      applicant: { openid: ctx.openid, name: binding.name },
      contractor: input.contractor,
      workers: input.workers,
      start: input.start,
      end: input.end,
      works: input.works,
      description: input.description,
      drawings: input.drawings,
      status: 'pending',
      submittedAt: ctx.now,
      deposit: rules.deposit,
      inspections: [],
      violations: [],
      updatedAt: ctx.now,
    }
    await tx.c.decorations.set(doc)
    await tx.c.decorationLocks.set({ _id: house._id, decorationId: id })
    for (const openid of managers)
      await notify(tx, ctx.now, {
        openid,
        title: `装修申请待审批：${label}`,
        body: `${binding.name} 申请 ${periodText(input)} 装修，请审核施工方案。`,
        page: pageUrl('zoneDecoration', { id }),
      })
    return doc
  })
  return decorationView(ctx, d, rules)
}

export const withdraw: Handler<typeof decorationContract.withdraw> = async (ctx, { id }) => {
  await ownDecoration(ctx, id, true)
  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur) throw new AppError('NOT_FOUND', '装修申请不存在')
    if (cur.status === 'withdrawn') return cur
    if (cur.status !== 'pending') throw new AppError('INVALID_STATE', '申请已审批，不能撤回')
    const next: DecorationDoc = { ...cur, status: 'withdrawn', updatedAt: ctx.now }
    await tx.c.decorations.set(next)
    return next
  })
  return decorationView(ctx, d)
}

/**
 * The owner books the inspection the work waits for, on a day of the period (完工验收 up to a
 * month after it); a booking not yet recorded is moved, not doubled. The zone's 管理员 are told.
 */
export const book: Handler<typeof decorationContract.book> = async (ctx, { id, date, slot }) => {
  const first = await ownDecoration(ctx, id, true)
  const bill = first.depositBillId ? await ctx.store.c.bills.get(first.depositBillId) : null
  const permit = permitOf(ctx, first, bill)
  if (permit === 'unpaid') throw new AppError('INVALID_STATE', '请先缴纳装修押金')
  if (first.status !== 'approved')
    throw new AppError('INVALID_STATE', first.status === 'stopped' ? '停工整改期间不能预约验收，请先完成整改' : '当前状态不能预约验收')
  const kind = nextInspection(first)
  if (!kind) throw new AppError('INVALID_STATE', '验收已全部完成')
  const today = shanghaiDate(ctx.now)
  const last = addDays(first.end, 30)
  if (date < today) throw new AppError('INVALID_INPUT', '预约日期不能早于今天', { date: '预约日期不能早于今天' })
  if (date < first.start) throw new AppError('INVALID_INPUT', '请预约开工以后的日期', { date: '请预约开工以后的日期' })
  if (date > last) throw new AppError('INVALID_INPUT', '请在施工期内或完工后 30 天内预约', { date: '请在施工期内或完工后 30 天内预约' })
  const managers = zoneManagers(await communityStaff(ctx.store, first.communityId), first.building)
  const d = await ctx.store.transaction(async (tx) => {
    const cur = await tx.c.decorations.get(id)
    if (!cur || cur.status !== 'approved') throw new AppError('INVALID_STATE', '当前状态不能预约验收')
    const kept = cur.inspections.filter((i) => i.result)
    const next: DecorationDoc = { ...cur, inspections: [...kept, { kind, date, slot, bookedAt: ctx.now }], updatedAt: ctx.now }
    await tx.c.decorations.set(next)
    for (const openid of managers)
      await notify(tx, ctx.now, {
        openid,
        title: `装修验收预约：${cur.label}`,
        body: `${INSPECTION_LABELS[kind]}，${dayText(date)}${SLOT_LABELS[slot]}，请按时上门。`,
        page: pageUrl('zoneDecoration', { id }),
      })
    return next
  })
  return decorationView(ctx, d)
}
