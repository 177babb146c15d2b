import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { renderApiDocs } from './lib/api-docs'

const file = join(resolve(__dirname, '..'), 'docs', 'api.md')
mkdirSync(dirname(file), { recursive: true })
writeFileSync(file, renderApiDocs())
console.log(`已生成 ${file}`)
