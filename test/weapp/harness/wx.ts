import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import type { ApiTable } from './api-typings'

/**
 * The `wx` the logic sandbox sees: WeChat's API surface as a recording Proxy. It answers the
 * calls a page makes, and flags what WeChat would refuse: an API that does not exist, a call
 * without a required option, a route to a page outside app.json or a navigateTo to a tab page.
 * wx.cloud.callFunction goes to the local host as the signed-in account.
 */
export interface Findings {
  calls: { api: string; arg: unknown }[]
  unknownApis: string[]
  missingOptions: string[]
  badRoutes: string[]
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

export interface Backend {
  callFunction(name: string, data: unknown): Promise<unknown>
}

/** Not APIs but properties Taro's runtime keeps on wx (its chunk registry) or namespaces. */
const PROPERTIES = new Set(['webpackJsonp', 'cloud', 'env'])

export function readAppJson(root: string): AppJson {
  return JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'))
}

export const allPages = (app: AppJson) => [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]

export function createWx(table: ApiTable, app: AppJson, backend: Backend) {
  const findings: Findings = { calls: [], unknownApis: [], missingOptions: [], badRoutes: [] }
  /** What the person points the camera at: a test sets it before a scan. */
  const camera = { sees: '' }
  const pages = new Set(allPages(app))
  const tabs = new Set((app.tabBar?.list ?? []).map((t) => t.pagePath))
  const storage = new Map<string, unknown>()
  const props: Record<string, unknown> = {}

  const checkRoute = (api: string, url: unknown) => {
    if (api === 'navigateBack') return
    const path = String(url ?? '')
      .replace(/^\//, '')
      .split('?')[0]
    if (!pages.has(path)) findings.badRoutes.push(`${api} → ${url}（不在 app.json 中）`)
    else if (api === 'switchTab' && !tabs.has(path)) findings.badRoutes.push(`switchTab → ${url}（不是 tabBar 页面）`)
    else if ((api === 'navigateTo' || api === 'redirectTo') && tabs.has(path)) findings.badRoutes.push(`${api} → ${url}（tabBar 页面只能用 switchTab）`)
  }

  const windowInfo = {
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    pixelRatio: 2,
    statusBarHeight: 20,
    safeArea: { top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647 },
  }
  const SYNC: Record<string, (arg: unknown) => unknown> = {
    getSystemInfoSync: () => ({
      ...windowInfo,
      platform: 'ios',
      system: 'iOS 17.0',
      version: '8.0.50',
      SDKVersion: '3.5.8',
      language: 'zh_CN',
      brand: 'iPhone',
      model: 'iPhone 14',
    }),
    getWindowInfo: () => windowInfo,
    getDeviceInfo: () => ({ platform: 'ios', system: 'iOS 17.0', brand: 'iPhone', model: 'iPhone 14', pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.5.8', language: 'zh_CN', version: '8.0.50', theme: 'light' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wxdemoappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getMenuButtonBoundingClientRect: () => ({ top: 24, bottom: 56, left: 278, right: 365, width: 87, height: 32 }),
    getStorageSync: (k) => storage.get(String(k)) ?? '',
    setStorageSync: () => undefined,
    removeStorageSync: () => undefined,
    canIUse: () => true,
    createSelectorQuery: () => selectorQuery(),
  }
  const ASYNC: Record<string, (arg: Record<string, unknown>) => unknown> = {
    getSetting: () => ({ authSetting: {}, subscriptionsSetting: { mainSwitch: true } }),
    requestSubscribeMessage: (a) => Object.fromEntries(((a.tmplIds as string[]) ?? []).map((id) => [id, 'accept'])),
    getStorage: (a) => ({ data: storage.get(String(a.key)) }),
    // The person answers 确定 to a confirmation and picks the first item of an action sheet.
    showModal: () => ({ confirm: true, cancel: false }),
    showActionSheet: () => ({ tapIndex: 0 }),
    scanCode: () => ({ result: camera.sees, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '' }),
    // A 2d canvas is exported by its node; a painted one becomes a temp file of its PNG.
    canvasToTempFilePath: (a) => {
      const c = canvases.find((x) => x.node === a.canvas)
      if (!c) findings.missingOptions.push('canvasToTempFilePath 的 canvas 不是页面上的 2d 画布节点')
      return { tempFilePath: `http://tmp/canvas-${canvases.indexOf(c!)}.png` }
    },
  }

  const call = (api: string, arg: unknown, rest: unknown[]) => {
    findings.calls.push({ api, arg })
    if (!table.apis.has(api)) findings.unknownApis.push(api)
    const need = table.required.get(api)
    if (need) {
      const missing = need.filter((f) => (arg as Record<string, unknown> | undefined)?.[f] === undefined)
      if (missing.length) findings.missingOptions.push(`${api} 缺少 ${missing.join('、')}`)
    }
    if (['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'].includes(api)) checkRoute(api, (arg as { url?: string })?.url)
    if (api === 'setStorageSync') storage.set(String(arg), rest[0])
    if (api === 'removeStorageSync') storage.delete(String(arg))
    if (SYNC[api]) return SYNC[api](arg)
    const a = (arg ?? {}) as Record<string, unknown> & { success?: (r: unknown) => void; complete?: (r: unknown) => void }
    if (api === 'setStorage') storage.set(String(a.key), a.data)
    const result = { errMsg: `${api}:ok`, ...((ASYNC[api]?.(a) as object) ?? {}) }
    return new Promise((resolve) =>
      setTimeout(() => {
        a.success?.(result)
        a.complete?.(result)
        resolve(result)
      }, 0),
    )
  }

  const cloud = {
    init: () => undefined,
    callFunction: async (o: { name: string; data: unknown; success?: (r: unknown) => void }) => {
      findings.calls.push({ api: 'cloud.callFunction', arg: o })
      const r = { result: await backend.callFunction(o.name, o.data), errMsg: 'cloud.callFunction:ok', requestID: 'r' }
      o.success?.(r)
      return r
    },
    uploadFile: async (o: { cloudPath: string }) => ({ fileID: `cloud://wuye-test.7775/${o.cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }),
  }

  const wx = new Proxy(props, {
    get(target, name) {
      if (typeof name !== 'string') return undefined
      if (name === 'cloud') return cloud
      if (name in target || PROPERTIES.has(name)) return target[name]
      return (arg?: unknown, ...rest: unknown[]) => call(name, arg, rest)
    },
    // Taro binds its APIs by listing wx's own keys (Object.keys, hasOwnProperty): they are exactly WeChat's.
    has: (target, name) => typeof name === 'string' && (name in target || table.apis.has(name) || name === 'cloud'),
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...table.apis, 'cloud'])],
    getOwnPropertyDescriptor: (target, name) =>
      Reflect.getOwnPropertyDescriptor(target, name) ??
      (typeof name === 'string' && (table.apis.has(name) || name === 'cloud')
        ? { configurable: true, enumerable: true, writable: true, value: undefined }
        : undefined),
    set(target, name, value) {
      if (typeof name === 'string' && !PROPERTIES.has(name)) findings.unknownApis.push(`wx.${name} =`)
      target[name as string] = value
      return true
    },
  })
  return { wx, findings, storage, camera }
}

/**
 * createSelectorQuery with what the charts need and simulate lacks: select().fields({node, size})
 * answers a real 2d canvas (@napi-rs/canvas), so the chart code paints real pixels.
 */
export const canvases: { node: unknown; width: number; height: number; painted(): number; image(x: number, y: number, w: number, h: number): ImageData }[] = []
function selectorQuery() {
  const jobs: ((out: unknown[]) => void)[] = []
  const q = {
    in: () => q,
    select: () => ({
      fields: (_f: unknown, cb?: (r: unknown) => void) => {
        jobs.push((out) => {
          const canvas = createCanvas(300, 150)
          const node = Object.assign(canvas, { requestAnimationFrame: (f: () => void) => setTimeout(f, 0) })
          canvases.push({
            node,
            get width() {
              return canvas.width
            },
            get height() {
              return canvas.height
            },
            painted: () => {
              const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
              let n = 0
              for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++
              return n
            },
            image: (x, y, w, h) => canvas.getContext('2d').getImageData(x, y, w, h) as unknown as ImageData,
          })
          const r = { node, width: 300, height: 150 }
          cb?.(r)
          out.push(r)
        })
        return q
      },
      boundingClientRect: (cb?: (r: unknown) => void) => {
        jobs.push((out) => {
          const r = { top: 0, left: 0, width: 375, height: 100, bottom: 100, right: 375 }
          cb?.(r)
          out.push(r)
        })
        return q
      },
      node: (cb?: (r: unknown) => void) => q.select().fields({ node: true }, cb),
    }),
    selectAll: () => q.select(),
    selectViewport: () => q.select(),
    exec: (cb?: (r: unknown[]) => void) => {
      setTimeout(() => {
        const out: unknown[] = []
        for (const j of jobs) j(out)
        cb?.(out)
      }, 0)
      return q
    },
  }
  return q
}
