import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import vm from 'node:vm'

/**
 * The weapp build in WeChat's own view engine: WXML through the official compiler (wcc) and
 * exparser (miniprogram-simulate + j-component), and app.js with each page's JS in a logic
 * sandbox that, like the real logic thread, has no window and no document — only wx, App, Page,
 * Component, Behavior, getApp, getCurrentPages, require, console and timers. Three adaptations
 * make a Taro build run here:
 * 1. simulate knows only Component(): Page() becomes a component whose attached/ready call
 *    onLoad(query)/onShow/onReady as the base library does (and onHide/onUnload on the way out);
 * 2. every setData crosses as JSON, as it does between the two threads (without it, arrays made
 *    in the sandbox's realm fail exparser's type checks and the page renders empty);
 * 3. jsdom's Event replaces Node's, so a tap reaches Taro's handler and React.
 * Everything the page code would show a developer in DevTools' console as an error is reported:
 * console.error, a throw in a lifecycle or event handler (exparser catches those), a throw in a
 * timer callback or setData callback. An unhandled rejection fails the running test through
 * jest's own handler (jest keeps process-level events to itself).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- simulate, exparser and jsdom are CommonJS with no types */
const { JSDOM } = require('jsdom')
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
const g = globalThis as Record<string, unknown>
// The view layer's DOM (simulate mirrors exparser's tree into it): the test's realm, never the sandbox's.
g.window = dom.window
g.document = dom.window.document
for (const k of ['Event', 'CustomEvent', 'Node', 'Element', 'HTMLElement']) g[k] = (dom.window as unknown as Record<string, unknown>)[k]
const simulate = require('miniprogram-simulate')
const exparser = require('miniprogram-exparser')
const jComponent = require('j-component')
const utils = require('miniprogram-simulate/src/utils')

// simulate registers the built-in components as shells with no properties; the canvas keeps
// its `type` so a selector query can tell a 2d canvas from the old canvas-id kind.
jComponent.register({ id: 'canvas', tagName: 'wx-canvas', template: '<slot/>', properties: { type: { type: String, value: '' }, canvasId: { type: String, value: '' } } })

type Options = Record<string, unknown>
type Fn = (...a: unknown[]) => unknown

/**
 * A property declared `{type: Object}` in the sandbox names the sandbox's Object, which exparser
 * (in the test's realm) does not recognise ("the type of property is illegal"). In WeChat both
 * are one realm: hand exparser its own constructors.
 */
const TYPES: Record<string, unknown> = { String, Number, Boolean, Object, Array, Function }
const viewType = (t: unknown) => (typeof t === 'function' && TYPES[t.name] ? TYPES[t.name] : t)
function viewRealmTypes(properties: Options | undefined) {
  if (!properties) return properties
  return Object.fromEntries(
    Object.entries(properties).map(([k, p]) => {
      if (typeof p === 'function' || p === null) return [k, viewType(p)]
      const d = p as Options
      return [k, { ...d, type: viewType(d.type), ...(Array.isArray(d.optionalTypes) ? { optionalTypes: d.optionalTypes.map(viewType) } : {}) }]
    }),
  )
}
export interface Report {
  error(kind: string, e: unknown): void
  warn(message: string): void
}

/**
 * Elements with a class, also inside nested custom components (Taro renders deep trees through
 * its `comp` and custom-wrapper, in shadow roots of their own). simulate mirrors the whole tree
 * as DOM with each class prefixed by its component (`main--chip`, `comp--chip`).
 */
function byClass(root: HTMLElement, selector: string, text?: string): HTMLElement[] {
  const cls = selector.replace(/^\./, '')
  return Array.from(root.querySelectorAll('*')).filter(
    (e) => Array.from(e.classList).some((c) => c === cls || c.endsWith(`--${cls}`)) && (text === undefined || (e.textContent ?? '').includes(text)),
  ) as HTMLElement[]
}

