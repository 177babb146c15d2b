import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { cloudbaseConfig, missingEnv, readFunctionConfigs } from './plan'

const ROOT = resolve(__dirname, '../..')
const ENV = {
  CLOUD_ENV: 'wuye-prod-1a2b3c',
  WX_APPID: 'wx0123456789abcdef',
  WX_UPLOAD_KEY: '/keys/upload.key',
  TPL_BILL_REMINDER: 'tplBill',
  PAY_ENV_ID: 'wuye-prod-1a2b3c',
  PAY_SUB_MCH_ID: '1900000109',
}

describe('deploy: cloudbaserc.json from each function’s config.json', () => {
  const configs = readFunctionConfigs(ROOT)
  const rc = cloudbaseConfig(configs, ENV)
  const fn = (name: string) => rc.functions.find((f) => f.name === name)!

  it('lists every function with the timeout its config.json declares', () => {
    expect(rc.envId).toBe('wuye-prod-1a2b3c')
    expect(rc.functions.map((f) => f.name)).toEqual([
      'account',
      'bills',
      'decoration',
      'kb',
      'notices',
      'patrol',
      'payCallback',
      'scheduler',
      'supervisor',
      'surveys',
      'tickets',
      'vacancy',
      'vendors',
    ])
    for (const f of rc.functions) expect(f.timeout).toBe(configs[f.name].timeout)
    expect(fn('scheduler').timeout).toBe(60)
  })

  it('gives the scheduler its every-minute timer, and no other function a trigger', () => {
    expect(fn('scheduler').triggers).toEqual([{ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }])
    expect(rc.functions.filter((f) => f.triggers).map((f) => f.name)).toEqual(['scheduler'])
  })

  it('passes template ids to every function and pay settings only to those that call cloudPay', () => {
    for (const f of rc.functions) expect(f.envVariables.TPL_BILL_REMINDER).toBe('tplBill')
    const paying = rc.functions.filter((f) => f.envVariables.PAY_SUB_MCH_ID).map((f) => f.name)
    expect(paying).toEqual(['bills', 'decoration', 'payCallback', 'scheduler'])
  })

  it('names every missing setting at once', () => {
    expect(missingEnv({})).toEqual([expect.stringMatching(/^CLOUD_ENV/), expect.stringMatching(/^WX_APPID/), expect.stringMatching(/^WX_UPLOAD_KEY/)])
    expect(missingEnv(ENV)).toEqual([])
  })

  it('pins the exact wx-server-sdk the tests run against', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/wx-server-sdk/package.json'), 'utf8')).version
    expect(pkg.dependencies['wx-server-sdk']).toBe(installed)
  })
})

describe('npm run deploy -- --dry-run', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wuye-deploy-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const run = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/deploy.ts', '--dry-run', '--skip-build', '--config', join(dir, 'rc.json')],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
        encoding: 'utf8',
      },
    )

  it('writes the CLI config and prints each step without running any', () => {
    const r = run(ENV)
    expect(r.status).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'rc.json'), 'utf8')).functions).toHaveLength(13)
    expect(r.stdout).toContain('fn deploy --all --force -e wuye-prod-1a2b3c')
    expect(r.stdout).toContain('setup-cloudbase.ts --apply')
    expect(r.stdout).toContain('上传小程序代码')
    expect(r.stdout).toContain('演练结束')
  })

  it('refuses to start without the settings it needs, naming them', () => {
    const r = run({})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/CLOUD_ENV[\s\S]*WX_APPID[\s\S]*WX_UPLOAD_KEY/)
  })
})
