import type { accountContract } from '../../../src/core/account/contracts'
import type { HouseNoteDoc } from '../../../src/core/account/types'
import { houseLabel } from '../../../src/core/community/types'
import { isOpen, statusText } from '../../../src/core/decoration/types'
import { AppError } from '../../../src/core/shared/errors'
import { maskPhone } from '../../../src/core/shared/phone'
import { roundOf, surveyId } from '../../../src/core/surveys/rules'
import { peopleOf } from '../../lib/account/people'
import { billView } from '../../lib/bills/views'
import { permitOf } from '../../lib/decoration/views'
import { auditChange } from '../../lib/runtime/audit'
import type { Handler } from '../../lib/runtime/handler'
import { newId } from '../../lib/runtime/ids'
import { staffHouse } from '../../lib/runtime/scope'
import { summary } from '../../lib/tickets/views'

const TICKETS_SHOWN = 30
const BILLS_SHOWN = 24

const noteView = (n: HouseNoteDoc) => ({ id: n._id, text: n.text, byName: n.by.name, at: n.at })

export const houseFile: Handler<typeof accountContract.houseFile> = async (ctx, { houseId }) => {
  const house = await staffHouse(ctx, houseId)
  const { c } = ctx.store
  const inHouse = { communityId: house.communityId, houseId }
  const [{ people }, bindings, tickets, open, total, bills, unpaid, decorations, vacancy, notes] = await Promise.all([
    peopleOf(ctx, houseId),
    c.bindings.find({ where: { houseId }, limit: 100 }),
    c.tickets.find({ where: inHouse, orderBy: [['createdAt', 'desc']], limit: TICKETS_SHOWN }),
    c.tickets.find({ where: { ...inHouse, open: true }, limit: 50 }),
    c.tickets.count(inHouse),
    c.bills.find({ where: { houseId }, orderBy: [['dueDate', 'desc']], limit: BILLS_SHOWN }),
    c.bills.find({ where: { houseId, status: 'unpaid' }, limit: 100 }),
    c.decorations.find({ where: { houseId }, orderBy: [['submittedAt', 'desc']], limit: 10 }),
    c.vacancies.get(houseId),
    c.houseNotes.find({ where: { houseId }, orderBy: [['at', 'desc']], limit: 50 }),
  ])
  const done = tickets.filter((t) => t.status === 'resolved' || t.status === 'closed')
  const deposits = decorations.flatMap((d) => (d.depositBillId ? [d.depositBillId] : []))
  const [surveys, depositBills] = await Promise.all([
    done.length ? c.surveys.find({ where: { _id: { $in: done.map((t) => surveyId(t._id, roundOf(t))) } }, limit: done.length }) : [],
    deposits.length ? c.bills.find({ where: { _id: { $in: deposits } }, limit: deposits.length }) : [],
  ])
  const rating = new Map(surveys.flatMap((s) => (s.answer ? [[s.ticketId, s.answer.overall] as const] : [])))
  const unpaidViews = unpaid.map((b) => billView(b, ctx.now, { staff: true }))
  return {
    house: { houseId, label: houseLabel(house), area: house.area, floor: house.floor, type: house.type ?? 'residential' },
    people: people.map((p) => ({ ...p, phone: maskPhone(p.phone) })),
    bindings: bindings
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((b) => ({
        id: b._id,
        name: b.name,
        role: b.role,
        phone: maskPhone(b.phone),
        phoneVerified: Boolean(b.phoneVerified),
        status: b.status,
        createdAt: b.createdAt,
        decidedAt: b.decidedAt,
        removedAt: b.removedAt,
        removedBy: b.removedBy,
        reason: b.reason,
      })),
    tickets: {
      items: tickets.map((t) => ({ ...summary(t, ctx), completionNote: t.completionNote, rating: rating.get(t._id) })),
      total,
      open: open.length,
    },
    disputes: open
      .filter((t) => t.type === 'complaint' || t.billId)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((t) => ({
        ticketId: t._id,
        no: t.no,
        kind: t.billId ? ('bill' as const) : ('complaint' as const),
        description: t.description,
        createdAt: t.createdAt,
      })),
    bills: {
      unpaid: unpaid.length,
      unpaidAmount: unpaidViews.reduce((s, b) => s + b.payable, 0),
      overdue: unpaidViews.filter((b) => b.overdueDays > 0).length,
      items: bills.sort((a, b) => Number(b.status === 'unpaid') - Number(a.status === 'unpaid')).map((b) => billView(b, ctx.now, { staff: true })),
    },
    decorations: decorations.map((d) => ({
      id: d._id,
      statusText: statusText(
        d.status,
        permitOf(
          ctx,
          d,
          depositBills.find((b) => b._id === d.depositBillId),
        ),
      ),
      open: isOpen(d),
      start: d.start,
      end: d.end,
      company: d.contractor.company,
      submittedAt: d.submittedAt,
    })),
    vacancy: vacancy ? { since: vacancy.since, care: vacancy.care, endedAt: vacancy.endedAt } : null,
    notes: notes.map(noteView),
  }
}

export const addHouseNote: Handler<typeof accountContract.addHouseNote> = async (ctx, { houseId, text }) => {
  const house = await staffHouse(ctx, houseId)
  const note: HouseNoteDoc = {
    _id: newId(ctx.now),
    communityId: house.communityId,
    houseId,
    building: house.building,
    text,
    by: { openid: ctx.openid, name: ctx.user?.staff?.name ?? '' },
    at: ctx.now,
  }
  await ctx.store.transaction(async (tx) => {
    await tx.c.houseNotes.set(note)
    await auditChange(tx, ctx, house.communityId, {
      kind: 'houseNote',
      summary: `${houseLabel(house)} 添加备注：${text}`,
      before: null,
      after: { id: note._id, text },
    })
  })
  return noteView(note)
}

export const callHouseMember: Handler<typeof accountContract.callHouseMember> = async (ctx, { houseId, key }) => {
  const house = await staffHouse(ctx, houseId)
  const person = (await peopleOf(ctx, houseId)).people.find((p) => p.key === key)
  if (!person) throw new AppError('NOT_FOUND', '该住户已不在此房屋的档案中，请刷新')
  await ctx.store.transaction((tx) =>
    auditChange(tx, ctx, house.communityId, { kind: 'phone', summary: `拨打 ${houseLabel(house)} ${person.name}`, before: null, after: { houseId, key } }),
  )
  return { phone: person.phone }
}
