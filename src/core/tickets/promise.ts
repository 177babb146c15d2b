import { shanghaiDayStart } from './calendar'
import { nextPromise } from './sla'
import type { TicketDoc } from './types'
import { windowText } from './visit'

/** A time as a resident says it: 14:30, 明天 09:00, 11月26日 18:00. */
export function spoken(t: number, now: number): string {
  // Fixed UTC+8 (see calendar.ts): this runs for every row of every list.
  const local = new Date(t + 8 * 3600_000)
  const hm = local.toISOString().slice(11, 16)
  const days = (shanghaiDayStart(t) - shanghaiDayStart(now)) / 86400_000
  if (days === 0) return hm
  if (days === 1) return `明天 ${hm}`
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hm}`
}

/** What we promise the resident right now, in one sentence. */
export function promiseText(
  t: Pick<TicketDoc, 'status' | 'sla' | 'assigneeName' | 'type' | 'pauseReason' | 'priority' | 'mergedInto' | 'respondedAt' | 'visit'>,
  now: number,
): string {
  const next = nextPromise(t.sla, now)
  const by = next ? spoken(next.due, now) : ''
  const who = t.assigneeName ? `${t.assigneeName}师傅` : '工作人员'
  switch (t.status) {
    case 'new':
      if (t.priority === 'emergency') return '紧急事件已通知值班人员，请保持电话畅通'
      // Answered but not yet dispatched: the desk has it; the next promise is the visit, not the answer.
      if (t.respondedAt !== undefined)
        return t.type === 'repair' ? `客服已受理，正在安排师傅${by && next?.key === 'arrive' ? `，预计 ${by} 前上门` : ''}` : '客服已受理，正在处理'
      return by ? `客服将在 ${by} 前受理` : '客服正在受理'
    case 'dispatched':
      return `已派给${who}，等待接单`
    case 'accepted':
      if (t.visit && t.visit.end > now) return `${who}已接单，约好 ${windowText(t.visit, now)} 上门`
      return t.type === 'repair' && next?.key === 'arrive' ? `${who}已接单，预计 ${by} 前上门` : `${who}已接单，正在处理`
    case 'in_progress':
      return by && next?.key === 'resolve' ? `${who}正在处理，预计 ${by} 前完成` : `${who}正在处理`
    case 'paused':
      return t.pauseReason === 'parts'
        ? '等待配件，到货后继续处理'
        : t.pauseReason === 'absent'
          ? '上门时家中无人，请联系客服约定时间'
          : '暂停处理中，恢复后继续'
    case 'resolved':
      return '已处理完毕，请确认是否解决'
    case 'closed':
      return '已完成，感谢您的反馈'
    case 'cancelled':
      return '已取消'
    case 'merged':
      return '与其他住户反映的问题合并处理，进度同步通知您'
  }
}
