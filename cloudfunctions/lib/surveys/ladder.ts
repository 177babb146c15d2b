import { formatTime } from '../../../src/core/shared/time'
import { COMPLAINT_CALLBACK_MS } from '../../../src/core/surveys/rules'
import type { Answer, CallbackDoc } from '../../../src/core/surveys/types'
import type { Actor } from '../../../src/core/tickets/types'
import type { Ctx } from '../runtime/context'
import { openTicket } from '../tickets/open'
import { addEvent } from '../tickets/events'
import { communityStaff, tellResidents, tellStaff, zoneManagers } from '../tickets/tell'

const SYSTEM: Actor = { openid: 'system', role: 'system', name: '系统' }

/**
 * A bad outcome climbs the ladder: a complaint ticket, made by the tickets' own machinery, held by
 * the 客服主任 with a callback due in 24 h; the handler and their 管理员 hear of it; the resident
 * is told who will call and by when; both tickets show the link. The caller has already claimed
 * the survey (complaintId 'pending') in its own transaction, so this runs once per round; if the
 * process dies half way, the scheduler's `complaints` job runs it again, and the complaint's fixed id
 * (cp_<survey>) keeps that retry from opening a second one.
 */
export async function openComplaint(ctx: Ctx, surveyId: string, answer: Pick<Answer, 'overall' | 'resolved' | 'tags' | 'comment' | 'source'>) {
  const surveys = ctx.store.c.surveys
  const s = (await surveys.get(surveyId))!
  const orig = await ctx.store.c.tickets.get(s.ticketId)
  const house = orig?.houseId ? await ctx.store.c.houses.get(orig.houseId) : null
  if (!orig || !house) return null
  const staff = await communityStaff(ctx.store, s.communityId)
  const supervisors = staff.filter((u) => u.staff?.roles.includes('supervisor'))
  const chief = supervisors.find((u) => u.staff?.onDuty) ?? supervisors[0]
  const why = [
    `评分 ${answer.overall} 星`,
    answer.resolved ? '' : '问题未解决',
    ...answer.tags.filter((t) => ['不准时', '没修好', '态度差', '乱收费'].includes(t)),
  ]
    .filter(Boolean)
    .join('，')
  const description = `回访差评：${orig.no}（${why}）${answer.comment ? `。住户留言：${answer.comment}` : ''}`.slice(0, 500)
  const made = await openTicket(ctx, {
    input: { type: 'complaint', scope: 'home', houseId: house._id, category: orig.category, description, photos: [] },
    house,
    reporter: { openid: orig.reporterOpenid, name: orig.reporter.name, phone: orig.reporter.phone },
    source: answer.source === 'callback' ? 'phone' : 'app',
    actor: SYSTEM,
    id: `cp_${surveyId}`,
  })
  const due = ctx.now + COMPLAINT_CALLBACK_MS
  await ctx.store.transaction(async (tx) => {
    const tickets = tx.c.tickets
    const complaint = (await tickets.get(made.id))!
    const o = (await tickets.get(orig._id))!
    await tickets.update(complaint._id, { owner: chief?._id, lowRating: true, links: [...new Set([...complaint.links, o._id])] })
    await tickets.update(o._id, { links: [...new Set([...o.links, complaint._id])] })
    const sv = (await tx.c.surveys.get(surveyId))!
    if (sv.complaintId !== 'pending') return // another run finished it meanwhile
    await tx.c.surveys.set({ ...sv, complaintId: complaint._id, updatedAt: ctx.now })
    const task: CallbackDoc = {
      _id: `cb_${complaint._id}`,
      kind: 'complaint',
      surveyId,
      ticketId: complaint._id,
      ticketNo: complaint.no,
      communityId: complaint.communityId,
      place: complaint.place,
      residentName: orig.reporter.name,
      phone: orig.reporter.phone,
      state: 'open',
      dueAt: due,
      ...(chief ? { assignee: chief._id, assigneeName: chief.staff!.name } : {}),
      attempts: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    await tx.c.callbacks.set(task)
    const chiefName = chief?.staff?.name ?? '客服主任'
    await addEvent(tx, complaint, 'survey_complaint', SYSTEM, ctx.now, `由 ${o.no} 的回访差评生成，客服主任${chiefName}须在 ${formatTime(due)} 前回访住户`, {
      data: { from: o._id, surveyId, dueAt: due },
    })
    await addEvent(tx, o, 'bad_rating', SYSTEM, ctx.now, `回访差评（${why}），已生成投诉 ${complaint.no}`, {
      internal: true,
      data: { complaintId: complaint._id },
    })
    if (chief)
      await tellStaff(
        tx,
        complaint,
        ctx.now,
        [chief._id],
        '回访差评：新投诉',
        `${o.no} ${o.place}：${why}，请在 ${formatTime(due)} 前回访住户`,
        'ticketAlert',
        '差评',
      )
    const managers = zoneManagers(staff, o.building)
    const ladder = [o.assignee, ...managers].filter((x): x is string => Boolean(x))
    await tellStaff(tx, o, ctx.now, ladder, '回访差评', `${o.no} ${o.place}：${why}，已转客服主任${chiefName}跟进（${complaint.no}）`, 'ticketAlert', '差评')
    await tellResidents(tx, complaint, ctx.now, '我们会尽快联系您', `很抱歉这次服务没有让您满意。客服主任${chiefName}将在 ${formatTime(due)} 前与您电话联系`)
  })
  return made.id
}
