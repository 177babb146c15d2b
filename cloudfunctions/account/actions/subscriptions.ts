import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { TEMPLATES } from '../../lib/templates'
import { grant } from '../../lib/outbox/quota'

/** Unknown keys are skipped, not refused: an older client may still ask for a retired template. */
export const subscribeTemplates: Handler<typeof accountContract.subscribeTemplates> = async (_ctx, { keys }) =>
  keys.filter((k) => TEMPLATES[k]).map((k) => ({ key: k, id: TEMPLATES[k].id || `local-${k}`, title: TEMPLATES[k].title }))

export const recordSubscriptions: Handler<typeof accountContract.recordSubscriptions> = async (ctx, { results }) => {
  const granted = Object.entries(results)
    .filter(([k, r]) => r === 'accept' && TEMPLATES[k])
    .map(([k]) => k)
  await grant(ctx.store, ctx.openid, granted, ctx.now)
  return { granted }
}
