import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A function's config.json, as WeChat DevTools and the CloudBase CLI read it. */
/** The settings a deploy reads (process.env, or a test's own). */
export type Env = Record<string, string | undefined>

export interface FunctionConfig {
  permissions?: { openapi?: string[] }
  timeout?: number
  triggers?: { name: string; type: 'timer'; config: string }[]
}

/** One entry of cloudbaserc.json's `functions` (CloudBase CLI ≥ 0.6: the config is flat). */
export interface CloudbaseFunction {
  name: string
  timeout: number
  runtime: string
  handler: 'index.main'
  installDependency: true
  ignore: string[]
  envVariables: Record<string, string>
  triggers?: FunctionConfig['triggers']
}

/** The cloud function runtime the bundles are built for (esbuild target node16). */
export const RUNTIME = 'Nodejs16.13'

/** Variables every function reads: the template ids (cloudfunctions/lib/templates.ts) and the mini-program state. */
const TEMPLATE_VARS = (env: Env) =>
  Object.keys(env)
    .filter((k) => /^TPL_[A-Z_]+$/.test(k))
    .sort()

/** What a deploy needs from the environment, and why; missing ones are named all at once. */
export const REQUIRED = {
  CLOUD_ENV: 'CloudBase 环境 ID（完整 ID，不是别名）',
  WX_APPID: '小程序 AppID',
  WX_UPLOAD_KEY: '代码上传密钥文件路径（小程序管理后台 → 开发管理 → 小程序代码上传）',
} as const

export function missingEnv(env: Env): string[] {
  return Object.entries(REQUIRED)
    .filter(([k]) => !env[k])
    .map(([k, why]) => `${k}：${why}`)
}

export function readFunctionConfigs(root: string): Record<string, FunctionConfig> {
  const dir = join(root, 'cloudfunctions')
  const out: Record<string, FunctionConfig> = {}
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'config.json')
    if (name !== 'lib' && statSync(join(dir, name)).isDirectory() && existsSync(file)) out[name] = JSON.parse(readFileSync(file, 'utf8'))
  }
  return out
}

/**
 * cloudbaserc.json for `tcb fn deploy`: each function with the timeout and timer its config.json
 * declares, and the variables it reads. Pay settings go only to functions that call cloudPay.
 */
export function cloudbaseConfig(configs: Record<string, FunctionConfig>, env: Env) {
  const pick = (keys: string[]) => Object.fromEntries(keys.filter((k) => env[k] !== undefined).map((k) => [k, env[k]!]))
  const functions: CloudbaseFunction[] = Object.entries(configs).map(([name, c]) => {
    const pays = (c.permissions?.openapi ?? []).some((p) => p.startsWith('cloudPay.'))
    return {
      name,
      timeout: c.timeout ?? 3,
      runtime: RUNTIME,
      handler: 'index.main',
      installDependency: true,
      ignore: ['node_modules', 'node_modules/**/*'],
      envVariables: pick([...TEMPLATE_VARS(env), 'MINIPROGRAM_STATE', ...(pays ? ['PAY_ENV_ID', 'PAY_SUB_MCH_ID'] : [])]),
      ...(c.triggers?.length ? { triggers: c.triggers } : {}),
    }
  })
  return { version: '2.0', envId: env.CLOUD_ENV ?? '', functionRoot: './dist/cloudfunctions', functions }
}

/** The CloudBase CLI, pinned: a deploy should not pick up whatever was published this morning. */
export const TCB = ['npx', '--yes', '@cloudbase/cli@2.12.10']

/** The commands a deploy runs, in order; secrets are read from the environment by each tool. */
export function deploySteps(env: Env, opts: { build: boolean }) {
  const envId = env.CLOUD_ENV ?? ''
  return [
    ...(opts.build ? [{ what: '构建小程序与云函数', cmd: ['npm', 'run', '-s', 'build:weapp'] }] : []),
    ...(env.TENCENTCLOUD_SECRETID
      ? [{ what: '登录云开发 CLI', cmd: [...TCB, 'login', '--apiKeyId', '$TENCENTCLOUD_SECRETID', '--apiKey', '$TENCENTCLOUD_SECRETKEY'] }]
      : []),
    { what: '部署全部云函数（含定时触发器与环境变量）', cmd: [...TCB, 'fn', 'deploy', '--all', '--force', '-e', envId] },
    { what: '创建数据库集合（索引按清单在控制台添加）', cmd: ['npx', 'tsx', 'scripts/setup-cloudbase.ts', '--apply'] },
    { what: '上传小程序代码（miniprogram-ci）', cmd: ['miniprogram-ci', 'upload'] },
  ]
}
