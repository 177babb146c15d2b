import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { OPEN_STATUSES } from '../../../../src/core/tickets/types'
import { indexDefsOf } from '../../collections'
import type { Doc, Filter, Query, Scalar, Store } from '../../ports/store'
import { MAX_LIMIT } from '../../ports/store'
import { declaredIndexes, SCHEMA_VERSION } from './schema'
import { compileQuery, tableName } from './sql'
import { openSqliteStore } from './sqlite-store'

/**
 * A database made by an earlier version of the code, in the current layout: a stray index no one
 * declares, the full (not partial) nextCheckAt and staff.communityId indexes, and the tickets
 * `communityId, houseId` index since replaced by `communityId, houseId, createdAt`.
 */
const DAY = 86_400_000
const T0 = 1_700_000_000_000
const STATUSES = ['new', 'dispatched', 'accepted', 'in_progress', 'paused', 'resolved', 'closed', 'closed', 'closed', 'closed'] as const

function tickets(): Doc[] {
  return Array.from({ length: 600 }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]
    const open = (OPEN_STATUSES as readonly string[]).includes(status)
    return {
      _id: `t${String(i).padStart(4, '0')}`,
      no: `BX-${i}`,
      communityId: i % 3 ? 'c1' : 'c2',
      houseId: `h${i % 40}`,
      status,
      open,
      createdAt: T0 + i * 1000,
      ...(status !== 'new' ? { assignee: `u${i % 7}` } : {}),
      nextCheckAt: open || status === 'resolved' ? T0 + DAY + ((i * 7919) % 600) * 1000 : null,
      ...(i % 25 === 0 ? { outageId: `n${i % 2}` } : {}),
      ...(status === 'closed' ? { surveyState: i % 9 === 0 ? 'due' : 'sent' } : {}),
    }
  })
}

function surveys(): Doc[] {
  return Array.from({ length: 300 }, (_, i) => ({
    _id: `s${String(i).padStart(4, '0')}`,
    communityId: i % 2 ? 'c1' : 'c2',
    month: '2026-11',
    sentAt: T0 + i * 1000,
    checkAt: i % 6 === 0 ? T0 + DAY + ((i * 7919) % 300) * 1000 : null,
    ...(i % 20 === 0 ? { complaintId: i % 40 === 0 ? 'pending' : `t${i}` } : {}),
    updatedAt: T0 + ((i * 104729) % 300) * 1000,
  }))
}

function users(): Doc[] {
  return Array.from({ length: 300 }, (_, i) => ({
    _id: `u${i}`,
    name: `user ${i}`,
    ...(i % 15 === 0 ? { staff: { communityId: i % 30 ? 'c1' : 'c2', roles: ['handler'] } } : {}),
  }))
}

const DOCS: Record<string, Doc[]> = { tickets: tickets(), surveys: surveys(), users: users() }

