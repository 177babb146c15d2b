import { derive, dueSteps } from '../../../src/core/tickets/escalation'
import { AUTO_CLOSE_MS } from '../../../src/core/tickets/machine'
import { DEADLINE_LABELS, type Actor, type TicketDoc } from '../../../src/core/tickets/types'
import { spoken } from '../../../src/core/tickets/promise'
import type { UserDoc } from '../../../src/core/account/types'
import type { Deps } from '../runtime/deps'
import { addEvent } from './events'
import { communityStaff, tellResidents, tellStaff, zoneManagers } from './tell'
import { splitDue, wake } from '../runtime/schedule'

const SYSTEM: Actor = { openid: 'system', role: 'system', name: '系统' }
const LEVEL_WORDS = { 1: '即将超时', 2: '已超时', 3: '严重超时' } as const

/** Who hears of each rung: the holder, then the building's 管理员, then the 客服主任. */
function recipients(t: TicketDoc, level: 1 | 2 | 3, staff: UserDoc[]): string[] {
  if (level === 1) return t.assignee ? [t.assignee] : t.owner ? [t.owner] : staff.filter((u) => u.staff?.roles.includes('agent')).map((u) => u._id)
  if (level === 2) return zoneManagers(staff, t.building)
  return staff.filter((u) => u.staff?.roles.includes('supervisor')).map((u) => u._id)
}

/**
 * The scheduler's pass over tickets whose next check is due: climb the ladder (each rung once,
 * in the timeline and notified) and auto-close resolved work after 48 hours. A ticket is handled
 * in its own transaction, so one bad ticket cannot undo another's escalation.
 */
export async function escalate(deps: Deps, batch = 200) {
  const now = deps.clock.now()
  const tickets = deps.store.c.tickets
  // No upper bound: the first ticket not yet due says when to look next.
  const page = await tickets.find({ where: { nextCheckAt: { $ne: null } }, orderBy: [['nextCheckAt', 'asc']], limit: batch })
  const { due, nextAt: first } = splitDue(page, (t) => t.nextCheckAt!, now, batch)
  let nextAt = first
  const tally = { warned: 0, manager: 0, supervisor: 0, autoClosed: 0 }
  const staffCache = new Map<string, UserDoc[]>()
  for (const pre of due) {
    if (!staffCache.has(pre.communityId)) staffCache.set(pre.communityId, await communityStaff(deps.store, pre.communityId))
    const staff = staffCache.get(pre.communityId)!
    await deps.store.transaction(async (tx) => {
      const t = await tx.c.tickets.get(pre._id)
      if (!t || t.nextCheckAt === null || t.nextCheckAt > now) return
      let next: TicketDoc = { ...t }
      if (t.status === 'resolved' && t.resolvedAt !== undefined && now >= t.resolvedAt + AUTO_CLOSE_MS) {
        next = { ...next, status: 'closed', closedAt: now, updatedAt: now, surveyState: 'due' }
        await addEvent(tx, t, 'auto_closed', SYSTEM, now, '48 小时内未反馈，系统自动确认完成')
        await tellResidents(tx, next, now, '工单已完成', '处理完成 48 小时内未收到您的反馈，工单已自动完成；如仍有问题可在 7 天内重新打开')
        await wake(tx, 'surveys', now)
        tally.autoClosed++
      }
      for (const step of dueSteps(next, now)) {
        const d = next.sla[step.key]!
        next = { ...next, sla: { ...next.sla, [step.key]: { ...d, level: step.level } } }
        const who = recipients(next, step.level, staff)
        const names = staff.filter((u) => who.includes(u._id)).map((u) => u.staff!.name)
        const words = `${DEADLINE_LABELS[step.key]}${LEVEL_WORDS[step.level]}（时限 ${spoken(d.due, now)}）`
        await addEvent(tx, next, step.level === 1 ? 'warned' : 'escalated', SYSTEM, now, `${words}，已通知${names.join('、') || '相关人员'}`, {
          internal: true,
          data: { key: step.key, level: step.level, to: who },
        })
        await tellStaff(tx, next, now, who, `工单${LEVEL_WORDS[step.level]}`, `${next.no} ${next.place}：${words}`, 'ticketAlert', LEVEL_WORDS[step.level])
        tally[step.level === 1 ? 'warned' : step.level === 2 ? 'manager' : 'supervisor']++
      }
      const written = derive(next, now)
      await tx.c.tickets.set(written)
      // Its next rung counts too: it was not on the page as a future check.
      if (written.nextCheckAt !== null) nextAt = Math.min(nextAt ?? written.nextCheckAt, written.nextCheckAt)
    })
  }
  return { ...tally, nextAt }
}
