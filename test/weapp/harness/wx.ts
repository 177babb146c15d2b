import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiTable } from './api-typings'

/**
 * The `wx` the logic sandbox sees: WeChat's API surface as a recording Proxy. It answers the
 * calls a page makes the way the base library does (success/complete callbacks, later, never in
 * the same tick), and flags what WeChat would refuse: an API that does not exist, a call without
 * a required option, a route outside app.json, navigateTo/redirectTo to a tab page or switchTab
 * to a page that is not one. wx.cloud is the same kind of Proxy over WxCloud; its callFunction
 * and uploadFile go to the local host as the signed-in account.
 */
export interface Call {
  api: string
  arg: unknown
  /** What the API answered (for cloud.callFunction: `{result: envelope}`), once it has. */
  result?: unknown
}

export interface Findings {
  calls: Call[]
  unknownApis: string[]
  missingOptions: string[]
  badRoutes: string[]
  /** Calls WeChat refuses unless they come from a tap's own handler (the subscribe panel). */
  outsideTap: string[]
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

export interface Backend {
  /** The envelope the function answers: `{ok, data}` or `{ok: false, error}`. */
  callFunction(name: string, data: unknown): Promise<unknown>
  /** Store a file; resolves its file id. */
  uploadFile(cloudPath: string, bytes: Buffer, contentType: string): Promise<string>
}

export interface WxOptions {
  /** wx.createSelectorQuery: simulate has none that can answer fields(); see selector-query.ts. */
  createSelectorQuery?: () => unknown
  /** WeChat Pay after the person confirms the pay sheet: the payment happens, WeChat calls the payment callback. */
  onPayment?: (arg: Record<string, unknown>) => Promise<void>
  /** The sandbox's timers, so pending answers die with the mini-program. */
  setTimeout?: (f: () => void, ms: number) => unknown
  /** Whether a tap's handler is running right now (the view layer's event, synchronously). */
  inTap?: () => boolean
}

export function readAppJson(root: string): AppJson {
  return JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'))
}

export const allPages = (app: AppJson) => [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]

/** Taro keeps its chunk registry on wx; nothing else may be written there. */
const TARO_PROPERTIES = new Set(['webpackJsonp'])
const ROUTE_APIS = new Set(['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'])
/**
 * APIs WeChat answers "can only be invoked by user TAP gesture" unless called from a tap's own
 * handler, before its first await (the docs of requestSubscribeMessage and openSetting).
 */
const TAP_ONLY = new Set(['requestSubscribeMessage', 'requestSubscribeDeviceMessage', 'openSetting'])
/** A 1×1 PNG: what the album hands back when a person picks a photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' }

export function createWx(table: ApiTable, app: AppJson, backend: Backend, opts: WxOptions = {}) {
  const findings: Findings = { calls: [], unknownApis: [], missingOptions: [], badRoutes: [], outsideTap: [] }
  const later = opts.setTimeout ?? ((f: () => void, ms: number) => setTimeout(f, ms))
  const pages = new Set(allPages(app))
  const tabs = new Set((app.tabBar?.list ?? []).map((t) => t.pagePath))
  const storage = new Map<string, unknown>()
  /** Temp files the pickers handed out (wxfile://tmp_…), as the app may upload them. */
  const tempFiles = new Map<string, Buffer>()
  const written: Record<string, unknown> = {}

