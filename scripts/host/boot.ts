import { localDeps } from '../../cloudfunctions/lib/adapters/local'
import { FUNCTIONS } from './functions'
import type { Clock } from '../../cloudfunctions/lib/ports/clock'
import { seedDemo } from '../seed/demo'
import { createHost } from './server'
import { lockDataDir } from './lock'
import { precompress } from './static'

export interface BootOptions {
  dataDir: string
  port: number
  staticDir: string
  clock?: Clock
  /** How often the scheduler function runs (WeChat: every minute by timer), in ms; 0 turns it off. */
  tickMs?: number
  quiet?: boolean
}

/** Open (or create and seed) the database, start the host on loopback, and the background loop. */
export async function boot(opts: BootOptions) {
  const unlock = lockDataDir(opts.dataDir)
  const local = localDeps(opts.dataDir, opts.clock)
  const seeded = (await local.store.c.communities.count()) === 0
  if (seeded) await seedDemo(local.store, local.clock.now(), { history: true })
  // A build made since the last start gets its packed copies now, once, not per request.
  precompress(opts.staticDir)
  const server = createHost(local, { staticDir: opts.staticDir })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port, '127.0.0.1', resolve)
    })
  } catch (e) {
    local.store.close?.()
    unlock()
    throw e
  }
  let timer: NodeJS.Timeout | null = null
  let running = false
  const tickMs = opts.tickMs ?? 5000
  if (tickMs > 0) {
    timer = setInterval(async () => {
      if (running) return
      running = true
      try {
        // The same call a WeChat timer trigger makes: no OPENID, source timer.
        const r = await FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, local.deps)
        if (!r.ok) console.error('[scheduler]', r.error.message)
      } catch (e) {
        console.error('[tick]', e instanceof Error ? e.message : e)
      } finally {
        running = false
      }
    }, tickMs)
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  return {
    local,
    seeded,
    server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise((r) => server.close(r))
      local.store.close?.()
      unlock()
    },
  }
}
