import type Database from 'better-sqlite3'
import { COLLECTIONS, indexesOf } from '../../collections'
import { fieldExpr, tableName } from './sql'

/**
 * The layout of a local database, kept in `PRAGMA user_version`:
 * 1. one `(id, doc)` table per collection WITHOUT ROWID;
 * 2. the same tables with a rowid. A document is ~1 KB of JSON, and SQLite's own guidance is that
 *    WITHOUT ROWID suits small rows only: every index entry a count or a page walks looked the whole
 *    row up through the id B-tree. With a rowid, an index entry reaches its row in one step and the
 *    file is about half the size.
 */
export const SCHEMA_VERSION = 2

const indexName = (t: string, fields: readonly string[]) => `${t}__${fields.join('_').replace(/\W/g, '_')}`

/** A collection's table and the indexes collections.ts declares for it; idempotent. */
export function createTable(db: Database.Database, name: string) {
  const t = tableName(name)
  db.exec(`CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
  for (const fields of indexesOf(name)) db.exec(`CREATE INDEX IF NOT EXISTS ${indexName(t, fields)} ON ${t} (${fields.map(fieldExpr).join(', ')})`)
}

const tables = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]

/**
 * Brings a database of any earlier layout to SCHEMA_VERSION in one transaction, on open: each
 * WITHOUT ROWID table is copied into a rowid table of the same name (documents untouched, indexes
 * rebuilt, the file vacuumed), so an existing `.data/` keeps every record. A database newer than this code is refused
 * rather than written with the wrong layout.
 */
export function migrate(db: Database.Database) {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) throw new Error(`数据库版本 ${version} 比本程序（${SCHEMA_VERSION}）新：请更新代码后再启动`)
  if (version === SCHEMA_VERSION) {
    for (const name of Object.keys(COLLECTIONS)) createTable(db, name)
    return
  }
  const old = tables(db).filter((t) => /WITHOUT\s+ROWID/i.test(t.sql))
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
    for (const name of Object.keys(COLLECTIONS)) createTable(db, name)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  })()
  // The copied-from tables left their pages free; give them back so the file shrinks too.
  if (old.length) db.exec('VACUUM')
}