  const checkRoute = (api: string, url: unknown) => {
    const path = String(url ?? '').replace(/^\//, '').split('?')[0]
    if (!pages.has(path)) findings.badRoutes.push(`${api} → ${url}（不在 app.json 中）`)
    else if (api === 'switchTab' && !tabs.has(path)) findings.badRoutes.push(`switchTab → ${url}（不是 tabBar 页面）`)
    else if ((api === 'navigateTo' || api === 'redirectTo') && tabs.has(path)) findings.badRoutes.push(`${api} → ${url}（tabBar 页面只能用 switchTab）`)
  }
  const checkOptions = (api: string, need: string[] | undefined, arg: unknown) => {
    const missing = (need ?? []).filter((f) => (arg as Record<string, unknown> | undefined)?.[f] === undefined)
    if (missing.length) findings.missingOptions.push(`${api} 缺少 ${missing.join('、')}`)
  }
  const tempFile = (ext: string) => {
    const path = `wxfile://tmp_${tempFiles.size + 1}.${ext}`
    tempFiles.set(path, PHOTO)
    return path
  }

  const windowInfo = { windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20, safeArea: { top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647 } }
  const SYNC: Record<string, (arg: unknown, rest: unknown[]) => unknown> = {
    getSystemInfoSync: () => ({ ...windowInfo, platform: 'ios', system: 'iOS 17.0', version: '8.0.50', SDKVersion: '3.5.8', language: 'zh_CN', brand: 'iPhone', model: 'iPhone 14' }),
    getWindowInfo: () => windowInfo,
    getDeviceInfo: () => ({ platform: 'ios', system: 'iOS 17.0', brand: 'iPhone', model: 'iPhone 14', pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.5.8', language: 'zh_CN', version: '8.0.50', theme: 'light' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wxdemoappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getMenuButtonBoundingClientRect: () => ({ top: 24, bottom: 56, left: 278, right: 365, width: 87, height: 32 }),
    getStorageSync: (k) => storage.get(String(k)) ?? '',
    setStorageSync: (k, [v]) => void storage.set(String(k), v),
    removeStorageSync: (k) => void storage.delete(String(k)),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 1, limitSize: 10240 }),
    canIUse: () => true,
    createSelectorQuery: () => opts.createSelectorQuery?.() ?? null,
  }
  const ASYNC: Record<string, (arg: Record<string, unknown>) => unknown> = {
    getSetting: () => ({ authSetting: {}, subscriptionsSetting: { mainSwitch: true } }),
    // The person taps 允许 for every template the app asks for.
    requestSubscribeMessage: (a) => Object.fromEntries(((a.tmplIds as string[]) ?? []).map((id) => [id, 'accept'])),
    getPrivacySetting: () => ({ needAuthorization: false, privacyContractName: '《物业服务隐私保护指引》' }),
    getStorage: (a) => ({ data: storage.get(String(a.key)) }),
    setStorage: (a) => void storage.set(String(a.key), a.data),
    removeStorage: (a) => void storage.delete(String(a.key)),
    // The person answers 确定 to a confirmation and picks the first item of an action sheet.
    showModal: () => ({ confirm: true, cancel: false }),
    showActionSheet: () => ({ tapIndex: 0 }),
    // …and picks one photo from the album.
    chooseMedia: () => ({ type: 'image', tempFiles: [{ tempFilePath: tempFile('png'), size: PHOTO.length, fileType: 'image', width: 1, height: 1 }] }),
    chooseImage: () => {
      const path = tempFile('png')
      return { tempFilePaths: [path], tempFiles: [{ path, size: PHOTO.length }] }
    },
    login: () => ({ code: 'harness-login-code' }),
  }

  type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }
  const answer = (api: string, a: Record<string, unknown> & Callbacks, result: object, record: Call) =>
    new Promise((resolve) =>
      later(() => {
        const r = { errMsg: `${api}:ok`, ...result }
        record.result = r
        a.success?.(r)
        a.complete?.(r)
        resolve(r)
      }, 0),
    )
  const refuse = (api: string, a: Callbacks, why: string, record: Call) =>
    new Promise((_resolve, reject) =>
      later(() => {
        const r = { errMsg: `${api}:fail ${why}` }
        record.result = r
        a.fail?.(r)
        a.complete?.(r)
        reject(r)
      }, 0),
    )

