import { AppError } from '../../../src/core/shared/errors'
import { derive } from '../../../src/core/tickets/escalation'
import { transition, type TicketEvent } from '../../../src/core/tickets/machine'
import type { Actor, TicketDoc } from '../../../src/core/tickets/types'
import type { Tx } from '../ports/store'
import type { Ctx } from '../runtime/context'
import { assertCanSee } from './access'
import { actorFor } from './actor'
import { rulesFor, type Rules } from './policy'
import { summary } from './views'
import { wakeFor } from './wake'

export interface Step {
  /** The ticket after the transition, before `apply`: fill in what this event changes. */
  apply?(t: TicketDoc, ctx: StepCtx): TicketDoc | Promise<TicketDoc>
  /** Timeline, thread and notifications of this step, written in the same transaction. */
  after(t: TicketDoc, ctx: StepCtx): Promise<void>
}

export interface StepCtx {
  tx: Tx
  now: number
  actor: Actor
  before: TicketDoc
  rules: Rules
}

/**
 * Every state change of a ticket: read it in a transaction, check the caller may see it and the
 * state machine allows the event, apply the change, keep the scheduler's fields right, and write
 * the timeline and notifications with it. Nothing is half done.
 */
export async function act(ctx: Ctx, ticketId: string, event: TicketEvent, step: Step) {
  const rules0 = { loaded: null as Rules | null }
  const t = await ctx.store.transaction(async (tx) => {
    const before = await tx.c.tickets.get(ticketId)
    if (!before) throw new AppError('NOT_FOUND', '工单不存在')
    assertCanSee(ctx, before)
    const actor = actorFor(ctx, event, before)
    const status = transition(before, event, actor, ctx.now)
    rules0.loaded ??= await rulesFor(ctx.store, before.communityId)
    const sctx: StepCtx = { tx, now: ctx.now, actor, before, rules: rules0.loaded }
    let next: TicketDoc = { ...before, status, updatedAt: ctx.now }
    if (step.apply) next = await step.apply(next, sctx)
    next = derive(next, ctx.now)
    await tx.c.tickets.set(next)
    await wakeFor(tx, before, next, ctx.now)
    await step.after(next, sctx)
    return next
  })
  return summary(t, ctx)
}
