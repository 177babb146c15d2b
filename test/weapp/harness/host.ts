import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boot } from '../../../scripts/host/boot'

/**
 * The local host seeded with the demo, as the back end of wx.cloud.callFunction: the harness
 * signs in the account a page is opened as and calls the same functions over HTTP.
 */
export async function demoHost() {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-weapp-'))
  const host = await boot({ dataDir: dir, port: 0, staticDir: dir, tickMs: 0 })
  const tokens = new Map<string, string>()
  let account = 'resident-zhang'
  /** Calls the server refused for the caller's role or scope: a page should never make one. */
  const refused: string[] = []
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${host.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    return res.json()
  }
  const tokenOf = async (a: string) => {
    if (!tokens.has(a)) tokens.set(a, (await post('/api/dev/login', { account: a })).data.token)
    return tokens.get(a)!
  }
  return {
    host,
    /** Who the next calls are from: the account whose phone the page is on. */
    as(a: string) {
      account = a
    },
    refused,
    async callFunction(name: string, data: unknown) {
      const r = await post(`/api/fn/${name}`, data, await tokenOf(account))
      if (!r.ok && r.error?.code === 'FORBIDDEN') refused.push(`${account} ${name}.${(data as { action?: string }).action}`)
      return r
    },
    /** Call a function directly, to find the ids a page needs (a ticket, a notice, a receipt). */
    async ok(a: string, name: string, action: string, data: unknown = {}) {
      const r = await post(`/api/fn/${name}`, { action, data }, await tokenOf(a))
      if (!r.ok) throw new Error(`${name}.${action}: ${r.error.message}`)
      return r.data
    },
    async close() {
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
