/**
 * `npm start`: build the H5 app when its sources are newer than the build, then serve it and the
 * cloud functions on http://127.0.0.1:8700 against .data/ (PORT and DATA_DIR override).
 */
import { join, resolve } from 'node:path'
import { boot } from './host/boot'
import { buildH5IfStale } from './host/h5-build'
import { DEMO_ACCOUNTS } from './seed/demo'

const root = resolve(__dirname, '..')

async function main() {
  if (process.env.SKIP_H5_BUILD !== '1') buildH5IfStale(root)
  const port = Number(process.env.PORT ?? 8700)
  const dataDir = resolve(root, process.env.DATA_DIR ?? '.data')
  const host = await boot({ dataDir, port, staticDir: join(root, 'dist/h5') })
  console.log(`\n物业服务本地环境已启动：${host.url}`)
  console.log(`数据目录：${dataDir}${host.seeded ? '（已写入演示数据「阳光花园」）' : ''}`)
  console.log('演示账号（在页面上点选登录）：')
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.account.padEnd(16)} ${a.name}  ${a.title}`)
  const stop = async () => {
    await host.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
