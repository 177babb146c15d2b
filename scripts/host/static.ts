import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
}

/** Text worth compressing; images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg'])
const MIN_BYTES = 1024
/** Preferred first: brotli packs script ~15 % tighter than gzip, and every browser since 2017 reads it. */
const ENCODINGS = [
  {
    name: 'br',
    ext: '.br',
    pack: (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  },
  { name: 'gzip', ext: '.gz', pack: (b: Buffer) => gzipSync(b, { level: 9 }) },
] as const

/**
 * A packed copy is current when it is no older than its source. utimes cannot set the nanoseconds
 * a build's own files carry, and the seconds it takes as a float can land a hair below the source's
 * millisecond, so the copy may read up to 1 ms older than the time it was stamped with.
 */
const current = (copy: Stats, source: Stats) => Math.floor(copy.mtimeMs) >= Math.floor(source.mtimeMs) - 1

/** Webpack names the app's script and style by their content's hash, so a name never changes meaning. */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/

function files(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
}

/**
 * Write `name.br` and `name.gz` beside each text file of a build that lacks a current one, so the
 * host sends packed bytes without packing them per request. Written under a temporary name and
 * renamed, so a host reading the folder never sees half a file. Returns how many files it packed.
 */
export function precompress(dir: string): number {
  let packed = 0
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue
    const st = statSync(file)
    if (st.size < MIN_BYTES) continue
    const body = readFileSync(file)
    for (const enc of ENCODINGS) {
      const out = file + enc.ext
      if (existsSync(out) && current(statSync(out), st)) continue
      const tmp = `${out}.${process.pid}.tmp`
      writeFileSync(tmp, enc.pack(body))
      // Stamped with the source's time, so a copy is current when it is no older than its source.
      utimesSync(tmp, st.atime, st.mtime)
      renameSync(tmp, out)
      packed++
    }
  }
  return packed
}

/** The encodings a request's Accept-Encoding allows (a q=0 refuses one). */
function accepted(header: string | undefined): Set<string> {
  const ok = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name && (q === undefined || Number(q) > 0)) ok.add(name)
  }
  return ok
}

/** The packed copy to send, if the browser reads it and it was made from this very file. */
function packedCopy(file: string, st: Stats, acceptEncoding: string | undefined) {
  if (!COMPRESSIBLE.has(extname(file))) return null
  const ok = accepted(acceptEncoding)
  for (const enc of ENCODINGS) {
    if (!ok.has(enc.name)) continue
    const p = file + enc.ext
    if (!existsSync(p)) continue
    const pst = statSync(p)
    if (current(pst, st)) return { encoding: enc.name, path: p, size: pst.size }
  }
  return null
}

/**
 * The H5 build: hashed script and style cached for a year (a new build has new names), the rest
 * (index.html, which names them) revalidated every time by its ETag; precompressed copies when the
 * browser takes them. Unknown paths get index.html, as the hash router wants.
 */
export function serveStatic(root: string, req: IncomingMessage, path: string, res: ServerResponse) {
  const rel = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '')
  let file = join(root, rel)
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    return res.end('H5 版本尚未构建：请运行 npm run build:h5')
  }
  const st = statSync(file)
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`
  const headers: Record<string, string | number> = {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'x-content-type-options': 'nosniff',
  }
  if (COMPRESSIBLE.has(extname(file))) headers.vary = 'accept-encoding'
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    return res.end()
  }
  const packed = packedCopy(file, st, req.headers['accept-encoding'])
  if (packed) headers['content-encoding'] = packed.encoding
  headers['content-length'] = packed ? packed.size : st.size
  res.writeHead(200, headers)
  if (req.method === 'HEAD') return res.end()
  createReadStream(packed ? packed.path : file).pipe(res)
}
