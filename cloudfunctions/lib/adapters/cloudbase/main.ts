import type { CloudFunction } from '../../runtime/handler'
import type { Deps, Identity } from '../../runtime/deps'
import { systemClock } from '../../ports/clock'
import { cloudbaseStore, type CloudDb } from './store'
import { cloudbaseNotifier } from './notifier'
import { cloudbaseFiles } from './files'
import { cloudbasePayments } from './payments'
import { cloudbasePhones } from './phones'

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
      phones: cloudbasePhones(cloud.openapi),
    }
  }
  return { deps, cloud }
}

/** getWXContext() as the platform fills it (from the runtime's environment, never the event). */
interface WXContext {
  OPENID?: string
  SOURCE?: string
}

/**
 * Who called, from getWXContext().SOURCE: the timer trigger says `wx_trigger`, WeChat Pay's
 * callback `wx_paycallback`, a client `wx_client` (`wx_devtools` from DevTools). Nothing in the
 * event counts: anyone can call a function with `{Type: 'Timer'}` from a client.
 */
export function identityOf(wx: WXContext): Identity {
  if (wx.SOURCE === 'wx_trigger') return { openid: null, source: 'timer' }
  if (wx.SOURCE === 'wx_paycallback') return { openid: null, source: 'payment' }
  return { openid: wx.OPENID || null, source: 'wechat' }
}

/**
 * The event a contract function runs. A timer trigger passes `{Type: 'Timer', TriggerName, Time}`
 * and no action: it runs the function's `timerAction`; a function without one refuses the timer.
 */
export function eventFor(identity: Identity, event: unknown, timerAction?: string): unknown {
  if (identity.source !== 'timer') return event
  return timerAction ? { action: timerAction } : { action: '' }
}

/** The WeChat entry of a contract function: identity from getWXContext, never from the event. */
export function wechatMain(fn: CloudFunction, opts: { timerAction?: string } = {}) {
  return async (event: unknown) => {
    const { deps, cloud } = init()
    const identity = identityOf(cloud.getWXContext())
    return fn.call(eventFor(identity, event, opts.timerAction), identity, deps)
  }
}

/**
 * The WeChat entry of a function that is not a contract function (the payment callback): the
 * same deps, and the identity as the platform gives it.
 */
export function wechatEntry<R>(fn: (event: unknown, identity: Identity, deps: Deps) => Promise<R>) {
  return async (event: unknown) => {
    const { deps, cloud } = init()
    return fn(event, identityOf(cloud.getWXContext()), deps)
  }
}
