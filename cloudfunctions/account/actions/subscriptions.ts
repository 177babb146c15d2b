import type { Handler } from '../../lib/runtime/handler'
import type { accountContract } from '../../../src/core/account/contracts'
import { isTemplateKey } from '../../../src/core/shared/templates'
import { templateId, templateTitle } from '../../lib/templates'
import { grant } from '../../lib/outbox/quota'

/** Unknown keys are skipped, not refused: an older client may still ask for a retired template. */
export const subscribeTemplates: Handler<typeof accountContract.subscribeTemplates> = async (_ctx, { keys }) =>
  keys.filter(isTemplateKey).map((k) => ({ key: k, id: templateId(k) || `local-${k}`, title: templateTitle(k) }))

export const recordSubscriptions: Handler<typeof accountContract.recordSubscriptions> = async (ctx, { results }) => {
  const granted = Object.entries(results)
    .filter(([k, r]) => r === 'accept' && isTemplateKey(k))
    .map(([k]) => k)
  await grant(ctx.store, ctx.openid, granted, ctx.now)
  return { granted }
}
