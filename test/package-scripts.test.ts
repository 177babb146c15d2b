import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }

describe('package.json scripts', () => {
  // A script that names a file that is not there fails only when someone runs it, long after the rename.
  it.each(Object.entries(pkg.scripts))('%s names only files that exist', (_name, cmd) => {
    const files = cmd.match(/(?<![\w./-])(?:\.\/)?[\w./-]+\.(?:ts|js|mjs|cjs|sh)\b/g) ?? []
    expect(files.filter((f) => !existsSync(join(root, f)))).toEqual([])
  })

  // `npm run test:e2e` must run the browser tests exactly as `npm test` does.
  it('test:e2e runs e2e the way scripts/test.sh does', () => {
    const sh = readFileSync(join(root, 'scripts/test.sh'), 'utf8')
    expect(sh).toContain('buildH5IfStale')
    expect(sh).toContain('jest -c jest.e2e.config.js')
    expect(pkg.scripts['test:e2e']).toMatch(/buildH5IfStale\(process\.cwd\(\)\).*&& jest -c jest\.e2e\.config\.js$/)
  })
})
