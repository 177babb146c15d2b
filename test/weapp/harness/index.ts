import { join } from 'node:path'
import { readApiTable } from './api-typings'
import { demoHost } from './host'
import { weapp } from './sandbox'
import { createWx, readAppJson } from './wx'

export const WEAPP = join(__dirname, '../../../dist/weapp')

/** One mini-program in WeChat's view engine, talking to a demo host: what a page test needs. */
export async function harness() {
  const backend = await demoHost()
  const app = readAppJson(WEAPP)
  const { wx, findings } = createWx(readApiTable(), app, backend)
  const errors: unknown[] = []
  const onUnhandled = (e: unknown) => errors.push(e)
  process.on('unhandledRejection', onUnhandled)
  const mp = weapp(WEAPP, wx, (e) => errors.push(e))
  return {
    ...mp,
    app,
    backend,
    findings,
    errors,
    /** Everything WeChat would object to, since the last reset: empty when the page is sound. */
    problems() {
      return {
        errors: errors.map((e) => (Array.isArray(e) ? e.map(String).join(' ') : String(e))),
        unknownApis: findings.unknownApis,
        missingOptions: findings.missingOptions,
        badRoutes: findings.badRoutes,
      }
    },
    reset() {
      errors.length = 0
      findings.unknownApis.length = 0
      findings.missingOptions.length = 0
      findings.badRoutes.length = 0
      findings.calls.length = 0
    },
    async close() {
      process.off('unhandledRejection', onUnhandled)
      await backend.close()
    },
  }
}

export const CLEAN = { errors: [], unknownApis: [], missingOptions: [], badRoutes: [] }
