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
