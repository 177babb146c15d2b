import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { boot } from '../../scripts/host/boot'
import { SESSION_MS } from '../../scripts/host/server'

/** The local host as a server a browser on this machine talks to, and a hostile page might. */
let dir: string
let host: Awaited<ReturnType<typeof boot>>
let port: number
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuye-host-'))
  host = await boot({ dataDir: dir, port: 0, staticDir: dir, tickMs: 0 })
  port = Number(new URL(host.url).port)
})
afterAll(async () => {
  await host.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A raw request, so the Host header and the body are exactly what the test says. */
function send(path: string, opts: { method?: string; host?: string; body?: string | Buffer; token?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; json: any }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'POST',
        headers: {
          host: opts.host ?? `127.0.0.1:${port}`,
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          resolve({ status: res.statusCode!, headers: res.headers, json: text.startsWith('{') ? JSON.parse(text) : text })
        })
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const login = async (account = 'resident-zhang') => (await send('/api/dev/login', { body: JSON.stringify({ account }) })).json.data.token as string

describe('local host: who may talk to it', () => {
  it('answers loopback names and refuses any other Host (a DNS-rebinding page cannot sign in)', async () => {
    expect((await send('/api/dev/login', { host: `localhost:${port}`, body: JSON.stringify({ account: 'resident-zhang' }) })).json.ok).toBe(true)
    const rebound = await send('/api/dev/login', { host: `evil.example:${port}`, body: JSON.stringify({ account: 'supervisor-liu' }) })
    expect(rebound.status).toBe(403)
    expect(rebound.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await send('/api/health', { method: 'GET', host: '192.168.1.5' })).status).toBe(403)
  })

  it('a dev session ends after a working day', async () => {
    const token = await login()
    expect((await send('/api/fn/account', { token, body: JSON.stringify({ action: 'whoami' }) })).json.ok).toBe(true)
    const later = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + SESSION_MS + 1)
    try {
      const r = await send('/api/fn/account', { token, body: JSON.stringify({ action: 'myHouses' }) })
      expect(r.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    } finally {
      later.mockRestore()
    }
    // Gone for good, not only while the clock is late.
    expect((await send('/api/fn/account', { token, body: JSON.stringify({ action: 'myHouses' }) })).json).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})

describe('local host: what it answers', () => {
  it('looks functions up by their own names only', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const r = await send(`/api/fn/${name}`, { body: '{}' })
      expect([r.status, r.json.error.code]).toEqual([404, 'NOT_FOUND'])
    }
  })

  it('answers an oversized body with a clear 413 envelope after reading it', async () => {
    const token = await login()
    const r = await send('/api/fn/tickets', { token, body: JSON.stringify({ action: 'create', data: { description: 'x'.repeat(2 << 20) } }) })
    expect(r.status).toBe(413)
    expect(r.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大（上限 1024 KB）' } })
  })

  it('sends nosniff, and malformed JSON is a clear 400', async () => {
    const r = await send('/api/fn/account', { body: '{not json' })
    expect([r.status, r.json.error.message]).toEqual([400, '请求格式不正确'])
    expect(r.headers['x-content-type-options']).toBe('nosniff')
  })

  it('does not wait for ever on a client that never finishes its request', () => {
    expect(host.server.headersTimeout).toBeLessThanOrEqual(10_000)
    expect(host.server.requestTimeout).toBeLessThanOrEqual(30_000)
  })
})

describe('local host: the file route', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  const stored = () => readdirSync(join(dir, 'files'))

  it('takes uploads only in a session, and only images by their bytes (an HTML page called .png is refused)', async () => {
    expect((await send('/api/files?folder=tickets', { body: PNG })).status).toBe(401)
    const token = await login()
    const before = stored().length
    const html = await send('/api/files?folder=tickets', { token, body: '<html><script>alert(1)</script></html>' })
    expect([html.status, html.json.error?.message]).toEqual([400, '只能上传 JPG、PNG、WebP 或 GIF 图片'])
    const bad = await send('/api/files?folder=passports', { token, body: PNG })
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(stored().length).toBe(before)
  })

  it('serves a file only through the link it handed out, as the image it is, with nosniff', async () => {
    const token = await login()
    const up = await send('/api/files?folder=tickets', { token, body: PNG })
    expect(up.json).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^local:\/\//), type: 'image/png', size: PNG.length } })
    const got = await send(up.json.data.url, { method: 'GET' })
    expect([got.status, got.headers['content-type'], got.headers['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff'])
    const bare = up.json.data.url.split('?')[0]
    expect((await send(bare, { method: 'GET' })).status).toBe(404)
    expect((await send(`${bare}?e=9999999999999&s=${'A'.repeat(32)}`, { method: 'GET' })).status).toBe(404)
  })
})
