import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { localDeps } from '../cloudfunctions/lib/adapters/local'
import { fixedClock } from '../cloudfunctions/lib/ports/clock'
import { dbSizeMb, seedBench, type BenchDataset } from './bench/dataset'
import { seedTickets } from './bench/tickets'
import { seedBillsBench } from './bench/bills'
import { jsonOut, percentile } from './bench/run'

/**
 * The local host over plain keep-alive HTTP, as the H5 app calls it, on a DATA_DIR seeded at the
 * in-process bench's size; the host runs in its own process, the load from this one.
 *   npm run bench:http                       # table
 *   npm run bench:http -- --json out.json    # also write the records
 */

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0)
const CONNECTIONS = [1, 16]
const SECONDS = { 1: 2, 16: 4 } as Record<number, number>

interface HttpCase {
  name: string
  /** The i-th request: who calls (a session token), which function, what payload. */
  req: (i: number) => { token: string; fn: string; action: string; data: unknown }
}

async function seed(dir: string) {
  const local = localDeps(dir, fixedClock(T0))
  const data = await seedBench(local.store, T0)
  const tickets = await seedTickets(local.store, data, T0)
  await seedBillsBench(local.store, data, T0)
  // Sessions as the host's sign-in makes them, one per person the load acts as.
  const tokens = new Map<string, string>()
  const people = [...new Set([...data.owners.map((o) => o.openid), ...tickets.owned.map((o) => o.openid), ...data.agents.values()])]
  await local.store.transaction(async (tx) => {
    for (const openid of people) {
      const token = randomBytes(24).toString('hex')
      tokens.set(openid, token)
      await tx.c.devSessions.set({ _id: token, openid, account: openid, createdAt: T0, expiresAt: Date.now() + 24 * 3_600_000 })
    }
  })
  local.store.close?.()
  return { data, tickets, tokens }
}

function cases(data: BenchDataset, owned: { openid: string; id: string }[], tok: (openid: string) => string): HttpCase[] {
  const spread = <T>(list: T[], i: number) => list[(i * 7919) % list.length]
  const agents = [...data.agents.values()]
  return [
    {
      name: 'home (notices.home)',
      req: (i) => ((o) => ({ token: tok(o.openid), fn: 'notices', action: 'home', data: { houseId: o.houseId } }))(spread(data.owners, i)),
    },
    {
      name: 'tickets.create',
      req: (i) =>
        ((o) => ({
          token: tok(o.openid),
          fn: 'tickets',
          action: 'create',
          data: { type: 'repair', scope: 'home', houseId: o.houseId, category: 'water_electric', description: '卫生间地漏堵塞，积水严重' },
        }))(spread(data.owners, i)),
    },
    { name: 'tickets.mine', req: (i) => ({ token: tok(spread(owned, i).openid), fn: 'tickets', action: 'mine', data: {} }) },
    { name: 'tickets.detail', req: (i) => ((o) => ({ token: tok(o.openid), fn: 'tickets', action: 'detail', data: { ticketId: o.id } }))(spread(owned, i)) },
    { name: 'tickets.inbox (new, first page)', req: (i) => ({ token: tok(spread(agents, i)), fn: 'tickets', action: 'inbox', data: { tab: 'new' } }) },
    { name: 'bills.myBills', req: (i) => ({ token: tok(spread(data.owners, i).openid), fn: 'bills', action: 'myBills', data: {} }) },
  ]
}

function post(agent: Agent, base: URL, r: ReturnType<HttpCase['req']>): Promise<boolean> {
  const body = JSON.stringify({ action: r.action, data: r.data })
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: `/api/fn/${r.fn}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve((JSON.parse(Buffer.concat(chunks).toString()) as { ok: boolean }).ok))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Closed loop: `conns` callers, each sending its next request when the last one answers, for `seconds`. */
async function load(base: URL, c: HttpCase, conns: number, seconds: number, offset: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: conns })
  const times: number[] = []
  let failed = 0
  let next = offset
  const end = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (performance.now() < end) {
        const t = performance.now()
        if (!(await post(agent, base, c.req(next++)))) failed++
        times.push(performance.now() - t)
      }
    }),
  )
  const wall = (performance.now() - started) / 1000
  agent.destroy()
  times.sort((a, b) => a - b)
  return { n: times.length, failed, rps: times.length / wall, p50: percentile(times, 50), p99: percentile(times, 99) }
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function main() {
  const out = jsonOut()
  const dir = mkdtempSync(join(tmpdir(), 'wuye-http-'))
  const staticDir = join(dir, 'static')
  mkdirSync(staticDir)
  const t0 = performance.now()
  const { data, tickets, tokens } = await seed(dir)
  const mb = dbSizeMb(dir)
  console.log(`写入数据：用时 ${((performance.now() - t0) / 1000).toFixed(0)} 秒，数据库 ${mb.toFixed(0)} MB`)

  const host = spawn(process.execPath, [...process.execArgv, '--import', 'tsx', join(__dirname, 'bench/http-host.ts'), dir, staticDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      host.stdout.on('data', (b: Buffer) => {
        const m = /READY (\S+)/.exec(b.toString())
        if (m) resolve(m[1])
      })
      host.once('exit', (code) => reject(new Error(`本地服务退出（${code}）`)))
    })
    const base = new URL(url)
    const tok = (openid: string) => tokens.get(openid)!
    const records: Record<string, unknown>[] = []
    console.log(`\n${'case'.padEnd(34)} conns   req/s    p50 ms   p99 ms   failed`)
    let offset = 0
    for (const c of cases(data, tickets.owned, tok)) {
      for (const conns of CONNECTIONS) {
        await load(base, c, conns, 0.5, (offset += 100_000)) // warm-up
        const r = await load(base, c, conns, SECONDS[conns], (offset += 100_000))
        records.push({ name: c.name, conns, ...r })
        console.log(
          `${c.name.padEnd(34)} ${String(conns).padStart(5)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(8)} ${String(r.failed).padStart(8)}`,
        )
      }
    }
    const after = dbSizeMb(dir)
    console.log(`\n本地服务内存 ${rssMb(host.pid!).toFixed(0)} MB，数据库 ${after.toFixed(0)} MB`)
    if (out) {
      writeFileSync(out, JSON.stringify(records, null, 2) + '\n')
      console.log(`已写入 ${out}`)
    }
  } finally {
    host.kill('SIGTERM')
    await new Promise((r) => host.once('exit', r))
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
