import { STATUS_LABELS, type Status, type TicketDoc, type TicketType } from './types'

/**
 * Where a ticket is, at a glance, in the resident's words. A repair goes 提交 → 受理 → 派单 → 上门
 * → 完工 → 评价; other work has no visit: 提交 → 受理 → 处理 → 完成 → 评价. The status line comes
 * from the same facts, so it never says 待受理 under a reply the desk has already sent.
 */
const REPAIR_STEPS = ['提交', '受理', '派单', '上门', '完工', '评价'] as const
const OTHER_STEPS = ['提交', '受理', '处理', '完成', '评价'] as const

type Facts = Pick<TicketDoc, 'type' | 'status' | 'respondedAt' | 'pausedFrom'> & { rated: boolean }

/** The status a resident reads: 已受理 once the desk has answered a new ticket. */
export function statusLabel(t: Pick<TicketDoc, 'status' | 'respondedAt'>): string {
  return t.status === 'new' && t.respondedAt !== undefined ? '已受理' : STATUS_LABELS[t.status]
}

export const stepsOf = (type: TicketType): readonly string[] => (type === 'repair' ? REPAIR_STEPS : OTHER_STEPS)

/** How many steps are done (1 = submitted); null for work that left the loop (cancelled, merged). */
export function stepsDone(t: Facts): number | null {
  const repair = t.type === 'repair'
  const at = (s: Status): number | null => {
    switch (s) {
      case 'new':
        return t.respondedAt !== undefined ? 2 : 1
      case 'dispatched':
      case 'accepted':
        return repair ? 3 : 2
      case 'in_progress':
        return repair ? 4 : 3
      case 'paused':
        return at(t.pausedFrom ?? 'accepted')
      case 'resolved':
        return repair ? 5 : 4
      case 'closed':
        return (repair ? 5 : 4) + (t.rated ? 1 : 0)
      default:
        return null
    }
  }
  return at(t.status)
}