/** While a tap's handler runs (synchronously, inside the dispatch): what WeChat counts as a user gesture. */
let gesture = 0
export const inTap = () => gesture > 0

/** What a finger does in WeChat: the view layer's event, dispatched through exparser into the page's handler. */
function fire(el: HTMLElement, name: string, detail: Record<string, unknown> = {}) {
  const ev = new (g.CustomEvent as typeof CustomEvent)(name, { detail })
  el.dispatchEvent(ev)
  const wxEl = (el as unknown as { __wxElement?: unknown }).__wxElement
  if (!wxEl) throw new Error('not a view-layer element')
  if (name === 'tap') gesture++
  try {
    exparser.Event.dispatchEvent(wxEl, exparser.Event.create(name, detail, { originalEvent: ev, bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } }))
  } finally {
    if (name === 'tap') gesture--
  }
}

export interface LoadedPage {
  route: string
  query: Record<string, string>
  /** The rendered page, as simulate mirrors exparser's tree. */
  dom: HTMLElement
  /** What a person reads on it, whitespace collapsed. */
  text(): string
  tap(selector: string, text?: string): Promise<void>
  tapNth(selector: string, n: number): Promise<void>
  input(selector: string, value: string): Promise<void>
  has(selector: string, text?: string): boolean
}

interface PageEntry {
  route: string
  query: Record<string, string>
  instance?: Options & { _exparserNode?: unknown }
  methods?: Record<string, Fn>
  comp?: { detach(): void }
}

export type OpenMode = 'reLaunch' | 'navigateTo' | 'redirectTo'

