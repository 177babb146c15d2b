import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { WEAPP } from './harness'

/** miniprogram-ci, WeChat's own uploader, checks the build offline: it compiles, and passes every code-quality rule. */
it('miniprogram-ci compiles the project and finds no code-quality failure', () => {
  const out = execFileSync(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, 'harness/ci-check.ts'), WEAPP], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 90_000,
  })
  const r = JSON.parse(out.trim().split('\n').pop()!) as { compiled: number; errors: string[]; quality: { name: string; success: boolean; text: string }[] }
  expect(r.errors).toEqual([])
  expect(r.compiled).toBeGreaterThan(50)
  expect(r.quality.length).toBeGreaterThan(5)
  expect(r.quality.filter((q) => !q.success)).toEqual([])
})
