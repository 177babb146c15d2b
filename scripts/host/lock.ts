import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Data folders this process holds: a second boot in the same process is refused too. */
const held = new Set<string>()

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One local host per data folder. Two would each run the scheduler on the same database: two
 * timers, double pushes, and two processes writing one SQLite file. A lock left by a process that
 * died (its pid is gone) is taken over. Returns the function that lets go.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'host.lock')
  const holder = (() => {
    try {
      return Number(readFileSync(file, 'utf8').trim()) || 0
    } catch {
      return 0
    }
  })()
  if (held.has(file) || (holder && holder !== process.pid && alive(holder))) {
    throw new Error(`数据目录 ${dataDir} 正被另一个本地服务使用（进程 ${holder || process.pid}）：先停止它，或用 DATA_DIR 指定另一个目录。`)
  }
  writeFileSync(file, String(process.pid))
  held.add(file)
  return () => {
    held.delete(file)
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) unlinkSync(file)
    } catch {
      // already gone
    }
  }
}
