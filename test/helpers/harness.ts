import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localDeps } from '../../cloudfunctions/lib/adapters/local'
import { fixedClock } from '../../cloudfunctions/lib/ports/clock'
import { FUNCTIONS } from '../../scripts/host/functions'
import { devOpenid, seedDemo } from '../../scripts/seed/demo'
import type { Envelope } from '../../src/core/shared/errors'

/** 2026-11-24 10:00 in Shanghai: a Tuesday morning, inside service hours. */
export const T0 = Date.UTC(2026, 10, 24, 2, 0, 0)

/** The smallest real PNG: a 1×1 transparent pixel. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/**
 * A real SQLite file in a temp folder, seeded with the demo community, and a way to call any
 * function as any demo account through the same wrapper the WeChat entry uses.
 */
export async function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-it-'))
  const clock = fixedClock(T0)
  const local = localDeps(dir, clock)
  await seedDemo(local.store, T0)
  // Each call happens a second after the last, as people's taps do; tests that need more move the clock.
  const call = async <T = unknown>(account: string | null, fn: string, action: string, data?: unknown) =>
    (clock.advance(1000),
    await FUNCTIONS[fn].call(
      { action, data },
      { openid: account ? (account.startsWith('dev-') || account.startsWith('wx-') ? account : devOpenid(account)) : null, source: 'test' },
      local.deps,
    )) as Envelope<T>
  /** Call and unwrap, failing loudly when the call was refused. */
  const ok = async <T = any>(account: string, fn: string, action: string, data?: unknown): Promise<T> => {
    const r = await call<T>(account, fn, action, data)
    if (!r.ok) throw new Error(`${fn}.${action} as ${account}: ${r.error.code} ${r.error.message}`)
    return r.data
  }
  /** A photo as a person's client uploads it: bytes into storage, then account.registerUpload. */
  const upload = async (account: string, bytes: Uint8Array = PNG, purpose = 'tickets') => {
    const fileId = local.files.save(bytes, 'png')
    return (await ok<{ fileId: string; url: string }>(account, 'account', 'registerUpload', { fileId, purpose })).fileId
  }
  const close = () => {
    local.store.close?.()
    rmSync(dir, { recursive: true, force: true })
  }
  return { ...local, dir, clock, call, ok, upload, close }
}

export type Harness = Awaited<ReturnType<typeof harness>>
