import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/** Build dist/h5 when anything under src/ or config/ (or package.json) is newer than it. */
export function buildH5IfStale(root: string, log: (s: string) => void = console.log) {
  const built = join(root, 'dist/h5/index.html')
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'config')), statSync(join(root, 'package.json')).mtimeMs)
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return false
  log('H5 版本需要构建，正在执行 taro build --type h5（约 30 秒）…')
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0 || !existsSync(built)) {
    throw new Error(`${`${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-4000)}\nH5 构建失败，请运行 npm run build:h5 查看详细错误`)
  }
  return true
}
