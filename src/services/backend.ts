import Taro from '@tarojs/taro'
import type { Envelope } from '../core/shared/errors'
import { ApiError } from './errors'
import { getToken, clearToken } from './token'
import type { UploadPurpose } from '../core/account/contracts'
import { restart } from './nav'
import { yuan } from '../core/shared/money'

/**
 * The app's only door to the back end. In WeChat a call is `wx.cloud.callFunction`, and the
 * platform vouches for who is calling; in the H5 build it is a POST to the local host with the
 * dev session's bearer token. Which one is decided at build time by TARO_ENV.
 */

export function initBackend() {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
  }
}

async function transport(name: string, payload: { action: string; data: unknown }): Promise<Envelope<unknown>> {
  if (process.env.TARO_ENV === 'h5') {
    let res: Response
    try {
      res = await fetch(`/api/fn/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(getToken() ? { authorization: `Bearer ${getToken()}` } : {}) },
        body: JSON.stringify(payload),
      })
    } catch {
      throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试')
    }
    return (await res.json()) as Envelope<unknown>
  }
  try {
    const r = await Taro.cloud.callFunction({ name, data: payload })
    return r.result as Envelope<unknown>
  } catch {
    throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试')
  }
}

export async function call<T>(name: string, action: string, data: unknown = {}): Promise<T> {
  const env = await transport(name, { action, data })
  if (env.ok) return env.data as T
  if (env.error.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') {
    clearToken()
    restart('login')
  }
  throw new ApiError(env.error.code, env.error.message, env.error.fields)
}

export interface Uploaded {
  fileId: string
  /** A short-lived link to show it. */
  url: string
}

/**
 * Upload a local file (from chooseMedia / chooseAvatar). The server then records it as the caller's
 * after checking its bytes, so only photos one uploaded oneself can be attached to what one writes.
 */
export async function uploadFile(filePath: string, folder: UploadPurpose): Promise<Uploaded> {
  if (process.env.TARO_ENV === 'h5') {
    const blob = await (await fetch(filePath)).blob()
    const res = await fetch(`/api/files?folder=${encodeURIComponent(folder)}`, {
      method: 'POST',
      headers: { 'content-type': blob.type || 'application/octet-stream', authorization: `Bearer ${getToken()}` },
      body: blob,
    })
    const env = (await res.json()) as Envelope<Uploaded>
    if (!env.ok) throw new ApiError(env.error.code, env.error.message)
    return env.data
  }
  const ext = /\.(\w+)$/.exec(filePath)?.[1] ?? 'jpg'
  const r = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`, filePath })
  return call<Uploaded>('account', 'registerUpload', { fileId: r.fileID, purpose: folder })
}

/** One of the local host's dev routes (sign-in, pay sheet, phone sheet): only the H5 build calls them. */
async function devRoute<T>(path: string, init?: RequestInit): Promise<T> {
  const env = (await (await fetch(path, init)).json()) as Envelope<T>
  if (!env.ok) throw new ApiError(env.error.code, env.error.message)
  return env.data
}

const signedPost = (): RequestInit => ({ method: 'POST', headers: { authorization: `Bearer ${getToken()}` } })

export async function devLogin(account: string) {
  const body = JSON.stringify({ account })
  return (await devRoute<{ token: string }>('/api/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).token
}

export const devAccounts = () => devRoute<{ account: string; name: string; title: string; roles: string[] }[]>('/api/dev/accounts')

/** The simulated 手机号快速验证 sheet's one-time code, for the number this demo account has in WeChat. */
export const devPhoneCode = async () => (await devRoute<{ code: string }>('/api/dev/phone-code', signedPost())).code

/**
 * Pay an order from bills.createOrder. In WeChat: wx.requestPayment with what unifiedOrder
 * returned; the payment callback function credits the bills. On the local host: a simulated
 * pay sheet, then the dev pay route, which drives that same callback code. Resolves false when
 * the payer cancels; the bills are credited by the callback, never by this return value.
 */
export async function requestPayment(order: { outTradeNo: string; totalFee: number; payment: Record<string, string> }): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    const amount = `¥${yuan(order.totalFee)}`
    const { confirm } = await Taro.showModal({
      title: '模拟微信支付',
      content: `向「物业服务」支付 ${amount}（本地演示，不会真实扣款）`,
      confirmText: '确认支付',
      cancelText: '取消',
    })
    if (!confirm) return false
    await devRoute<{ errcode: number }>(`/api/dev/pay/${order.outTradeNo}`, signedPost())
    return true
  }
  try {
    await Taro.requestPayment({ ...(order.payment as unknown as Parameters<typeof Taro.requestPayment>[0]) })
    return true
  } catch (e) {
    if (/cancel/.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return false
    throw new ApiError('NETWORK', '支付未完成，请稍后重试')
  }
}
