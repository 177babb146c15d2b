import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { systemClock, type Clock } from '../../ports/clock'
import type { Deps } from '../../runtime/deps'
import { openSqliteStore } from './sqlite-store'
import { localNotifier } from './notifier'
import { localFiles } from './files'
import { localPayments } from './payments'
import { localPhones } from './phones'

/** Everything the local host (and the tests, and the bench) run the functions on. */
export function localDeps(dataDir: string, clock: Clock = systemClock) {
  mkdirSync(dataDir, { recursive: true })
  const store = openSqliteStore(join(dataDir, 'wuye.sqlite'))
  const notifier = localNotifier(join(dataDir, 'pushes.jsonl'))
  const files = localFiles(join(dataDir, 'files'))
  const payments = localPayments(store, () => clock.now())
  const phones = localPhones(store, () => clock.now())
  const deps: Deps = { store, clock, notifier, files, payments, phones }
  return { deps, store, notifier, files, payments, phones, clock }
}

export type LocalDeps = ReturnType<typeof localDeps>
