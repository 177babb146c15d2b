import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from './sqlite-store'
import { storeContract } from '../../ports/store.contract'

/** The store contract, run against the SQLite adapter on a real file. */
let dir: string
storeContract('sqlite', () => {
  dir = mkdtempSync(join(tmpdir(), 'wuye-store-'))
  return openSqliteStore(join(dir, 'test.sqlite'))
}, () => rmSync(dir, { recursive: true, force: true }))
