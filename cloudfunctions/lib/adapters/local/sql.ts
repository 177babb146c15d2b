import { AppError } from '../../../../src/core/shared/errors'
import type { Condition, Query, Scalar } from '../../ports/store'

const FIELD_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

export const tableName = (collection: string) => {
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(collection)) throw new AppError('INVALID_INPUT', `bad collection ${collection}`)
  return `c_${collection}`
}

/** The SQL expression for a document field; identical text in indexes and queries lets SQLite use them. */
export function fieldExpr(field: string): string {
  if (field === '_id') return 'id'
  if (!FIELD_RE.test(field)) throw new AppError('INVALID_INPUT', `bad field ${field}`)
  return `json_extract(doc, '$.${field}')`
}

/** JSON booleans come back from json_extract as 0/1. */
const bind = (v: Scalar) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

function condition(expr: string, cond: Condition, params: unknown[]): string[] {
  if (cond === null) return [`${expr} IS NULL`]
  if (typeof cond !== 'object') {
    params.push(bind(cond))
    return [`${expr} = ?`]
  }
  const out: string[] = []
  const ops: [keyof typeof cond, string][] = [
    ['$eq', '='],
    ['$gt', '>'],
    ['$gte', '>='],
    ['$lt', '<'],
    ['$lte', '<='],
  ]
  for (const [op, sqlOp] of ops) {
    const v = cond[op] as Scalar | undefined
    if (v === undefined) continue
    if (v === null) out.push(`${expr} IS NULL`)
    else {
      params.push(bind(v))
      out.push(`${expr} ${sqlOp} ?`)
    }
  }
  if (cond.$ne !== undefined) {
    if (cond.$ne === null) out.push(`${expr} IS NOT NULL`)
    else {
      params.push(bind(cond.$ne))
      out.push(`(${expr} IS NULL OR ${expr} <> ?)`)
    }
  }
  for (const [op, neg] of [
    ['$in', false],
    ['$nin', true],
  ] as const) {
    const list = cond[op]
    if (list === undefined) continue
    if (list.length === 0) out.push(neg ? '1' : '0')
    else {
      params.push(...list.map(bind))
      out.push(`${expr} ${neg ? 'NOT IN' : 'IN'} (${list.map(() => '?').join(', ')})`)
    }
  }
  if (cond.$exists !== undefined) out.push(cond.$exists ? `${expr} IS NOT NULL` : `${expr} IS NULL`)
  return out
}

export function compileQuery(table: string, q: Query, mode: 'rows' | 'count' = 'rows') {
  const params: unknown[] = []
  const where: string[] = []
  for (const [field, cond] of Object.entries(q.where ?? {})) where.push(...condition(fieldExpr(field), cond, params))
  let sql = mode === 'count' ? `SELECT count(*) AS n FROM ${table}` : `SELECT doc FROM ${table}`
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`
  if (mode === 'rows') {
    if (q.orderBy?.length) sql += ` ORDER BY ${q.orderBy.map(([f, d]) => `${fieldExpr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`
    sql += ` LIMIT ${Math.max(0, Math.floor(q.limit ?? 100))} OFFSET ${Math.max(0, Math.floor(q.offset ?? 0))}`
  }
  return { sql, params }
}
