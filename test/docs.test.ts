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
    if (current !== renderApiDocs()) {
      throw new Error('docs/api.md 与 src/core/contracts.ts 不一致，请运行 npm run docs:api 重新生成后提交')
    }
  })
})
