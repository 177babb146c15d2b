import type { Store } from '../ports/store'

/**
 * subscriptions/<openid>_<templateKey>: how many one-time subscribe messages a resident has
 * granted for a template (each accepted request allows exactly one message) and how many we
 * have used. WeChat gives no way to ask; counting is the only way not to waste a send.
 */
export interface SubscriptionDoc {
  _id: string
  openid: string
  templateKey: string
  accepted: number
  sent: number
  updatedAt: number
}

export const subscriptionId = (openid: string, templateKey: string) => `${openid}_${templateKey}`

export async function grant(store: Store, openid: string, templateKeys: string[], now: number) {
  if (!templateKeys.length) return
  await store.transaction(async (tx) => {
    for (const key of templateKeys) {
      const id = subscriptionId(openid, key)
      const cur = await tx.c.subscriptions.get(id)
      await tx.c.subscriptions.set({
        _id: id,
        openid,
        templateKey: key,
        accepted: (cur?.accepted ?? 0) + 1,
        sent: cur?.sent ?? 0,
        updatedAt: now,
      })
    }
  })
}

export async function hasQuota(store: Store, openid: string, templateKey: string) {
  const q = await store.c.subscriptions.get(subscriptionId(openid, templateKey))
  return q !== null && q.accepted > q.sent
}

/** One grant used; or, on WeChat's 43101, all of them (our count was behind the truth). */
export async function consume(store: Store, openid: string, templateKey: string, now: number, exhausted = false) {
  await store.transaction(async (tx) => {
    const id = subscriptionId(openid, templateKey)
    const q = await tx.c.subscriptions.get(id)
    if (!q) return
    await tx.c.subscriptions.update(id, { sent: exhausted ? q.accepted : q.sent + 1, updatedAt: now })
  })
}
