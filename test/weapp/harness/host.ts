import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boot } from '../../../scripts/host/boot'
import type { Backend } from './wx'

/**
 * The local host, in this process and seeded with the demo, as the back end WeChat would be:
 * the same cloud-function code on SQLite. wx.cloud.callFunction and wx.cloud.uploadFile reach it
 * over HTTP as the account whose phone the page is on (a dev sign-in stands in for WeChat's
 * OPENID); tests also call it directly to find or make the data a page needs.
 */
export async function demoHost() {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-weapp-'))
  // tickMs 0: no background scheduler; a test runs a tick when it wants one.
  const host = await boot({ dataDir: dir, port: 0, staticDir: dir, tickMs: 0, quiet: true })
  const tokens = new Map<string, string>()
  let account = 'resident-zhang'

  const post = async (path: string, body: BodyInit | object, token?: string, type = 'application/json') => {
    const res = await fetch(`${host.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    })
    return res.json() as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>
  }
  const tokenOf = async (a: string) => {
    if (!tokens.has(a)) {
      const r = await post('/api/dev/login', { account: a })
      if (!r.ok) throw new Error(`dev login ${a}: ${r.error?.message}`)
      tokens.set(a, r.data.token)
    }
    return tokens.get(a)!
  }

  const backend: Backend = {
    /** As wx.cloud.callFunction: `{action, data}` to POST /api/fn/<name>, the envelope back. */
    async callFunction(name, data) {
      return post(`/api/fn/${name}`, data as object, await tokenOf(account))
    },
    /** As wx.cloud.uploadFile: the bytes to POST /api/files; the stored file id back. */
    async uploadFile(_cloudPath, bytes, contentType) {
      const r = await post('/api/files', bytes, await tokenOf(account), contentType)
      if (!r.ok) throw { errMsg: `cloud.uploadFile:fail ${r.error?.message}` }
      return r.data.fileId as string
    },
  }

  return {
    host,
    backend,
    /** Who the next calls from the mini-program are from. */
    as(a: string) {
      account = a
    },
    get account() {
      return account
    },
    /** Call a function directly, to find the ids a page needs (a ticket, a notice, a receipt). */
    async ok(a: string, name: string, action: string, data: unknown = {}) {
      const r = await post(`/api/fn/${name}`, { action, data }, await tokenOf(a))
      if (!r.ok) throw new Error(`${name}.${action}: ${r.error?.message}`)
      return r.data
    },
    /** WeChat Pay completing an order: the simulated order is paid and the payment callback runs. */
    async pay(outTradeNo: string) {
      const r = await post(`/api/dev/pay/${outTradeNo}`, {}, await tokenOf(account))
      if (!r.ok) throw { errMsg: `requestPayment:fail ${r.error?.message}` }
    },
    async close() {
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
