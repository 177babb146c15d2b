import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * Package sizes against the limits we hold ourselves to. WeChat refuses uploads over 2 MB per
 * package, but first-open time grows long before that, so our budgets are much tighter.
 */
export const BUDGETS = {
  main: 360 * 1024,
  subpackage: 300 * 1024,
  function: 200 * 1024,
} as const

export type Kind = keyof typeof BUDGETS

export interface Measure {
  kind: Kind
  name: string
  bytes: number
  budget: number
  over: boolean
}

/** Source maps are not uploaded with the package, so they do not count. */
const counts = (file: string) => !file.endsWith('.map')

/** Every counted file under `dir`, as a path relative to it with '/' separators, and its size. */
export function listFiles(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && counts(entry.name)) out.push({ path: relative(dir, full).split(sep).join('/'), bytes: statSync(full).size })
    }
  }
  walk(dir)
  return out
}

export const dirBytes = (dir: string) => listFiles(dir).reduce((n, f) => n + f.bytes, 0)

/** Subpackage roots as app.json declares them (both spellings are accepted by WeChat). */
export function subpackageRoots(appJson: { subPackages?: { root: string }[]; subpackages?: { root: string }[] }): string[] {
  return [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''))
}

export function readSubpackageRoots(weappDir: string): string[] {
  const file = join(weappDir, 'app.json')
  return existsSync(file) ? subpackageRoots(JSON.parse(readFileSync(file, 'utf8'))) : []
}

/** Split a weapp build into the main package (whatever no subpackage root claims) and each subpackage. */
export function measureWeapp(weappDir: string, roots: string[]): { main: number; subpackages: Record<string, number> } {
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]))
  let main = 0
  for (const f of listFiles(weappDir)) {
    const root = roots.find((r) => f.path.startsWith(`${r}/`))
    if (root !== undefined) subpackages[root] += f.bytes
    else main += f.bytes
  }
  return { main, subpackages }
}

export const measure = (kind: Kind, name: string, bytes: number): Measure => ({
  kind,
  name,
  bytes,
  budget: BUDGETS[kind],
  over: bytes > BUDGETS[kind],
})

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export function formatReport(rows: Measure[]): string {
  const label: Record<Kind, string> = { main: '主包', subpackage: '分包', function: '云函数' }
  return rows.map((r) => `${r.over ? '✗' : '✓'} ${label[r.kind]} ${r.name.padEnd(20)} ${kb(r.bytes).padStart(10)} / ${kb(r.budget)}`).join('\n')
}
