import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { lockDataDir } from './lock'

let dir: string
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wuye-lock-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('one local host per data folder', () => {
  it('refuses a second host on the same folder, and allows it once the first lets go', () => {
    const release = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(/正被另一个本地服务使用/)
    release()
    expect(existsSync(join(dir, 'host.lock'))).toBe(false)
    lockDataDir(dir)()
  })

  it('refuses a folder another live process holds', () => {
    // This test's parent process is alive for as long as the test runs.
    writeFileSync(join(dir, 'host.lock'), String(process.ppid))
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`进程 ${process.ppid}`))
  })

  it('takes over the lock of a process that died', () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim()
    writeFileSync(join(dir, 'host.lock'), dead)
    const release = lockDataDir(dir)
    release()
  })
})
