import type Database from 'better-sqlite3'
import { COLLECTIONS, indexDefsOf, indexFields } from '../../collections'
import { fieldExpr, tableName } from './sql'

/**
 * The layout of a local database, kept in `PRAGMA user_version`:
 * 1. one `(id, doc)` table per collection WITHOUT ROWID;
 * 2. the same tables with a rowid. A document is ~1 KB of JSON, and SQLite's own guidance is that
 *    WITHOUT ROWID suits small rows only: every index entry a count or a page walks looked the whole
 *    row up through the id B-tree. With a rowid, an index entry reaches its row in one step and the
 *    file is about half the size.
 * Indexes are not part of the version: every open makes them the declared ones (syncIndexes).
 */
export const SCHEMA_VERSION = 2

const indexName = (t: string, fields: readonly string[]) => `${t}__${fields.join('_').replace(/\W/g, '_')}`

/**
 * The indexes collections.ts declares for a collection, by name, each as the exact CREATE INDEX
 * text SQLite keeps in sqlite_master, so an index whose declaration changed is told apart by its
 * text. A sparse index is partial: `WHERE <leading field> IS NOT NULL`. SQLite uses a partial
 * index only for a query whose WHERE implies the index's, and any comparison on that field other
 * than IS does (`x = ?`, `x > ?`, `x IN (…)`, `x IS NOT NULL`): what sql.ts writes for `=`, range,
 * `$in` and `$ne: null` filters.
 */
export function declaredIndexes(name: string): Map<string, string> {
  const t = tableName(name)
  const out = new Map<string, string>()
  for (const def of indexDefsOf(name)) {
    const fields = indexFields(def)
    const where = Array.isArray(def) ? '' : ` WHERE ${fieldExpr(fields[0])} IS NOT NULL`
    out.set(indexName(t, fields), `CREATE INDEX ${indexName(t, fields)} ON ${t} (${fields.map(fieldExpr).join(', ')})${where}`)
  }
  return out
}

/**
 * Makes a table's indexes exactly the declared ones: an index that is not declared, or whose text
 * differs from its declaration (a field added, made sparse), is dropped; a missing one is built.
 * SQLite's own (the primary key's, with no sql) are left be. The caller holds the transaction.
 */
function syncIndexes(db: Database.Database, name: string) {
  const t = tableName(name)
  const want = declaredIndexes(name)
  const have = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(t) as {
    name: string
    sql: string
  }[]
  const kept = new Set<string>()
  for (const i of have) {
    if (want.get(i.name) === i.sql) kept.add(i.name)
    else db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`)
  }
  for (const [n, sql] of want) if (!kept.has(n)) db.exec(sql)
}

/** A collection's table, with exactly the indexes collections.ts declares for it; idempotent. */
export function createTable(db: Database.Database, name: string) {
  db.exec(`CREATE TABLE IF NOT EXISTS ${tableName(name)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
  syncIndexes(db, name)
}

const tables = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]

/**
 * Brings a database of any earlier layout to SCHEMA_VERSION in one transaction, on open: each
 * WITHOUT ROWID table is copied into a rowid table of the same name (documents untouched, indexes
 * rebuilt, the file vacuumed), so an existing `.data/` keeps every record. A database newer than this code is refused
 * rather than written with the wrong layout. On every open, in the same one transaction, each
 * `c_*` table's indexes are made the declared ones (a table no collection declares keeps its
 * documents and loses its indexes), so an old file never keeps an index the code stopped asking for.
 */
export function migrate(db: Database.Database) {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) throw new Error(`数据库版本 ${version} 比本程序（${SCHEMA_VERSION}）新：请更新代码后再启动`)
  const old = version === SCHEMA_VERSION ? [] : tables(db).filter((t) => /WITHOUT\s+ROWID/i.test(t.sql))
  db.transaction(() => {
    for (const { name: t } of old) {
      db.exec(`ALTER TABLE ${t} RENAME TO ${t}__v1`)
      // Index names are global: the old ones go with the old table before the new ones are made.
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(`${t}__v1`) as {
        name: string
      }[])
        db.exec(`DROP INDEX ${name}`)
      db.exec(`CREATE TABLE ${t} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      db.exec(`INSERT INTO ${t} (id, doc) SELECT id, doc FROM ${t}__v1`)
      db.exec(`DROP TABLE ${t}__v1`)
    }
    // Every table a collection name could have made (tableName's rule), declared or not.
    const found = tables(db)
      .map((t) => t.name.slice('c_'.length))
      .filter((n) => /^[a-z][a-zA-Z0-9_]*$/.test(n))
    const names = new Set([...Object.keys(COLLECTIONS), ...found])
    for (const name of names) createTable(db, name)
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`)
  })()
  // The copied-from tables left their pages free; give them back so the file shrinks too.
  if (old.length) db.exec('VACUUM')
}
