import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { dirBytes, formatReport, measure, measureWeapp, readSubpackageRoots, type Measure } from './lib/size'

/** Size budgets for the mini-program packages and the cloud-function bundles; exit 1 when over. */

const ROOT = resolve(__dirname, '..')
const WEAPP = join(ROOT, 'dist', 'weapp')
const FUNCTIONS = join(ROOT, 'dist', 'cloudfunctions')

function main() {
  const missing: string[] = []
  if (!existsSync(join(WEAPP, 'app.json'))) missing.push('dist/weapp 不存在，请先运行 npm run build:weapp')
  if (!existsSync(FUNCTIONS)) missing.push('dist/cloudfunctions 不存在，请先运行 npm run build:functions')
  if (missing.length) {
    for (const m of missing) console.error(m)
    process.exit(1)
  }

  const roots = readSubpackageRoots(WEAPP)
  const weapp = measureWeapp(WEAPP, roots)
  const rows: Measure[] = [
    measure('main', 'main', weapp.main),
    ...roots.map((r) => measure('subpackage', r, weapp.subpackages[r])),
    ...readdirSync(FUNCTIONS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => measure('function', d.name, dirBytes(join(FUNCTIONS, d.name)))),
  ]
  console.log(formatReport(rows))

  const over = rows.filter((r) => r.over)
  if (over.length) {
    console.error(`\n超出体积预算：${over.map((r) => r.name).join('、')}`)
    process.exit(1)
  }
  console.log('\n全部在体积预算之内')
}

main()