  const call = (api: string, arg: unknown, rest: unknown[]) => {
    const record: Call = { api, arg }
    findings.calls.push(record)
    if (!table.apis.has(api) || table.properties.has(api)) findings.unknownApis.push(api)
    checkOptions(api, table.required.get(api), arg)
    if (ROUTE_APIS.has(api)) checkRoute(api, (arg as { url?: string })?.url)
    if (SYNC[api]) return (record.result = SYNC[api](arg, rest))
    const a = (arg ?? {}) as Record<string, unknown>
    if (TAP_ONLY.has(api) && opts.inTap && !opts.inTap()) {
      findings.outsideTap.push(api)
      return refuse(api, a, 'can only be invoked by user TAP gesture.', record)
    }
    if (api === 'requestPayment' && opts.onPayment) return opts.onPayment(a).then(() => answer(api, a, {}, record))
    return answer(api, a, (ASYNC[api]?.(a) as object) ?? {}, record)
  }

  const CLOUD: Record<string, (o: Record<string, unknown>) => Promise<object> | object> = {
    init: () => ({}),
    callFunction: async (o) => ({ result: await backend.callFunction(String(o.name), o.data), requestID: `harness-${findings.calls.length}` }),
    uploadFile: async (o) => {
      const path = String(o.filePath)
      const bytes = tempFiles.get(path)
      if (!bytes) throw { errMsg: `cloud.uploadFile:fail file not found ${path}` }
      return { fileID: await backend.uploadFile(String(o.cloudPath), bytes, MIME[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream'), statusCode: 200 }
    },
  }
  const cloudCall = (api: string, arg: unknown) => {
    const record: Call = { api: `cloud.${api}`, arg }
    findings.calls.push(record)
    if (!table.cloudApis.has(api)) findings.unknownApis.push(`cloud.${api}`)
    checkOptions(`cloud.${api}`, table.cloudRequired.get(api), arg)
    const o = (arg ?? {}) as Record<string, unknown> & { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }
    if (api === 'init') return undefined
    const run = async () => ({ errMsg: `cloud.${api}:ok`, ...(await (CLOUD[api]?.(o) ?? {})) })
    // Like the real SDK: callbacks when given, a promise otherwise (and the promise either way here).
    return run().then(
      (r) => {
        record.result = r
        o.success?.(r)
        o.complete?.(r)
        return r
      },
      (e) => {
        record.result = e
        o.fail?.(e)
        o.complete?.(e)
        if (!o.fail) throw e
        return undefined
      },
    )
  }
  const cloud = new Proxy({} as Record<string, unknown>, {
    get: (_t, name) => (typeof name === 'string' ? (arg?: unknown) => cloudCall(name, arg) : undefined),
    has: (_t, name) => typeof name === 'string' && table.cloudApis.has(name),
  })

  const VALUES: Record<string, unknown> = { cloud, env: { USER_DATA_PATH: 'wxfile://usr' } }
  const wx = new Proxy(written, {
    get(target, name) {
      if (typeof name !== 'string') return undefined
      if (name in target || TARO_PROPERTIES.has(name)) return target[name]
      if (name in VALUES) return VALUES[name]
      if (table.properties.has(name)) return {}
      return (arg?: unknown, ...rest: unknown[]) => call(name, arg, rest)
    },
    // Taro binds its APIs by listing wx's own keys (Object.keys, hasOwnProperty): they are exactly WeChat's.
    has: (target, name) => typeof name === 'string' && (name in target || table.apis.has(name)),
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...table.apis])],
    getOwnPropertyDescriptor: (target, name) =>
      Reflect.getOwnPropertyDescriptor(target, name) ?? (typeof name === 'string' && table.apis.has(name) ? { configurable: true, enumerable: true, writable: true, value: undefined } : undefined),
    set(target, name, value) {
      if (typeof name === 'string' && !TARO_PROPERTIES.has(name)) findings.unknownApis.push(`wx.${name} =`)
      target[name as string] = value
      return true
    },
  })
  return { wx, findings, storage, tempFiles }
}
