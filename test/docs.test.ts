import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderApiDocs } from '../scripts/lib/api-docs'

describe('docs/api.md', () => {
  it('matches the contracts', () => {
    const file = join(__dirname, '..', 'docs', 'api.md')
    let current = ''
    try {
      current = readFileSync(file, 'utf8')
    } catch {
      // A missing file is just another kind of out of date.
    }
    // On failure: docs/api.md 与 src/core/contracts.ts 不一致，请运行 npm run docs:api 重新生成后提交
    expect({ stale: current !== renderApiDocs(), fix: 'npm run docs:api' }).toEqual({ stale: false, fix: 'npm run docs:api' })
  })
})
