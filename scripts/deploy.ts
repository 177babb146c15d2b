/**
 * `npm run deploy`: build, write cloudbaserc.json, deploy every cloud function with the CloudBase
 * CLI, create the collections, and upload the mini-program with miniprogram-ci.
 *
 *   CLOUD_ENV=<env id> WX_APPID=<appid> WX_UPLOAD_KEY=<key file> npm run deploy
 *   npm run deploy -- --dry-run      # writes cloudbaserc.json, checks the settings, runs nothing
 *   (--skip-build: use the dist/ already built; --config FILE: write the CLI config elsewhere)
 *
 * Also read: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (CLI login and collections), TPL_*
 * (template ids), PAY_ENV_ID / PAY_SUB_MCH_ID (WeChat Pay), MINIPROGRAM_STATE, VERSION, DESC.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { cloudbaseConfig, deploySteps, missingEnv, readFunctionConfigs, type Env } from './deploy/plan'

const ROOT = resolve(__dirname, '..')

async function upload(env: Env) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci')
  const version = env.VERSION || JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
  const project = new ci.Project({ appid: env.WX_APPID, type: 'miniProgram', projectPath: join(ROOT, 'dist/weapp'), privateKeyPath: env.WX_UPLOAD_KEY })
  await ci.upload({ project, version, desc: env.DESC || `物业服务 ${version}`, setting: { es6: false, minify: true }, robot: 1 })
}

async function main() {
  const args = process.argv.slice(2)
  const dry = args.includes('--dry-run')
  const env = process.env
  const missing = missingEnv(env)
  if (missing.length) throw new Error(`部署前请设置以下环境变量：\n  ${missing.join('\n  ')}`)

  const config = cloudbaseConfig(readFunctionConfigs(ROOT), env)
  const at = args.indexOf('--config')
  const file = at >= 0 ? resolve(args[at + 1]) : join(ROOT, 'cloudbaserc.json')
  writeFileSync(file, JSON.stringify(config, null, 2) + '\n')
  console.log(`已写入 ${file}（${config.functions.length} 个云函数）`)

  const steps = deploySteps(env, { build: !args.includes('--skip-build') })
  for (const [i, s] of steps.entries()) {
    console.log(`${i + 1}. ${s.what}：${s.cmd.join(' ')}`)
    if (dry) continue
    if (s.cmd[0] === 'miniprogram-ci') {
      await upload(env)
      continue
    }
    const [cmd, ...rest] = s.cmd.map((a) => (a.startsWith('$') ? (env[a.slice(1)] ?? '') : a))
    const r = spawnSync(cmd, rest, { cwd: ROOT, stdio: 'inherit', env: { ...env, TCB_ENV: env.CLOUD_ENV } })
    if (r.status !== 0) throw new Error(`第 ${i + 1} 步失败：${s.what}`)
  }
  console.log(dry ? '\n演练结束：以上命令均未执行。' : '\n部署完成。索引请按 npm run setup:cloudbase 的清单在控制台添加。')
  // miniprogram-ci keeps a watcher open.
  process.exit(0)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