function writeOldDatabase(file: string) {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  for (const [name, docs] of Object.entries(DOCS)) {
    db.exec(`CREATE TABLE c_${name} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
    const put = db.prepare(`INSERT INTO c_${name} (id, doc) VALUES (?, ?)`)
    for (const d of docs) put.run(d._id, JSON.stringify(d))
  }
  db.exec(`CREATE INDEX c_tickets__stray ON c_tickets (json_extract(doc, '$.stray'))`)
  db.exec(`CREATE INDEX c_tickets__communityId_houseId ON c_tickets (json_extract(doc, '$.communityId'), json_extract(doc, '$.houseId'))`)
  db.exec(`CREATE INDEX c_tickets__nextCheckAt ON c_tickets (json_extract(doc, '$.nextCheckAt'))`)
  db.exec(`CREATE INDEX c_users__staff_communityId ON c_users (json_extract(doc, '$.staff.communityId'))`)
  db.pragma(`user_version = ${SCHEMA_VERSION}`)
  db.close()
}

const indexesOn = (db: Database.Database, table: string) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as {
    name: string
    sql: string
  }[]

/** The plain meaning of a filter, over documents in memory: what the store's SQL must agree with. */
const valueAt = (d: Doc, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], d)
function matches(d: Doc, where: Filter): boolean {
  return Object.entries(where).every(([field, cond]) => {
    const v = valueAt(d, field) ?? null
    if (cond === null || typeof cond !== 'object') return v === cond
    if (cond.$ne !== undefined && v === cond.$ne) return false
    if (cond.$in && !cond.$in.includes(v as Scalar)) return false
    if (cond.$lte !== undefined && !(v !== null && (v as number) <= (cond.$lte as number))) return false
    return true
  })
}
function plainFind(docs: Doc[], q: Query): string[] {
  const hit = docs.filter((d) => matches(d, q.where ?? {}))
  const [by] = q.orderBy ?? []
  if (by) hit.sort((a, b) => ((valueAt(a, by[0]) as number) - (valueAt(b, by[0]) as number)) * (by[1] === 'desc' ? -1 : 1))
  else hit.sort((a, b) => a._id.localeCompare(b._id))
  return hit.slice(0, q.limit ?? 100).map((d) => d._id)
}

/** The queries the store runs on these fields (the code that runs each is named), and the index each must use. */
const SHAPES: { what: string; collection: string; q: Query; count?: boolean; index: string }[] = [
  {
    what: 'a handler’s open load (team, inbox)',
    collection: 'tickets',
    q: { where: { assignee: 'u3', open: true } },
    count: true,
    index: 'c_tickets__assignee_open_createdAt',
  },
  {
    what: 'a handler’s 我的 queue',
    collection: 'tickets',
    q: { where: { assignee: 'u3', open: true }, orderBy: [['createdAt', 'desc']], limit: 20 },
    index: 'c_tickets__assignee_open_createdAt',
  },
  {
    what: 'a handler’s 全部 queue',
    collection: 'tickets',
    q: { where: { assignee: 'u3' }, orderBy: [['createdAt', 'desc']], limit: 20 },
    index: 'c_tickets__assignee_createdAt',
  },
  {
    what: 'escalate: what to look at next',
    collection: 'tickets',
    q: { where: { nextCheckAt: { $ne: null } }, orderBy: [['nextCheckAt', 'asc']], limit: 200 },
    index: 'c_tickets__nextCheckAt',
  },
  {
    what: 'tickets due by a time',
    collection: 'tickets',
    q: { where: { nextCheckAt: { $lte: T0 + DAY + 100_000 } }, orderBy: [['nextCheckAt', 'asc']] },
    index: 'c_tickets__nextCheckAt',
  },
  { what: 'an outage’s linked repairs (notice view)', collection: 'tickets', q: { where: { outageId: 'n0' } }, count: true, index: 'c_tickets__outageId' },
  {
    what: 'an outage’s open repairs (notice view)',
    collection: 'tickets',
    q: { where: { outageId: 'n0', open: true } },
    count: true,
    index: 'c_tickets__outageId',
  },
  {
    what: 'an outage restored (compose)',
    collection: 'tickets',
    q: { where: { outageId: 'n0', status: { $in: OPEN_STATUSES } }, limit: 1000 },
    index: 'c_tickets__outageId',
  },
  { what: 'done work to survey (surveys job)', collection: 'tickets', q: { where: { surveyState: 'due' }, limit: 200 }, index: 'c_tickets__surveyState' },
  {
    what: 'surveys to call back (callbackChecks)',
    collection: 'surveys',
    q: { where: { checkAt: { $ne: null } }, orderBy: [['checkAt', 'asc']], limit: 200 },
    index: 'c_surveys__checkAt',
  },
  {
    what: 'complaints still to open (surveys job)',
    collection: 'surveys',
    q: { where: { complaintId: 'pending' }, orderBy: [['updatedAt', 'asc']], limit: 200 },
    index: 'c_surveys__complaintId_updatedAt',
  },
  {
    what: 'a community’s staff (team, inbox, tell)',
    collection: 'users',
    q: { where: { 'staff.communityId': 'c1' }, limit: 200 },
    index: 'c_users__staff_communityId',
  },
]

describe('index sync on open (an old database with stale indexes)', () => {
  let d: string
  let file: string
  let store: Store
  beforeAll(() => {
    d = mkdtempSync(join(tmpdir(), 'wuye-schema-'))
    file = join(d, 'old.sqlite')
    writeOldDatabase(file)
    store = openSqliteStore(file)
  })
  afterAll(() => {
    store.close?.()
    rmSync(d, { recursive: true, force: true })
  })

  it('keeps every document and makes each table’s indexes exactly the declared ones: stray and replaced ones gone, sparse ones partial', async () => {
    for (const [name, docs] of Object.entries(DOCS)) {
      expect(await store.collection(name).count()).toBe(docs.length)
      for (const doc of docs) expect(await store.collection(name).get(doc._id)).toEqual(doc)
    }
    const db = new Database(file, { readonly: true })
    const tickets = indexesOn(db, 'c_tickets').map((i) => i.name)
    expect(tickets).not.toContain('c_tickets__stray')
    expect(tickets).not.toContain('c_tickets__communityId_houseId')
    expect(tickets).toContain('c_tickets__communityId_houseId_createdAt')
    const sql = new Map(['c_tickets', 'c_surveys', 'c_users'].flatMap((t) => indexesOn(db, t).map((i) => [i.name, i.sql] as const)))
    for (const name of [
      'c_tickets__nextCheckAt',
      'c_tickets__outageId',
      'c_surveys__checkAt',
      'c_surveys__complaintId_updatedAt',
      'c_users__staff_communityId',
    ])
      expect(sql.get(name)).toMatch(/ WHERE json_extract\(doc, '\$\.[\w.]+'\) IS NOT NULL$/)
    // Fields most documents carry stay full indexes.
    for (const name of ['c_tickets__assignee_open_createdAt', 'c_tickets__assignee_createdAt', 'c_tickets__surveyState', 'c_tickets__communityId_createdAt'])
      expect(sql.get(name)).not.toMatch(/WHERE/)
    for (const name of Object.keys(DOCS)) {
      const have = indexesOn(db, tableName(name))
      expect(Object.fromEntries(have.map((i) => [i.name, i.sql]))).toEqual(Object.fromEntries(declaredIndexes(name)))
    }
    db.close()
  })

  it.each(SHAPES)('$what: uses $index and finds what a plain filter finds', async ({ collection, q, count, index }) => {
    const t = tableName(collection)
    const { sql, params } = count ? compileQuery(t, { where: q.where }, 'count') : compileQuery(t, { ...q, limit: Math.min(q.limit ?? 100, MAX_LIMIT) })
    const db = new Database(file, { readonly: true })
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ')
    db.close()
    expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`))
    expect(plan).not.toMatch(/TEMP B-TREE/)
    const expected = plainFind(DOCS[collection], { ...q, limit: MAX_LIMIT })
    expect(expected.length).toBeGreaterThan(0)
    if (count) expect(await store.collection(collection).count(q.where)).toBe(expected.length)
    else {
      const got = (await store.collection(collection).find(q)).map((x) => x._id)
      const want = plainFind(DOCS[collection], q)
      expect(q.orderBy ? got : [...got].sort()).toEqual(want)
    }
  })

  it('a second open finds nothing to change, and the declarations and the file agree for every collection', () => {
    const before = new Database(file, { readonly: true })
    const snapshot = before.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all()
    before.close()
    openSqliteStore(file).close?.()
    const db = new Database(file, { readonly: true })
    expect(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all()).toEqual(snapshot)
    for (const name of ['tickets', 'surveys', 'users', 'bindings', 'bills']) expect(indexesOn(db, tableName(name)).length).toBe(indexDefsOf(name).length)
    db.close()
  })
})
