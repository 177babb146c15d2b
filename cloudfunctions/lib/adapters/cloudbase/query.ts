import type { Condition, Filter, Query } from '../../ports/store'
import { MAX_LIMIT } from '../../ports/store'

/**
 * The part of wx-server-sdk's `db.command` we use. Kept as an interface so the translation
 * below is a pure function, tested without WeChat.
 */
export interface Command {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  in(v: unknown[]): unknown
  nin(v: unknown[]): unknown
  exists(v: boolean): unknown
  and(...c: unknown[]): unknown
}

function translateCondition(cond: Condition, _: Command): unknown {
  if (cond === null || typeof cond !== 'object') return cond
  const parts: unknown[] = []
  if (cond.$eq !== undefined) parts.push(_.eq(cond.$eq))
  if (cond.$ne !== undefined) parts.push(_.neq(cond.$ne))
  if (cond.$gt !== undefined) parts.push(_.gt(cond.$gt))
  if (cond.$gte !== undefined) parts.push(_.gte(cond.$gte))
  if (cond.$lt !== undefined) parts.push(_.lt(cond.$lt))
  if (cond.$lte !== undefined) parts.push(_.lte(cond.$lte))
  if (cond.$in !== undefined) parts.push(_.in([...cond.$in]))
  if (cond.$nin !== undefined) parts.push(_.nin([...cond.$nin]))
  if (cond.$exists !== undefined) parts.push(_.exists(cond.$exists))
  return parts.length === 1 ? parts[0] : _.and(...parts)
}

/** Our filter → the object passed to `collection.where(...)`. Dotted paths are kept: CloudBase reads them as nested fields. */
export function translateFilter(where: Filter | undefined, _: Command): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(where ?? {})) out[field] = translateCondition(cond, _)
  return out
}

/** A query as the chain of wx-server-sdk calls that runs it. */
export interface QueryPlan {
  where: Record<string, unknown>
  orderBy: [string, 'asc' | 'desc'][]
  skip: number
  limit: number
}

export function planQuery(q: Query, _: Command): QueryPlan {
  return {
    where: translateFilter(q.where, _),
    orderBy: q.orderBy ?? [],
    skip: Math.max(0, q.offset ?? 0),
    limit: Math.min(Math.max(1, q.limit ?? 100), MAX_LIMIT),
  }
}

/** Minimal shape of a wx-server-sdk collection reference, for applying a plan. */
export interface CollectionRef {
  where(w: unknown): CollectionRef
  orderBy(field: string, dir: string): CollectionRef
  skip(n: number): CollectionRef
  limit(n: number): CollectionRef
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
}

export function applyPlan(ref: CollectionRef, plan: QueryPlan): CollectionRef {
  let r = Object.keys(plan.where).length ? ref.where(plan.where) : ref
  for (const [f, d] of plan.orderBy) r = r.orderBy(f, d)
  if (plan.skip) r = r.skip(plan.skip)
  return r.limit(plan.limit)
}
