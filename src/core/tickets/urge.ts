import type { TicketDoc } from './types'

/**
 * 催单. A resident may urge once the desk has had a fair chance (the community's urge minutes
 * after filing, 30 by default), then once per that many minutes after each urge. The ticket keeps
 * the moment it next may (`urgeAt`), so a page can say so without reading the community's rules.
 */
export const DEFAULT_URGE_MINUTES = 30
const MIN = 60_000

/** Normal work a resident has urged sorts between emergencies (0) and the rest (1) in 新工单. */
export const URGED_RANK = 0.5

export const urgeOpensAt = (since: number, minutes: number) => since + minutes * MIN

type Urgeable = Pick<TicketDoc, 'createdAt' | 'lastUrgeAt' | 'urgeAt' | 'urgeCount'>

/** When the resident may next urge; tickets filed before `urgeAt` was kept count from their last step. */
export const nextUrgeAt = (t: Urgeable) => t.urgeAt ?? urgeOpensAt(t.lastUrgeAt ?? t.createdAt, DEFAULT_URGE_MINUTES)

/** Why not yet, in the resident's words: "提交 30 分钟后可催单" or "每 30 分钟可催一次". */
export function urgeRule(t: Urgeable): string {
  const since = t.urgeCount ? (t.lastUrgeAt ?? t.createdAt) : t.createdAt
  const minutes = Math.max(1, Math.round((nextUrgeAt(t) - since) / MIN))
  return t.urgeCount ? `每 ${minutes} 分钟可催一次` : `提交 ${minutes} 分钟后可催单`
}

/** The refusal when it is too early: the rule, and how long is left. */
export function urgeTooEarly(t: Urgeable, now: number): string | null {
  const wait = nextUrgeAt(t) - now
  if (wait <= 0) return null
  const minutes = Math.ceil(wait / MIN)
  return t.urgeCount ? `已催过单，请 ${minutes} 分钟后再试` : `${urgeRule(t)}，请 ${minutes} 分钟后再试`
}
