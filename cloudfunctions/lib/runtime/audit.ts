import type { AuditDoc, AuditKind } from '../../../src/core/supervisor/types'
import type { Tx } from '../ports/store'
import type { Ctx } from './context'
import { newId } from './ids'

/**
 * The audit record of a change, written with `tx` — the transaction that makes the change — so
 * a change without its record (or a record of a change that never happened) cannot exist.
 */
export async function auditChange(tx: Tx, ctx: Ctx, communityId: string, change: { kind: AuditKind; summary: string; before: unknown; after: unknown }) {
  const doc: AuditDoc = {
    _id: newId(ctx.now),
    communityId,
    kind: change.kind,
    actor: ctx.openid,
    // Residents act too (an owner removing a tenant): their nickname stands where staff have a name.
    actorName: ctx.user?.staff?.name ?? ctx.user?.nickname ?? '',
    at: ctx.now,
    summary: change.summary,
    // The trail stores JSON; `undefined` (nothing before a create, nothing after a delete) becomes null.
    before: change.before ?? null,
    after: change.after ?? null,
  }
  await tx.c.audit.set(doc)
}
