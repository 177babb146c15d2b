import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from './sqlite-store'
import Database from 'better-sqlite3'
import { storeContract } from '../../ports/store.contract'

/** The store contract, run against the SQLite adapter on a real file. */
let dir: string
storeContract(
  'sqlite',
  () => {
    dir = mkdtempSync(join(tmpdir(), 'wuye-store-'))
    return openSqliteStore(join(dir, 'test.sqlite'))
  },
  () => rmSync(dir, { recursive: true, force: true }),
)

describe('SQLite adapter specifics', () => {
  it('opens in WAL mode and creates the indexes declared in collections.ts', () => {
    const d = mkdtempSync(join(tmpdir(), 'wuye-store-'))
    const file = join(d, 'x.sqlite')
    openSqliteStore(file).close?.()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_tickets'").all() as { name: string }[]).map(
      (r) => r.name,
    )
    expect(indexes).toEqual(expect.arrayContaining(['c_tickets__communityId_status_rank_createdAt', 'c_tickets__nextCheckAt']))
    db.close()
    rmSync(d, { recursive: true, force: true })
  })
})

describe('a database made by the earlier layout (WITHOUT ROWID tables, user_version 0)', () => {
  let d: string
  let file: string
  beforeEach(() => {
    d = mkdtempSync(join(tmpdir(), 'wuye-store-'))
    file = join(d, 'old.sqlite')
    // Exactly what the store created before rowid tables: its DDL, its index names, its JSON rows.
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.exec(`CREATE TABLE c_tickets (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`)
    db.exec(`CREATE INDEX c_tickets__nextCheckAt ON c_tickets (json_extract(doc, '$.nextCheckAt'))`)
    db.exec(`CREATE TABLE c_counters (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`)
    const put = db.prepare('INSERT INTO c_tickets (id, doc) VALUES (?, ?)')
    for (let i = 0; i < 50; i++) put.run(`t${i}`, JSON.stringify({ _id: `t${i}`, no: `BX${i}`, communityId: 'c1', nextCheckAt: i % 2 ? 1000 + i : null }))
    db.prepare('INSERT INTO c_counters (id, doc) VALUES (?, ?)').run('ticket-c1', JSON.stringify({ _id: 'ticket-c1', n: 50 }))
    db.close()
  })
  afterEach(() => rmSync(d, { recursive: true, force: true }))

  const layout = () => {
    const db = new Database(file, { readonly: true })
    const out = {
      version: db.pragma('user_version', { simple: true }),
      withoutRowid: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
      indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_tickets'").all() as { name: string }[]).map((r) => r.name),
    }
    db.close()
    return out
  }

  it('is upgraded in place on open: every record kept, rowid tables, the declared indexes, version 2', async () => {
    const store = openSqliteStore(file)
    expect(await store.c.tickets.get('t7')).toMatchObject({ no: 'BX7', nextCheckAt: 1007 })
    expect(await store.c.tickets.count({ communityId: 'c1' })).toBe(50)
    expect((await store.c.tickets.find({ where: { nextCheckAt: { $lte: 1010 } }, orderBy: [['nextCheckAt', 'asc']] })).map((t) => t._id)).toEqual([
      't1',
      't3',
      't5',
      't7',
      't9',
    ])
    expect(await store.c.counters.get('ticket-c1')).toEqual({ _id: 'ticket-c1', n: 50 })
    store.close?.()
    const after = layout()
    expect(after.version).toBe(2)
    expect(after.withoutRowid).toEqual([])
    expect(after.indexes).toEqual(expect.arrayContaining(['c_tickets__nextCheckAt', 'c_tickets__communityId_status_rank_createdAt']))
  })

  it('a second open changes nothing, and a database newer than the code is refused untouched', async () => {
    openSqliteStore(file).close?.()
    const store = openSqliteStore(file)
    await store.c.tickets.set({ _id: 't99', no: 'BX99', communityId: 'c1' } as never)
    expect(await store.c.tickets.count({ communityId: 'c1' })).toBe(51)
    store.close?.()
    const db = new Database(file)
    db.pragma('user_version = 3')
    db.close()
    expect(() => openSqliteStore(file)).toThrow('数据库版本 3 比本程序（2）新')
    expect(layout().version).toBe(3)
  })
})
