import type { CloudFunction } from '../../runtime/handler'
import type { Deps, Identity } from '../../runtime/deps'
import { systemClock } from '../../ports/clock'
import { cloudbaseStore, type CloudDb } from './store'
import { cloudbaseNotifier } from './notifier'
import { cloudbaseFiles } from './files'
import { cloudbasePayments } from './payments'

let deps: Deps | null = null
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any = null

/** wx-server-sdk is loaded on the first WeChat call only, so the local host can import this file. */
function init() {
  if (!deps) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database() as CloudDb
    deps = {
      store: cloudbaseStore(db),
      clock: systemClock,
      notifier: cloudbaseNotifier(cloud.openapi, process.env.MINIPROGRAM_STATE || 'formal'),
      files: cloudbaseFiles(cloud),
      payments: cloudbasePayments(cloud.cloudPay, {
        envId: process.env.PAY_ENV_ID || '',
        subMchId: process.env.PAY_SUB_MCH_ID || '',
        callbackFunction: 'payCallback',
      }),
    }
  }
  return { deps, cloud }
}

/**
 * A timer trigger carries no OPENID and Type 'timer' (any case: the SCF docs and WeChat's own
 * samples disagree); a client call always has an OPENID, so a resident cannot pose as the timer
 * by sending {Type: 'timer'}.
 */
export const sourceOf = (openid: string | undefined, event: Record<string, unknown> | null | undefined): Identity['source'] =>
  !openid && String(event?.Type ?? '').toLowerCase() === 'timer' ? 'timer' : 'wechat'

/** The WeChat entry: identity is OPENID from getWXContext, never anything in the event. */
export function wechatMain(fn: CloudFunction) {
  return async (event: Record<string, unknown>) => {
    const { deps, cloud } = init()
    const { OPENID } = cloud.getWXContext()
    return fn.call(event, { openid: OPENID || null, source: sourceOf(OPENID, event) }, deps)
  }
}

/**
 * The WeChat entry of a function that is not a contract function (the payment callback): the
 * same deps, and the identity as the platform gives it (OPENID, or null for WeChat's own calls).
 */
export function wechatEntry<R>(fn: (event: unknown, identity: Identity, deps: Deps) => Promise<R>) {
  return async (event: unknown) => {
    const { deps, cloud } = init()
    const { OPENID } = cloud.getWXContext()
    return fn(event, { openid: OPENID || null, source: 'wechat' }, deps)
  }
}
