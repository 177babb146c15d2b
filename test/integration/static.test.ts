import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { boot } from '../../scripts/host/boot'
import { precompress } from '../../scripts/host/static'

/** The H5 build as the local host serves it to a phone's browser: packed, and cached as long as it is safe. */
let root: string
let host: Awaited<ReturnType<typeof boot>>
const SCRIPT = `/* app */\n${Array.from({ length: 400 }, (_, i) => `export const label${i} = '报事报修第${i}项';`).join('\n')}\n`
const INDEX = `<!doctype html><html><head><script defer src="/js/app.0a1b2c3d.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wuye-static-'))
  const site = join(root, 'h5')
  mkdirSync(join(site, 'js'), { recursive: true })
  writeFileSync(join(site, 'index.html'), INDEX)
  writeFileSync(join(site, 'js/app.0a1b2c3d.js'), SCRIPT)
  writeFileSync(join(site, 'js/dev.js'), SCRIPT)
  host = await boot({ dataDir: join(root, 'data'), port: 0, staticDir: site, tickMs: 0 })
})
afterAll(async () => {
  await host.close()
  rmSync(root, { recursive: true, force: true })
})

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL(host.url)
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('local host: the H5 build', () => {
  it('sends script brotli-packed to a browser that reads it, gzip to one that reads only gzip, plain to the rest', async () => {
    const br = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect([br.status, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'accept-encoding'])
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4)
    expect(Number(br.headers['content-length'])).toBe(br.body.length)

    const gz = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT)

    const plain = await get('/js/app.0a1b2c3d.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(SCRIPT)
  })

  it('lets a browser keep hashed script for a year, and revalidates index.html, which names it, every time', async () => {
    const hashed = await get('/js/app.0a1b2c3d.js')
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const unhashed = await get('/js/dev.js')
    expect(unhashed.headers['cache-control']).toBe('no-cache')

    const index = await get('/', { 'accept-encoding': 'br' })
    expect([index.headers['cache-control'], index.headers['content-type'], index.headers['content-encoding']]).toEqual([
      'no-cache',
      'text/html; charset=utf-8',
      'br',
    ])
    const again = await get('/', { 'if-none-match': String(index.headers.etag) })
    expect([again.status, again.body.length]).toEqual([304, 0])
  })

  it('never sends a packed copy older than the file it was made from (a rebuild in place)', async () => {
    const file = join(root, 'h5/js/dev.js')
    const changed = SCRIPT.replace('报事报修第0项', '报事报修第零项')
    writeFileSync(file, changed)
    const later = new Date(Date.now() + 5000)
    utimesSync(file, later, later)
    const r = await get('/js/dev.js', { 'accept-encoding': 'br, gzip' })
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.body.toString()).toBe(changed)
    expect(precompress(join(root, 'h5'))).toBe(2)
    expect(brotliDecompressSync((await get('/js/dev.js', { 'accept-encoding': 'br' })).body).toString()).toBe(changed)
  })

  it('counts its own copies current whatever millisecond the source carries (utimes rounds through a float)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuye-stamp-'))
    // Fresh files carry nanoseconds; the copies get the same time cut to a float of seconds.
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `f${i}.js`), SCRIPT)
    expect(precompress(dir)).toBe(120)
    expect(precompress(dir)).toBe(0)
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers HEAD with the headers alone', async () => {
    const r = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect([r.status, r.headers['content-encoding'], r.body.length]).toEqual([200, 'br', 0])
  })
})
