import { join } from 'node:path'
import { readApiTable } from './api-typings'
import { demoHost } from './host'
import { inTap, weapp, type LoadedPage, type OpenMode } from './sandbox'
import { selectorQueries } from './selector-query'
import { createWx, readAppJson } from './wx'

export const WEAPP = join(__dirname, '../../../dist/weapp')

/**
 * What a sound page leaves behind: nothing WeChat or its console would show as wrong — no error
 * (console.error, a throw exparser caught, a throw in a timer), no warning (exparser's, or the
 * page's console.warn), no unknown API, no missing option, no bad route, no subscribe panel asked for outside a tap.
 */
export const CLEAN = { errors: [], warnings: [], unknownApis: [], missingOptions: [], badRoutes: [], outsideTap: [] }

type Envelope = { ok: boolean; data?: any; error?: { code: string; message: string } }
export interface FunctionCall {
  name: string
  action: string
  data: Record<string, unknown>
  /** The envelope the function answered, once it has. */
  envelope?: Envelope
}

/**
 * One mini-program in WeChat's view engine, talking to a demo host: what a page test needs.
 * `label` names the suite in the timing line printed when it closes.
 */
export async function harness(label: string) {
  const started = Date.now()
  const host = await demoHost()
  const app = readAppJson(WEAPP)
  const errors: string[] = []
  const warnings: string[] = []
  const taroUnsupported: string[] = []
  let opened = 0
  // Late-bound: the sandbox (timers, current page) exists only once wx does.
  let mp: ReturnType<typeof weapp> | null = null
  const queries = selectorQueries({ currentPage: () => mp!.currentPage(), setTimeout: (f, ms) => mp!.later(f, ms) })

  const functionCalls = (): FunctionCall[] =>
    findings.calls
      .filter((c) => c.api === 'cloud.callFunction')
      .map((c) => {
        const arg = c.arg as { name: string; data: { action: string; data: Record<string, unknown> } }
        return { name: arg.name, action: arg.data?.action, data: arg.data?.data, envelope: (c.result as { result?: Envelope } | undefined)?.result }
      })

  const { wx, findings } = createWx(readApiTable(), app, host.backend, {
    createSelectorQuery: () => queries.create(),
    setTimeout: (f, ms) => mp!.later(f, ms),
    inTap,
    // The person confirms WeChat's pay sheet: the order it was opened for (the one bills.createOrder
    // answered with these parameters) is paid, and WeChat calls the payment callback.
    async onPayment(arg) {
      const order = functionCalls().find((c) => c.action === 'createOrder' && c.envelope?.data?.payment?.package === arg.package)
      if (!order) throw { errMsg: 'requestPayment:fail 没有这笔订单' }
      await host.pay(order.envelope!.data.outTradeNo)
    },
  })
  mp = weapp(WEAPP, wx, {
    error: (kind, e) => errors.push(`${kind}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    warn(message) {
      // Taro answers a Taro.<api> that wx lacks with a stub that only warns: the API is missing.
      const missing = /小程序暂不支持 (\w+)/.exec(message)
      if (missing) taroUnsupported.push(`Taro.${missing[1]}`)
      else warnings.push(message)
    },
  })
  const sandbox = mp
  let followed = 0

  const until = async (ok: () => boolean, ms = 4000) => {
    const end = Date.now() + ms
    while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    return ok()
  }

  return {
    app,
    backend: host,
    findings,
    warnings,
    canvases: queries.canvases,
    functionCalls,
    callsOf: (api: string) => findings.calls.filter((c) => c.api === api),
    /** Open a page as the account `backend.as()` named; reLaunch unless told otherwise. */
    async open(route: string, query: Record<string, string> = {}, how: OpenMode = 'reLaunch') {
      opened++
      followed = findings.calls.length
      return sandbox.open(route, query, how)
    },
    /**
     * Where the last tap went: the base library would open that page. Opens the target of the
     * latest navigateTo / redirectTo / switchTab / reLaunch since the last page was opened.
     */
    async follow(): Promise<LoadedPage> {
      const nav = findings.calls.slice(followed).filter((c) => ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'].includes(c.api)).at(-1)
      if (!nav) throw new Error(`没有跳转：${sandbox.pages().at(-1)} 上没有 navigateTo/redirectTo/switchTab`)
      const url = String((nav.arg as { url: string }).url)
      const [path, qs = ''] = url.replace(/^\//, '').split('?')
      const query = Object.fromEntries(
        qs
          .split('&')
          .filter(Boolean)
          .map((kv) => (kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, ''])),
      )
      opened++
      followed = findings.calls.length
      return sandbox.open(path, query, nav.api === 'navigateTo' ? 'navigateTo' : nav.api === 'redirectTo' ? 'redirectTo' : 'reLaunch')
    },
    /** Wait until the page shows what `ok` wants (data arrives asynchronously), or give up. */
    async until(page: LoadedPage, ok: (text: string) => boolean, ms = 4000) {
      return until(() => ok(page.text()), ms)
    },
    /** Wait for anything (a call reaching the host, a canvas painted). */
    waitFor: until,
    /** Everything WeChat would object to, since the last reset: equal to CLEAN when the pages are sound. */
    problems() {
      return {
        errors: [...errors],
        warnings: [...warnings],
        unknownApis: [...findings.unknownApis, ...taroUnsupported],
        missingOptions: [...findings.missingOptions],
        badRoutes: [...findings.badRoutes],
        outsideTap: [...findings.outsideTap],
      }
    },
    reset() {
      errors.length = 0
      warnings.length = 0
      taroUnsupported.length = 0
      findings.unknownApis.length = 0
      findings.missingOptions.length = 0
      findings.badRoutes.length = 0
      findings.outsideTap.length = 0
      findings.calls.length = 0
      followed = 0
    },
    async close() {
      sandbox.close()
      await host.close()
      process.stdout.write(`[weapp] ${label}: ${opened} pages opened in WeChat's view engine, ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    },
  }
}

export type Harness = Awaited<ReturnType<typeof harness>>
