import * as z from '../../../src/core/shared/zod'
import { AppError } from '../../../src/core/shared/errors'
import { houseLabel, type House } from '../../../src/core/community/types'
import type { CreateTicket } from '../../../src/core/tickets/inputs'
import { derive } from '../../../src/core/tickets/escalation'
import { counterId, ticketNo } from '../../../src/core/tickets/numbering'
import { computeSla } from '../../../src/core/tickets/sla'
import { urgeOpensAt } from '../../../src/core/tickets/urge'
import { EMERGENCY_LABELS, type Actor, type Person, type Source, type TicketDoc } from '../../../src/core/tickets/types'
import type { Ctx } from '../runtime/context'
import { newId, nextSeq } from '../runtime/ids'
import { madeBefore, remember } from '../runtime/requests'
import { requireOwnUploads } from '../files/uploads'
import { addEvent } from './events'
import { rulesFor } from './policy'
import { communityStaff, tellStaff } from './tell'
import { summary } from './views'
import { wakeFor } from './wake'

type NewTicket = z.output<typeof CreateTicket>

/** What a ticket is opened with, whoever opens it: the resident in the app, the desk, a bad 回访 rating. */
export interface Opening {
  input: NewTicket
  house: House
  /** The person the ticket is for; `openid` is `offline:<phone>` when they are not in the app. */
  reporter: Person & { openid: string }
  source: Source
  actor: Actor
  /** Makes it idempotent for system callers that may retry (a survey's complaint): an existing ticket is returned as is. */
  id?: string
}

/**
 * Open a ticket: number, promises and first timeline step in one transaction — three writes;
 * an emergency also pages the on-duty staff and the building's 管理员 at once, day or night.
 */
export async function openTicket(ctx: Ctx, { input, house, reporter, source, actor, id }: Opening) {
  if (input.window && !(input.window.end > input.window.start && input.window.end > ctx.now)) {
    throw new AppError('INVALID_INPUT', '请选择今后的上门时间', { window: '请选择今后的上门时间' })
  }
  await requireOwnUploads(ctx, ctx.openid, input.photos)
  const building = input.scope === 'public' ? (input.building ?? house.building) : house.building
  const community = await ctx.store.c.communities.get(house.communityId)
  if (!community?.buildings.some((b) => b.no === building)) throw new AppError('INVALID_INPUT', '楼栋不存在', { building: '楼栋不存在' })

  const rules = await rulesFor(ctx.store, house.communityId)
  const priority = input.emergency ? 'emergency' : 'normal'
  const home = input.scope === 'home'
  const staff = priority === 'emergency' ? await communityStaff(ctx.store, house.communityId) : []

  const ticket = await ctx.store.transaction(async (tx) => {
    const prior = id ?? (await madeBefore(tx, ctx.openid, input.requestId))
    const existing = prior ? await tx.c.tickets.get(prior) : null
    if (existing) return existing
    const seq = await nextSeq(tx, counterId(house.communityId, input.type, ctx.now))
    const sla = computeSla({ type: input.type, priority, window: home ? input.window : undefined }, ctx.now, rules.sla, rules.calendar)
    const t: TicketDoc = derive(
      {
        _id: id ?? newId(ctx.now),
        no: ticketNo(input.type, ctx.now, seq),
        communityId: house.communityId,
        type: input.type,
        scope: input.scope,
        category: input.category,
        description: input.description,
        photos: input.photos,
        ...(input.emergency ? { emergency: input.emergency } : {}),
        priority,
        rank: priority === 'emergency' ? 0 : 1,
        houseId: house._id,
        building,
        ...(home ? { room: house.room } : {}),
        place: home ? houseLabel(house) : `${building}栋 ${input.location}`,
        ...(home && input.window ? { window: input.window } : {}),
        ...(input.outageId ? { outageId: input.outageId } : {}),
        ...(input.billId ? { billId: input.billId } : {}),
        reporter: { name: reporter.name, phone: reporter.phone },
        reporterOpenid: reporter.openid,
        phoneTail: reporter.phone.slice(-4),
        source,
        status: 'new',
        sla,
        overdue: false,
        open: true,
        nextCheckAt: null,
        reopenCount: 0,
        followers: [],
        links: [],
        afterPhotos: [],
        urgeCount: 0,
        urgeAt: urgeOpensAt(ctx.now, rules.urgeMinutes),
        createdBy: ctx.openid,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      } as TicketDoc,
      ctx.now,
    )
    await tx.c.tickets.set(t)
    await wakeFor(tx, null, t, ctx.now)
    await remember(tx, ctx.openid, input.requestId, t._id, ctx.now)
    if (input.billId) {
      // The bill and its question point at each other, written together.
      const bill = await tx.c.bills.get(input.billId)
      if (!bill || bill.houseId !== house._id) throw new AppError('INVALID_INPUT', '账单不存在', { billId: '账单不存在' })
      await tx.c.bills.update(bill._id, { disputeTicketId: t._id, updatedAt: ctx.now })
    }
    await addEvent(
      tx,
      t,
      'created',
      actor,
      ctx.now,
      source === 'app' ? '提交了工单' : source === 'patrol' ? `巡查上报（${reporter.name}）` : `代客登记（${reporter.name}）`,
      { photos: input.photos },
    )
    if (priority === 'emergency') {
      const onDuty = staff.filter((u) => u.staff?.onDuty || (u.staff?.roles.includes('manager') && u.staff.zone?.includes(building)))
      const label = EMERGENCY_LABELS[input.emergency!]
      await tellStaff(
        tx,
        t,
        ctx.now,
        onDuty.map((u) => u._id),
        `紧急：${label}`,
        `${t.place} ${label}，请立即处置`,
        'ticketAlert',
        '紧急',
      )
      await addEvent(
        tx,
        t,
        'paged',
        { openid: 'system', role: 'system', name: '系统' },
        ctx.now,
        `已通知值班人员：${onDuty.map((u) => u.staff!.name).join('、') || '（无值班人员）'}`,
        {
          data: { paged: onDuty.map((u) => u._id) },
        },
      )
    }
    return t
  })
  return summary(ticket, ctx)
}
