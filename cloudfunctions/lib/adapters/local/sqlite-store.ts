import Database from 'better-sqlite3'
import { AppError } from '../../../../src/core/shared/errors'
import { byName, COLLECTIONS } from '../../collections'
import type { Collection, Doc, Filter, Query, Store, StoreStats, Tx, TxCollection } from '../../ports/store'
import { MAX_LIMIT } from '../../ports/store'
import { compileQuery, tableName } from './sql'
import { createTable, migrate } from './schema'

/**
 * The local document store: one SQLite table per collection, `(id, doc JSON)`, with expression
 * indexes on json_extract(...) declared in collections.ts, in the layout schema.ts migrates to. WAL so the host can read while the
 * scheduler writes.
 *
 * Transactions are optimistic like CloudBase's: reads inside `fn` remember the text they saw,
 * writes are buffered, and commit applies them in one SQLite transaction only if nothing read
 * has changed meanwhile; otherwise `fn` runs again on fresh data. So two agents dispatching the
 * same ticket at once cannot both win.
 */
export function openSqliteStore(file: string): Store {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  // Queue views read thousands of index entries; SQLite's 2 MB default cache is far too small.
  db.pragma('cache_size = -65536')
  db.pragma('mmap_size = 268435456')
  const stats: StoreStats = { reads: 0, writes: 0 }

  migrate(db)
  const known = new Set<string>(Object.keys(COLLECTIONS))
  // A collection the registry does not name (the store contract's scratch ones) gets its table on first use.
  const ensure = (name: string) => {
    if (!known.has(name)) {
      createTable(db, name)
      known.add(name)
    }
    return tableName(name)
  }

  const stmts = new Map<string, Database.Statement>()
  const stmt = (sql: string) => {
    let s = stmts.get(sql)
    if (!s) stmts.set(sql, (s = db.prepare(sql)))
    return s
  }

  const rawGet = (name: string, id: string): string | undefined =>
    (stmt(`SELECT doc FROM ${ensure(name)} WHERE id = ?`).get(id) as { doc: string } | undefined)?.doc
  const rawPut = (name: string, doc: Doc) => stmt(`INSERT OR REPLACE INTO ${ensure(name)} (id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc))
  const rawDel = (name: string, id: string) => stmt(`DELETE FROM ${ensure(name)} WHERE id = ?`).run(id)

  function collection<T extends Doc>(name: string): Collection<T> {
    const t = ensure(name)
    return {
      async get(id) {
        stats.reads++
        const raw = rawGet(name, id)
        return raw ? (JSON.parse(raw) as T) : null
      },
      async find(q: Query = {}) {
        stats.reads++
        const limit = Math.min(q.limit ?? 100, MAX_LIMIT)
        const { sql, params } = compileQuery(t, { ...q, limit })
        return (stmt(sql).all(...params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as T)
      },
      async count(where?: Filter) {
        stats.reads++
        const { sql, params } = compileQuery(t, { where }, 'count')
        return (stmt(sql).get(...params) as { n: number }).n
      },
      async set(doc) {
        stats.writes++
        rawPut(name, doc)
      },
      async add(doc) {
        stats.writes++
        const r = stmt(`INSERT OR IGNORE INTO ${t} (id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc))
        if (r.changes === 0) throw new AppError('CONFLICT', `记录已存在：${name}/${doc._id}`)
      },
      async update(id, patch) {
        stats.writes++
        const raw = rawGet(name, id)
        if (!raw) throw new AppError('NOT_FOUND', `记录不存在：${name}/${id}`)
        rawPut(name, { ...JSON.parse(raw), ...patch, _id: id })
      },
      async remove(id) {
        stats.writes++
        rawDel(name, id)
      },
    }
  }

  async function transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    for (let attempt = 0; attempt < 12; attempt++) {
      // Losers of a race back off a random few ms, so a burst of writers on one counter serialises.
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 4 * attempt))
      const seen = new Map<string, string | undefined>() // key → raw text read (undefined: absent)
      const pending = new Map<string, Doc | null>() // key → doc to write (null: delete)
      const key = (name: string, id: string) => `${name}\u0000${id}`
      const current = (name: string, id: string): Doc | null => {
        const k = key(name, id)
        if (pending.has(k)) return pending.get(k) ?? null
        if (!seen.has(k)) seen.set(k, rawGet(name, id))
        const raw = seen.get(k)
        return raw ? (JSON.parse(raw) as Doc) : null
      }
      const tx: Tx = {
        c: byName((name) => tx.collection(name)),
        collection<T extends Doc>(name: string): TxCollection<T> {
          ensure(name)
          return {
            async get(id) {
              stats.reads++
              return current(name, id) as T | null
            },
            async set(doc) {
              stats.writes++
              pending.set(key(name, doc._id), { ...doc })
            },
            async update(id, patch) {
              stats.writes++
              const cur = current(name, id)
              if (!cur) throw new AppError('NOT_FOUND', `记录不存在：${name}/${id}`)
              pending.set(key(name, id), { ...cur, ...patch, _id: id })
            },
            async remove(id) {
              stats.writes++
              current(name, id)
              pending.set(key(name, id), null)
            },
          }
        },
      }
      const result = await fn(tx)
      const committed = db
        .transaction(() => {
          for (const [k, raw] of seen) {
            const [name, id] = k.split('\u0000')
            if (rawGet(name, id) !== raw) return false
          }
          for (const [k, doc] of pending) {
            const [name, id] = k.split('\u0000')
            if (doc) rawPut(name, doc)
            else rawDel(name, id)
          }
          return true
        })
        .immediate()
      if (committed) return result
    }
    throw new AppError('CONFLICT', '操作繁忙，请稍后重试')
  }

  return {
    collection,
    c: byName(collection),
    transaction,
    stats,
    close: () => db.close(),
  }
}
