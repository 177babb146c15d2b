import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import type { BillDoc, CampaignDoc, CampaignRecipientDoc, RecipientStatus } from '../../../src/core/bills/types'
import { addDays, today } from '../../../src/core/bills/reminders'
import { bandDueRange } from '../../../src/core/bills/aging'
import { AppError } from '../../../src/core/shared/errors'
import { isSettled, type OutboxDoc } from '../../lib/outbox/notify'
import type { Ctx } from '../../lib/runtime/context'
import { newId } from '../../lib/runtime/ids'
import { debtorsOf, promptDebtors } from '../../lib/bills/prompt'
import { reminderPolicyOf } from '../../lib/bills/policy'
import { scanBills } from '../../lib/bills/scan'
import { billsByIds } from '../../lib/bills/views'
import { unpaidScope } from './arrears'
import { covers, scopeOf } from '../../../src/core/access/scope'

/** A 催缴 campaign: everyone bound to a house that still owes in the building or aging band. */
export const startCampaign: Handler<typeof billsContract.startCampaign> = async (ctx, { building, band }) => {
  if (Boolean(building) === Boolean(band)) throw new AppError('INVALID_INPUT', '请选择一个楼栋或一个账龄段')
  const where = unpaidScope(ctx, building)
  if (band) {
    const r = bandDueRange(band, today(ctx.now), addDays)
    where.dueDate = { ...(r.from ? { $gte: r.from } : {}), $lte: r.to }
  }
  const bills: BillDoc[] = []
  await scanBills(ctx.store, where, (page) => void bills.push(...page))
  const { debtors, unreachableHouses } = await debtorsOf(ctx.store, bills, ctx.now)
  const staffName = ctx.user?.staff?.name ?? ''
  // The community's minimum gap and quiet hours hold for a campaign as for the daily prompts.
  const policy = await reminderPolicyOf(ctx.store, ctx.user!.staff!.communityId)
  const results = await promptDebtors(ctx.store, ctx.now, debtors, { policy, lead: () => '物业服务中心提醒您：' })

  const campaignId = newId(ctx.now)
  const docs: CampaignRecipientDoc[] = debtors.map((d, i) => {
    const r = results[i]
    return {
      _id: `${campaignId}_${d.openid}`,
      campaignId,
      openid: d.openid,
      name: d.name,
      houseLabel: d.houseLabels.join('、'),
      billIds: d.billIds,
      amount: d.amount,
      ...(r.sent ? { messageId: r.messageId, ...(r.outboxId ? { outboxId: r.outboxId } : {}) } : { skipped: 'recent' as const }),
      createdAt: ctx.now,
    }
  })
  const campaign: CampaignDoc = {
    _id: campaignId,
    communityId: ctx.user!.staff!.communityId,
    ...(building ? { building } : {}),
    ...(band ? { band } : {}),
    createdBy: ctx.openid,
    createdByName: staffName,
    recipients: docs.length,
    skippedRecent: results.filter((r) => !r.sent).length,
    unreachableHouses,
    createdAt: ctx.now,
  }
  for (let i = 0; i < docs.length; i += 100) {
    await ctx.store.transaction(async (tx) => {
      for (const d of docs.slice(i, i + 100)) await tx.c.campaignRecipients.set(d)
    })
  }
  await ctx.store.c.campaigns.set(campaign)
  return campaignView(ctx, campaign, docs)
}

export const campaign: Handler<typeof billsContract.campaign> = async (ctx, { campaignId }) => {
  const c = await ctx.store.c.campaigns.get(campaignId)
  // A building's campaign is seen by whoever's scope holds that building; an aging-band one spans
  // the scope of who started it, so it is theirs and the whole community's staff's.
  const scope = scopeOf(ctx.user?.staff)
  const wholeCommunity = scope?.communityId === c?.communityId && scope?.buildings === null
  const seen = c && (c.building ? covers(scope, { communityId: c.communityId, building: c.building }) : c.createdBy === ctx.openid || wholeCommunity)
  if (!c || !seen) throw new AppError('NOT_FOUND', '催缴记录不存在')
  const docs = await ctx.store.c.campaignRecipients.find({ where: { campaignId }, orderBy: [['_id', 'asc']], limit: 1000 })
  return campaignView(ctx, c, docs)
}

/** Each recipient's status now: paid meanwhile wins; else what the outbox did with the push. */
async function campaignView(ctx: Ctx, c: CampaignDoc, docs: CampaignRecipientDoc[]) {
  const bills = new Map((await billsByIds(ctx, [...new Set(docs.flatMap((d) => d.billIds))])).map((b) => [b._id, b]))
  const outboxIds = docs.flatMap((d) => (d.outboxId ? [d.outboxId] : []))
  const outbox = new Map<string, OutboxDoc>()
  for (let i = 0; i < outboxIds.length; i += 100) {
    const slice = outboxIds.slice(i, i + 100)
    for (const o of await ctx.store.c.outbox.find({ where: { _id: { $in: slice } }, limit: slice.length })) outbox.set(o._id, o)
  }
  const statusOf = (d: CampaignRecipientDoc): RecipientStatus => {
    if (d.billIds.every((id) => bills.get(id)?.status !== 'unpaid')) return 'paid'
    if (d.skipped) return 'recent'
    const o = d.outboxId ? outbox.get(d.outboxId) : undefined
    if (!o) return 'inapp'
    return isSettled(o) ? o.status : 'pending'
  }
  return {
    id: c._id,
    building: c.building,
    band: c.band,
    createdByName: c.createdByName,
    createdAt: c.createdAt,
    skippedRecent: c.skippedRecent,
    unreachableHouses: c.unreachableHouses,
    recipients: docs.map((d) => ({ name: d.name, houseLabel: d.houseLabel, amount: d.amount, status: statusOf(d) })),
  }
}