export function weapp(root: string, wx: unknown, report: Report) {
  let app: Options | null = null
  const stack: PageEntry[] = []
  let opening: PageEntry | null = null
  const registrations = new Map<string, () => void>()
  let registering: string | null = null
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let closed = false

  /** A callback from the platform: a throw in it is the page's uncaught error, not the test's. */
  const guard =
    <T extends Fn>(kind: string, fn: T) =>
    (...a: unknown[]) => {
      if (closed) return undefined
      try {
        return fn(...a)
      } catch (e) {
        report.error(kind, e)
        return undefined
      }
    }
  exparser.addGlobalErrorListener((e: unknown, info: { message?: string }) => {
    report.error(info?.message ?? 'exparser', e)
    return false
  })
  exparser.addGlobalWarningListener?.((message: unknown) => {
    report.warn(String(message))
    return false
  })

  const crossing = (self: { setData(d: unknown, cb?: () => void): void }) => {
    const set = self.setData.bind(self)
    self.setData = (d, cb) => set(JSON.parse(JSON.stringify(d)), cb && guard('setData callback', cb))
  }

  const pageAsComponent = (route: string, options: Options) => {
    const methods: Record<string, Fn> = {}
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v as Fn
    return {
      data: options.data,
      methods,
      lifetimes: {
        created(this: { setData(d: unknown, cb?: () => void): void }) {
          crossing(this)
        },
        attached(this: Options) {
          const entry = opening ?? { route, query: {} }
          entry.instance = this
          entry.methods = methods
          this.route = route
          this.__route__ = route
          this.options = entry.query
          methods.onLoad?.call(this, entry.query)
          methods.onShow?.call(this)
        },
        ready(this: Options) {
          methods.onReady?.call(this)
        },
      },
    }
  }

  const asComponent = (options: Options) => {
    const lifetimes = (options.lifetimes ?? {}) as Options
    const created = (lifetimes.created ?? options.created) as ((this: unknown) => void) | undefined
    return {
      ...options,
      properties: viewRealmTypes(options.properties as Options | undefined),
      lifetimes: {
        ...lifetimes,
        created(this: { setData(d: unknown, cb?: () => void): void }) {
          crossing(this)
          created?.call(this)
        },
      },
    }
  }

  const routeOf = (file: string) => file.slice(root.length + 1).replace(/\.js$/, '')
  const register = (kind: 'page' | 'component', options: Options) => {
    const file = registering!
    const run = () => (g.Component as (o: unknown) => void)(kind === 'page' ? pageAsComponent(routeOf(file), options) : asComponent(options))
    registrations.set(file, run)
    run()
  }

  const later = (f: Fn, ms?: number, ...a: unknown[]) => {
    const t = setTimeout(() => {
      timers.delete(t)
      guard('uncaught (timer)', f)(...a)
    }, ms)
    timers.add(t)
    return t
  }
  const every = (f: Fn, ms?: number, ...a: unknown[]) => {
    const t = setInterval(guard('uncaught (interval)', f), ms, ...a)
    timers.add(t)
    return t
  }
  const cancel = (t: ReturnType<typeof setTimeout>) => {
    timers.delete(t)
    clearTimeout(t)
  }

  const sandbox: Options = {
    console: {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: (...a: unknown[]) => report.warn(a.map(String).join(' ')),
      error: (...a: unknown[]) => report.error('console.error', a.map((x) => (x instanceof Error ? (x.stack ?? x.message) : String(x))).join(' ')),
    },
    setTimeout: later,
    clearTimeout: cancel,
    setInterval: every,
    clearInterval: cancel,
    wx,
    App: (o: Options) => (app = o),
    getApp: () => app,
    getCurrentPages: () => stack.map((p) => p.instance ?? { route: p.route }),
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
  // simulate runs each page's and component's JS through this hook: the sandbox, not Node's
  // require. A file runs once (as in WeChat); a later load of the same page re-registers it.
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
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
  ;(theApp.onLaunch as Fn | undefined)?.call(theApp, launch)
  ;(theApp.onShow as Fn | undefined)?.call(theApp, launch)

  const leave = (entry: PageEntry, how: 'onHide' | 'onUnload') => {
    entry.methods?.[how]?.call(entry.instance)
    if (how === 'onUnload') {
      entry.comp?.detach()
      stack.splice(stack.indexOf(entry), 1)
    }
  }

  return {
    /** The page on top of the stack: what wx.createSelectorQuery() looks in. */
    currentPage: () => (stack.at(-1)?.instance?._exparserNode ?? null) as never,
    pages: () => stack.map((p) => p.route),
    later,
    /**
     * Open a page as the base library does for `how`: reLaunch unloads every page first,
     * navigateTo hides the current one, redirectTo unloads it. The query reaches onLoad as the
     * URL carried it (WeChat does not decode it).
     */
    async open(route: string, query: Record<string, string> = {}, how: OpenMode = 'reLaunch'): Promise<LoadedPage> {
      const top = stack.at(-1)
      if (how === 'reLaunch') for (const p of [...stack].reverse()) leave(p, 'onUnload')
      else if (top) leave(top, how === 'navigateTo' ? 'onHide' : 'onUnload')
      const entry: PageEntry = { route, query }
      stack.push(entry)
      const id = simulate.load(join(root, route), { rootPath: root, compiler: 'official' })
      const comp = simulate.render(id)
      entry.comp = comp
      opening = entry
      try {
        comp.attach(document.createElement('parent-wrapper'))
      } finally {
        opening = null
      }
      const el = comp.dom as HTMLElement
      return {
        route,
        query,
        dom: el,
        text: () => (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        has: (selector, text) => byClass(el, selector, text).length > 0,
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
        /** Type into an input or textarea: WeChat fires input with detail.value. */
        async input(selector, value) {
          const [target] = byClass(el, selector)
          if (!target) throw new Error(`${route}: 没有找到 ${selector}`)
          fire(target, 'input', { value, cursor: value.length })
          await simulate.sleep(10)
        },
      }
    },
    /** The mini-program is gone: its timers stop, nothing of it runs against a closed host. */
    close() {
      closed = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
    },
  }
}
