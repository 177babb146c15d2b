import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Files } from '../../ports/files'

const SAFE = /^local:\/\/([a-f0-9]{24}\.(jpg|png|webp|gif))$/
/** As WeChat's temp URLs: a link lives two hours of wall time (the app's clock moves in tests). */
const URL_MS = 2 * 3_600_000

/**
 * Files on disk under <dataDir>/files, served by the local host at /api/files/<name> only with a
 * signature this adapter made for a caller an action let see the file: a link stands in for
 * CloudBase's temp URL, and a guessed or old one gets nothing.
 */
export function localFiles(dir: string) {
  mkdirSync(dir, { recursive: true })
  const secret = randomBytes(32)
  const sign = (name: string, expires: number) => createHmac('sha256', secret).update(`${name}:${expires}`).digest('base64url').slice(0, 32)
  const nameOf = (fileId: string) => SAFE.exec(fileId)?.[1] ?? null

  const files: Files & {
    save(bytes: Uint8Array, ext: string): string
    pathOf(fileId: string): string | null
    /** The path behind a signed link, if the signature is this adapter's and still fresh. */
    signedPath(name: string, expires: string | null, sig: string | null): string | null
  } = {
    save(bytes, ext) {
      const name = `${randomBytes(12).toString('hex')}.${ext}`
      writeFileSync(join(dir, name), bytes)
      return `local://${name}`
    },
    pathOf(fileId) {
      const name = nameOf(fileId)
      return name && existsSync(join(dir, name)) ? join(dir, name) : null
    },
    signedPath(name, expires, sig) {
      const at = Number(expires)
      if (!sig || !Number.isSafeInteger(at) || at < Date.now()) return null
      const want = Buffer.from(sign(name, at))
      const got = Buffer.from(sig)
      if (got.length !== want.length || !timingSafeEqual(got, want)) return null
      return files.pathOf(`local://${name}`)
    },
    async urls(fileIds) {
      const out: Record<string, string> = {}
      const expires = Date.now() + URL_MS
      for (const id of fileIds) {
        const name = nameOf(id)
        if (name) out[id] = `/api/files/${name}?e=${expires}&s=${sign(name, expires)}`
      }
      return out
    },
    async read(fileId) {
      const p = files.pathOf(fileId)
      return p ? readFileSync(p) : null
    },
    async remove(fileIds) {
      for (const id of fileIds) {
        const p = files.pathOf(id)
        if (p) rmSync(p)
      }
    },
  }
  return files
}
