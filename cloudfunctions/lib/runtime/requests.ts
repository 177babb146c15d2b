import type { Tx } from '../ports/store'

/**
 * requests/<openid>_<requestId>: what a create made under the request id the app sent with it.
 * The app keeps one id per draft, so a tap after a lost answer ("网络连接失败") returns the
 * ticket already filed instead of filing a second one. Read and written in the create's own
 * transaction, so two tries at once cannot both create.
 */
export interface RequestDoc {
  _id: string
  made: string
  at: number
}

const key = (openid: string, requestId: string) => `${openid}_${requestId}`

/** The id an earlier try with this request id made, or null (also when no request id was sent). */
export async function madeBefore(tx: Tx, openid: string, requestId: string | undefined): Promise<string | null> {
  if (!requestId) return null
  return (await tx.c.requests.get(key(openid, requestId)))?.made ?? null
}

export async function remember(tx: Tx, openid: string, requestId: string | undefined, made: string, now: number): Promise<void> {
  if (requestId) await tx.c.requests.set({ _id: key(openid, requestId), made, at: now })
}
