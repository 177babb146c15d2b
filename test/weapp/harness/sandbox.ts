import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import vm from 'node:vm'

/**
 * The weapp build in WeChat's own view engine: WXML through the official compiler and exparser
 * (miniprogram-simulate + j-component), and app.js with each page's JS in a logic sandbox that,
 * like the real logic thread, has no window and no document — only wx, App, Page, Component,
 * Behavior, getApp, getCurrentPages, require, console and timers. Three adaptations make a Taro
 * build run here: Page() becomes a component whose attached/ready call onLoad/onShow/onReady as
 * the base library does; every setData crosses as JSON, as it does between the two threads; and
 * jsdom's Event replaces Node's, so taps reach React.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- simulate and jsdom are CommonJS with no types */
const { JSDOM } = require('jsdom')
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
const g = globalThis as Record<string, unknown>
g.window = dom.window
g.document = dom.window.document
for (const k of ['Event', 'CustomEvent', 'Node', 'Element', 'HTMLElement']) g[k] = (dom.window as unknown as Record<string, unknown>)[k]
const simulate = require('miniprogram-simulate')
const exparser = require('miniprogram-exparser')
const utils = require('miniprogram-simulate/src/utils')

type Options = Record<string, unknown>
/**
 * Elements with a class, also inside nested custom components (Taro renders deep trees through
 * its custom-wrapper, in shadow roots of their own). simulate mirrors the whole tree as DOM with
 * each class prefixed by its component (`main--chip`, `comp--chip`) and a link to the exparser node.
 */
function byClass(root: HTMLElement, selector: string, text?: string): HTMLElement[] {
  const cls = selector.replace(/^\./, '')
  return Array.from(root.querySelectorAll('*')).filter(
    (e) => Array.from(e.classList).some((c) => c === cls || c.endsWith(`--${cls}`)) && (text === undefined || (e.textContent ?? '').includes(text)),
  ) as HTMLElement[]
}

/** What a finger does in WeChat: the view layer's event, dispatched through exparser into the page's handler. */
function fire(el: HTMLElement, name: string, detail: Record<string, unknown> = {}) {
  const ev = new (g.CustomEvent as typeof CustomEvent)(name, { detail })
  el.dispatchEvent(ev)
  const wxEl = (el as unknown as { __wxElement?: unknown }).__wxElement
  if (!wxEl) throw new Error('not a view-layer element')
  exparser.Event.dispatchEvent(
    wxEl,
    exparser.Event.create(name, detail, {
      originalEvent: ev,
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: {}, changedTouches: {} },
    }),
  )
}

export interface LoadedPage {
  route: string
  /** The rendered page, as exparser holds it. */
  dom: HTMLElement
  text(): string
  tap(selector: string, text?: string): Promise<void>
  tapNth(selector: string, n: number): Promise<void>
  input(selector: string, value: string): Promise<void>
  /** Flip a switch or pick in a picker: WeChat fires change with detail.value. */
  change(selector: string, value: unknown): Promise<void>
  has(selector: string): boolean
  /** The inline style the view layer holds on the first match ('' when none). */
  styleOf(selector: string): string
  /** Nodes in the rendered tree, custom components' shadow trees included: what WeChat counts toward its 1,000. */
  nodes(): number
}

/** One setData as it crossed to the view thread: who sent it and its JSON size in bytes (UTF-8). */
export interface SetDataCall {
  from: string
  bytes: number
}

