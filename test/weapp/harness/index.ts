import { join } from 'node:path'
import { readApiTable } from './api-typings'
import { demoHost } from './host'
import { weapp, type LoadedPage } from './sandbox'
import { createWx, readAppJson } from './wx'

export const WEAPP = join(__dirname, '../../../dist/weapp')

/** One mini-program in WeChat's view engine, talking to a demo host: what a page test needs. */
export async function harness() {
  const backend = await demoHost()
  const app = readAppJson(WEAPP)
  const { wx, findings, camera } = createWx(readApiTable(), app, backend)
  const errors: unknown[] = []
  const onUnhandled = (e: unknown) => errors.push(e)
  process.on('unhandledRejection', onUnhandled)
  const mp = weapp(WEAPP, wx, (e) => errors.push(e))
  return {
    ...mp,
    app,
    backend,
    findings,
    camera,
    errors,
    /** Everything WeChat would object to, since the last reset: empty when the page is sound. */
    problems() {
      return {
        errors: errors.map((e) => (Array.isArray(e) ? e.map(String).join(' ') : String(e))),
        unknownApis: findings.unknownApis,
        missingOptions: findings.missingOptions,
        badRoutes: findings.badRoutes,
        refused: backend.refused,
      }
    },
    /** What the page sent across since the last reset, and the nodes it shows now. */
    figures(page: LoadedPage): PageFigures {
      const calls = mp.setDataCalls
      return {
        firstSetData: calls.find((c) => c.from === page.route)?.bytes ?? 0,
        largestSetData: Math.max(0, ...calls.map((c) => c.bytes)),
        setDataBytes: calls.reduce((n, c) => n + c.bytes, 0),
        setDataCalls: calls.length,
        nodes: page.nodes(),
      }
    },
    reset() {
      mp.setDataCalls.length = 0
      errors.length = 0
      findings.unknownApis.length = 0
      findings.missingOptions.length = 0
      findings.badRoutes.length = 0
      backend.refused.length = 0
      findings.calls.length = 0
    },
    async close() {
      process.off('unhandledRejection', onUnhandled)
      await backend.close()
    },
  }
}

export interface PageFigures {
  /** The page's first render, in bytes of JSON. */
  firstSetData: number
  largestSetData: number
  /** Every setData of the page and its custom components until its content showed. */
  setDataBytes: number
  setDataCalls: number
  nodes: number
}

/** WeChat's limits: one setData above 256 KB is refused on some devices; a page over 1,000 nodes is flagged by its audits and slow to render. */
export const WECHAT_LIMITS = { setDataBytes: 256 * 1024, nodes: 1000 }

export const CLEAN = { errors: [], unknownApis: [], missingOptions: [], badRoutes: [], refused: [] }
