/**
 * miniprogram-ci's offline checks of the build, in a process of their own (its watcher keeps a
 * process alive): the project as WeChat's uploader compiles it, and its code-quality rules.
 * Prints one JSON line: { compiled, errors, quality }.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ci = require('miniprogram-ci')

async function main() {
  const root = process.argv[2]
  const dir = mkdtempSync(join(tmpdir(), 'wuye-ci-'))
  // Any RSA key does offline; uploads need the real 代码上传密钥.
  const key = join(dir, 'private.key')
  writeFileSync(key, execFileSync('openssl', ['genrsa', '2048'], { stdio: ['ignore', 'pipe', 'ignore'] }))
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: key,
    ignores: ['node_modules/**/*'],
    attr: async () => ci.DefaultProjectAttr,
  })
  const errors: string[] = []
  let compiled = 0
  try {
    const out = await ci.getCompiledResult({ project, setting: { es6: false, minify: false }, onProgressUpdate: () => undefined }, join(dir, 'out.zip'))
    compiled = Object.keys(out).length
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e))
  }
  const quality = (await ci.checkCodeQuality(project)) as { name: string; success: boolean; text?: string }[]
  process.stdout.write(JSON.stringify({ compiled, errors, quality: quality.map((q) => ({ name: q.name, success: q.success, text: q.text })) }) + '\n')
  process.exit(0)
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ compiled: 0, errors: [String(e?.message ?? e)], quality: [] }) + '\n')
  process.exit(0)
})
