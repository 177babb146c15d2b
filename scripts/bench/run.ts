import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { Envelope } from '../../src/core/shared/errors'

/**
 * One benchmarked action: `call(i)` is timed n times, i = 0 … n-1. Anything a call needs
 * (ids, callers) is prepared before the case starts, so the timing holds only the call itself.
 */
export interface BenchCase {
  name: string
  n: number
  call(i: number): Promise<Envelope<unknown>>
  /** Untimed and uncounted preparation (e.g. warming a cache), run once before the first call. */
  setup?(): Promise<void>
}

export interface BenchRecord {
  name: string
  n: number
  p50_ms: number
  p99_ms: number
  /** Store operations per call, averaged: what a CloudBase quota is counted in. */
  reads: number
  writes: number
}

export interface BenchResult extends BenchRecord {
  failures: { i: number; code: string; message: string }[]
}

/** Nearest-rank percentile of an ascending list: the smallest value at least p% of samples reach. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

export async function runCase(store: Store, c: BenchCase): Promise<BenchResult> {
  const ms: number[] = []
  const failures: BenchResult['failures'] = []
  await c.setup?.()
  const before = { ...store.stats }
  for (let i = 0; i < c.n; i++) {
    const t0 = process.hrtime.bigint()
    const r = await c.call(i)
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (!r.ok) failures.push({ i, code: r.error.code, message: r.error.message })
  }
  ms.sort((a, b) => a - b)
  return {
    name: c.name,
    n: c.n,
    p50_ms: round(percentile(ms, 50), 3),
    p99_ms: round(percentile(ms, 99), 3),
    reads: round((store.stats.reads - before.reads) / c.n, 2),
    writes: round((store.stats.writes - before.writes) / c.n, 2),
    failures,
  }
}

export const toRecord = ({ failures: _failures, ...r }: BenchResult): BenchRecord => r

export function formatTable(rows: BenchRecord[]): string {
  const cols: (keyof BenchRecord)[] = ['name', 'n', 'p50_ms', 'p99_ms', 'reads', 'writes']
  const cells = [cols.map(String), ...rows.map((r) => cols.map((c) => String(r[c])))]
  const widths = cols.map((_, j) => Math.max(...cells.map((row) => row[j].length)))
  const line = (row: string[]) => row.map((v, j) => (j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join('  ')
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

/** Call a cloud function action as someone, through the same wrapper the WeChat entry uses. */
export type CallFn = (openid: string, fn: string, action: string, data?: unknown) => Promise<Envelope<unknown>>

/** `--json FILE` on a bench's command line: where to write its records too, or null. */
export function jsonOut(args = process.argv.slice(2)): string | null {
  const i = args.indexOf('--json')
  if (i < 0) return null
  const file = args[i + 1]
  if (!file || file.startsWith('--')) throw new Error('--json 需要一个输出文件路径，例如：npm run bench -- --json bench.json')
  return file
}
