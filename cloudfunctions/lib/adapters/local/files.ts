import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Files } from '../../ports/files'

const SAFE = /^local:\/\/([a-f0-9]{24}\.(jpg|jpeg|png|webp|gif))$/

/** Files on disk under <dataDir>/files, served by the local host at /api/files/<name>. */
export function localFiles(dir: string) {
  mkdirSync(dir, { recursive: true })
  const files: Files & { save(bytes: Buffer, ext: string): string; pathOf(fileId: string): string | null } = {
    save(bytes, ext) {
      const name = `${randomBytes(12).toString('hex')}.${ext}`
      writeFileSync(join(dir, name), bytes)
      return `local://${name}`
    },
    pathOf(fileId) {
      const m = SAFE.exec(fileId)
      return m && existsSync(join(dir, m[1])) ? join(dir, m[1]) : null
    },
    async urls(fileIds) {
      const out: Record<string, string> = {}
      for (const id of fileIds) {
        const m = SAFE.exec(id)
        if (m) out[id] = `/api/files/${m[1]}`
      }
      return out
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
