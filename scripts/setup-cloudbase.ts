import { COLLECTIONS, indexesOf } from '../cloudfunctions/lib/collections'

/**
 * What a fresh CloudBase environment needs before the first call: the collections (which
 * wx-server-sdk can create, with --apply) and the indexes (which it cannot: the console or
 * the CloudBase CLI has to add them, so they are printed as a checklist, or as JSON with --json).
 *
 *   npm run setup:cloudbase                  # checklist only
 *   npm run setup:cloudbase -- --json        # the same as JSON
 *   TCB_ENV=<envId> npm run setup:cloudbase -- --apply
 *
 * --apply must run where wx-server-sdk can reach the environment: inside a cloud function, or
 * with TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY set, which the SDK reads itself.
 */

/** Collections the local host keeps for itself (dev sign-in, simulated payments) by naming convention. */
const isLocalOnly = (name: string) => name.startsWith('dev')

export interface IndexSpec {
  collection: string
  name: string
  fields: string[]
}

export function cloudbasePlan() {
  const collections = Object.keys(COLLECTIONS).filter((n) => !isLocalOnly(n))
  const indexes: IndexSpec[] = collections.flatMap((collection) =>
    indexesOf(collection).map((fields) => ({ collection, name: fields.join('_').replace(/\W/g, '_'), fields })),
  )
  return { collections, indexes }
}

function printChecklist(plan: ReturnType<typeof cloudbasePlan>) {
  console.log(`云开发控制台 → 数据库：需要的集合（${plan.collections.length} 个）`)
  for (const c of plan.collections) console.log(`  [ ] ${c}`)
  console.log(`\n云开发控制台 → 数据库 → 集合 → 索引管理：需要添加的索引（${plan.indexes.length} 个，非唯一，字段均为升序）`)
  for (const i of plan.indexes) console.log(`  [ ] ${i.collection.padEnd(12)} ${i.name.padEnd(40)} ${i.fields.join(' + ')}`)
}

const alreadyExists = (e: unknown) =>
  /already exist|ALREADY_EXIST|-502005|Table exist/i.test(`${(e as { errCode?: unknown })?.errCode ?? ''} ${(e as Error)?.message ?? e}`)

async function apply(collections: string[]) {
  const env = process.env.TCB_ENV
  if (!env) throw new Error('请通过环境变量 TCB_ENV 指定云开发环境 ID，例如：TCB_ENV=wuye-1a2b3c npm run setup:cloudbase -- --apply')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env })
  const db = cloud.database()
  for (const name of collections) {
    try {
      await db.createCollection(name)
      console.log(`已创建集合 ${name}`)
    } catch (e) {
      if (!alreadyExists(e)) throw e
      console.log(`集合 ${name} 已存在，跳过`)
    }
  }
}

async function main() {
  const args = process.argv.slice(2)
  const plan = cloudbasePlan()
  if (args.includes('--json')) {
    console.log(JSON.stringify(plan, null, 2))
    return
  }
  if (args.includes('--apply')) {
    await apply(plan.collections)
    console.log('\n集合已就绪。索引无法通过 wx-server-sdk 创建，请在控制台按以下清单添加：\n')
  }
  printChecklist(plan)
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
