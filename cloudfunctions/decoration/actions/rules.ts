import { AppError } from '../../../src/core/shared/errors'
import type { decorationContract } from '../../../src/core/decoration/contracts'
import { hoursText, rulesProblems } from '../../../src/core/decoration/types'
import { yuan } from '../../../src/core/shared/money'
import type { Handler } from '../../lib/runtime/handler'
import { auditChange } from '../../lib/runtime/audit'
import { communityOf } from '../../lib/runtime/scope'
import { rulesOf, rulesView } from '../../lib/decoration/views'

export const rules: Handler<typeof decorationContract.rules> = async (ctx) => rulesView(await rulesOf(ctx.store, communityOf(ctx)))

/** settings/<communityId>.decoration: read by every approval and its neighbour notice; validated whole, audited with it. */
export const setRules: Handler<typeof decorationContract.setRules> = async (ctx, input) => {
  const communityId = communityOf(ctx)
  const wrong = rulesProblems(input)
  if (Object.keys(wrong).length) throw new AppError('INVALID_INPUT', Object.values(wrong)[0], wrong)
  const periods = [...input.periods].sort((a, b) => a.from.localeCompare(b.from))
  await ctx.store.transaction(async (tx) => {
    const s = await tx.c.settings.get(communityId)
    const was = s?.decoration
    const next = { periods, weekend: input.weekend, deposit: input.deposit }
    if (was && hoursText(was) === hoursText(next) && was.deposit === next.deposit) return
    await tx.c.settings.set({ ...(s ?? { _id: communityId }), decoration: { ...next, updatedAt: ctx.now, updatedByName: ctx.user?.staff?.name ?? '' } })
    await auditChange(tx, ctx, communityId, {
      kind: 'decoration',
      summary: `装修规定：${hoursText(next)}；押金 ¥${yuan(next.deposit)}`,
      before: was ?? null,
      after: next,
    })
  })
  return rulesView(await rulesOf(ctx.store, communityId))
}