export function weapp(root: string, wx: unknown, onError: (e: unknown) => void) {
  let app: Options | null = null
  const setDataCalls: SetDataCall[] = []
  /** The JSON crossing between the threads, as WeChat does it, measured as WeChat limits it. */
  const crossing = (from: string, set: (d: unknown, cb?: () => void) => void) => (d: unknown, cb?: () => void) => {
    const json = JSON.stringify(d)
    setDataCalls.push({ from, bytes: Buffer.byteLength(json) })
    set(JSON.parse(json), cb)
  }
  const pages: { route: string; options: Options; instance?: { route: string } }[] = []
  const registrations = new Map<string, () => void>()
  let registering: string | null = null

  const pageAsComponent = (route: string, options: Options) => {
    const methods: Record<string, (...a: unknown[]) => unknown> = {}
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v as never
    return {
      data: options.data,
      methods,
      lifetimes: {
        created(this: { setData(d: unknown, cb?: () => void): void }) {
          this.setData = crossing(route, this.setData.bind(this))
        },
        attached(this: Options & { route: string }) {
          this.route = route
          // The latest opening of the route: a page opened twice gets its second query.
          const entry = [...pages].reverse().find((p) => p.route === route)
          if (entry) entry.instance = this
          const query = (entry as { query?: Record<string, string> })?.query ?? {}
          methods.onLoad?.call(this, query)
          methods.onShow?.call(this)
        },
        ready(this: Options) {
          methods.onReady?.call(this)
        },
      },
    }
  }

  const asComponent = (file: string, options: Options) => {
    const lifetimes = (options.lifetimes ?? {}) as Options
    const created = (lifetimes.created ?? options.created) as ((this: unknown) => void) | undefined
    return {
      ...options,
      lifetimes: {
        ...lifetimes,
        created(this: { setData(d: unknown, cb?: () => void): void }) {
          this.setData = crossing(routeOf(file), this.setData.bind(this))
          created?.call(this)
        },
      },
    }
  }

  const register = (kind: 'page' | 'component', options: Options) => {
    const file = registering!
    const run = () => (g.Component as (o: unknown) => void)(kind === 'page' ? pageAsComponent(routeOf(file), options) : asComponent(file, options))
    registrations.set(file, run)
    run()
  }
  const routeOf = (file: string) => file.slice(root.length + 1).replace(/\.js$/, '')

  const sandbox: Options = {
    console: { log: () => undefined, info: () => undefined, debug: () => undefined, warn: () => undefined, error: (...a: unknown[]) => onError(a) },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    wx,
    App: (o: Options) => (app = o),
    getApp: () => app,
    getCurrentPages: () => pages.map((p) => p.instance ?? { route: p.route }),
    Behavior: (d: unknown) => (g.Behavior as (d: unknown) => unknown)(d),
    Component: (o: Options) => register('component', o),
    Page: (o: Options) => register('page', o),
  }
  const context = vm.createContext(sandbox)
  const modules = new Map<string, { exports: unknown }>()
  const load = (file: string): unknown => {
    const abs = file.endsWith('.js') ? file : `${file}.js`
    const cached = modules.get(abs)
    if (cached) return cached.exports
    const mod = { exports: {} }
    modules.set(abs, mod)
    const fn = vm.runInContext(`(function (require, module, exports) {${readFileSync(abs, 'utf8')}\n})`, context, { filename: abs })
    fn((rel: string) => load(resolve(dirname(abs), rel)), mod, mod.exports)
    return mod.exports
  }
  // simulate runs each page's and component's JS through this hook: the sandbox, not Node's require.
  utils.runJs = (file: string) => {
    const abs = `${file}.js`
    registering = abs
    try {
      if (modules.has(abs)) registrations.get(abs)?.()
      else load(abs)
    } finally {
      registering = null
    }
  }

  load(join(root, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  const theApp = app as Options
  ;(theApp.onLaunch as (o: unknown) => void)?.call(theApp, { path: 'pages/index/index', query: {}, scene: 1001 })
  ;(theApp.onShow as (o: unknown) => void)?.call(theApp, { path: 'pages/index/index', query: {}, scene: 1001 })

  return {
    /** Every setData since the harness started; clear it with `setDataCalls.length = 0`. */
    setDataCalls,
    async open(route: string, query: Record<string, string> = {}): Promise<LoadedPage> {
      pages.push({ route, options: {}, query } as never)
      const id = simulate.load(join(root, route), { rootPath: root, compiler: 'official' })
      const comp = simulate.render(id)
      const parent = document.createElement('parent-wrapper')
      comp.attach(parent)
      const el = comp.dom as HTMLElement
      return {
        route,
        dom: el,
        text: () => (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        has: (selector) => byClass(el, selector).length > 0,
        styleOf: (selector) => byClass(el, selector)[0]?.getAttribute('style') ?? '',
        nodes: () => el.querySelectorAll('*').length,
        /** Tap the element (the one showing `text`, when several match), as a finger would. */
        async tap(selector, text) {
          // The innermost match: a chip's text is also the text of the row that holds it.
          const all = byClass(el, selector, text)
          const target = all[all.length - 1]
          if (!target) throw new Error(`${route}: 没有找到 ${selector}${text ? `「${text}」` : ''}`)
          fire(target, 'tap')
          await simulate.sleep(10)
        },
        async tapNth(selector, n) {
          const target = byClass(el, selector)[n]
          if (!target) throw new Error(`${route}: 没有第 ${n + 1} 个 ${selector}`)
          fire(target, 'tap')
          await simulate.sleep(10)
        },
        async change(selector, value) {
          const [target] = byClass(el, selector)
          if (!target) throw new Error(`${route}: 没有找到 ${selector}`)
          fire(target, 'change', { value })
          await simulate.sleep(10)
        },
        /** Type into an input or textarea: WeChat fires input with detail.value. */
        async input(selector, value) {
          const [target] = byClass(el, selector)
          if (!target) throw new Error(`${route}: 没有找到 ${selector}`)
          fire(target, 'input', { value })
          await simulate.sleep(10)
        },
      }
    },
    /** Wait until the page shows `text` (the first data arrives asynchronously), or give up. */
    async until(page: LoadedPage, ok: (text: string) => boolean, ms = 4000) {
      const end = Date.now() + ms
      while (Date.now() < end) {
        if (ok(page.text())) return true
        await simulate.sleep(20)
      }
      return ok(page.text())
    },
  }
}
