import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

/**
 * Bundle every cloud function into dist/cloudfunctions/<name>/, the folder project.config.json
 * points WeChat DevTools at. One self-contained index.js per function means the console's
 * "上传并部署：云端安装依赖" only has to install wx-server-sdk.
 */

const ROOT = resolve(__dirname, '..')
const SRC = join(ROOT, 'cloudfunctions')
const OUT = join(ROOT, 'dist', 'cloudfunctions')

/** Modules that exist only on the local host; one of them in a bundle means an import leaked. */
const LOCAL_ONLY = ['better-sqlite3', 'playwright-core', '@tarojs/']

const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const sdkVersion: string | undefined = rootPkg.dependencies?.['wx-server-sdk']
if (!sdkVersion) throw new Error('package.json 的 dependencies 中缺少 wx-server-sdk')
// Each upload installs what the function's package.json names: an exact version is the one the tests ran.
if (!/^\d+\.\d+\.\d+$/.test(sdkVersion)) throw new Error(`wx-server-sdk 须写明确切版本（现为 ${sdkVersion}），云端安装的才是测试过的那一版`)

/** A function is a folder with config.json; lib/ holds shared code and has none. */
export const functionNames = () =>
  readdirSync(SRC)
    .filter((n) => n !== 'lib' && statSync(join(SRC, n)).isDirectory() && existsSync(join(SRC, n, 'config.json')))
    .sort()

async function buildOne(name: string) {
  const dir = join(OUT, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const outfile = join(dir, 'index.js')

  const result = await build({
    entryPoints: [join(SRC, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // The cloud function runtime defaults to Node 16.
    target: 'node16',
    format: 'cjs',
    minify: true,
    // Chinese messages as UTF-8 rather than \uXXXX escapes: half the bytes for every character.
    charset: 'utf8',
    // The platform provides the SDK at deploy time; bundling it would also drag in its native deps.
    external: ['wx-server-sdk'],
    metafile: true,
    logLevel: 'warning',
  })

  const leaked = Object.keys(result.metafile.inputs).filter((f) => LOCAL_ONLY.some((m) => f.includes(`node_modules/${m}`)))
  const code = readFileSync(outfile, 'utf8')
  if (leaked.length || code.includes('better-sqlite3')) {
    throw new Error(
      `云函数 ${name} 的打包结果包含仅限本地的模块（${leaked.join(', ') || 'better-sqlite3'}）。` +
        '请检查是否从 cloudfunctions/lib/adapters/local 或 scripts/ 引入了代码。',
    )
  }

  // The platform calls exports.main; a bundle without it deploys fine and then fails on every call.
  const mod = createRequire(outfile)(outfile)
  if (typeof mod.main !== 'function') throw new Error(`云函数 ${name} 的打包结果没有导出 main`)

  copyFileSync(join(SRC, name, 'config.json'), join(dir, 'config.json'))
  const pkg = { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  return statSync(outfile).size
}

async function main() {
  const names = functionNames()
  if (!names.length) throw new Error('cloudfunctions/ 下没有找到云函数（需要 config.json）')
  // Start clean so a deleted function does not linger in the upload folder.
  rmSync(OUT, { recursive: true, force: true })
  for (const name of names) {
    const bytes = await buildOne(name)
    console.log(`${name.padEnd(20)} ${String(bytes).padStart(8)} B  (${(bytes / 1024).toFixed(1)} KB)`)
  }
  console.log(`已输出到 ${OUT}`)
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
