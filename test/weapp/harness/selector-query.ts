import { createCanvas, type Canvas } from '@napi-rs/canvas'

/**
 * wx.createSelectorQuery as the base library answers it, for what the app asks of it: the
 * charts' `select('#id').fields({node: true, size: true})` on a `<canvas type="2d">`. simulate
 * has no fields() and no canvas, so this answers from the rendered exparser tree:
 * - the query is scoped like WeChat's: `wx.createSelectorQuery()` sees the current page's own
 *   tree and does not reach into custom components' shadow trees (Taro's `comp`/`custom-wrapper`),
 *   `.in(component)` scopes it to that component — so a chart the page cannot reach stays blank
 *   here as it would on a phone;
 * - `node` of a canvas whose `type` is "2d" is a real 2d canvas (@napi-rs/canvas), the same node
 *   for the same element across queries; any other element has no node (null), as in WeChat;
 * - there is no layout here, so `size` is the element's inline CSS size, else the width of the
 *   content column of a 375 px screen.
 */
export interface PaintedCanvas {
  id: string
  canvas: Canvas
  /** How many pixels are not fully transparent: what was drawn. */
  painted(): number
}

interface ExparserNode {
  id?: string
  is?: string
  dataset?: Record<string, unknown>
  data?: Record<string, unknown>
  shadowRoot?: { querySelector(s: string): ExparserNode | null; querySelectorAll(s: string): ExparserNode[] }
  $$?: HTMLElement
  _exparserNode?: ExparserNode
}

type Fields = { id?: boolean; dataset?: boolean; rect?: boolean; size?: boolean; node?: boolean; scrollOffset?: boolean; properties?: string[]; computedStyle?: string[]; context?: boolean }
type Callback = (r: unknown) => void

const SCREEN = { width: 375, height: 667 }
const CONTENT_WIDTH = 343

export function selectorQueries(opts: { currentPage: () => ExparserNode | null; setTimeout: (f: () => void, ms: number) => unknown }) {
  const canvases: PaintedCanvas[] = []
  const nodes = new WeakMap<object, Canvas>()

  const canvasOf = (el: ExparserNode) => {
    let c = nodes.get(el)
    if (!c) {
      c = createCanvas(300, 150)
      // A 2d canvas node in WeChat has requestAnimationFrame and createImage on it.
      Object.assign(c, { requestAnimationFrame: (f: () => void) => opts.setTimeout(f, 16), cancelAnimationFrame: () => undefined })
      nodes.set(el, c)
      const canvas = c
      canvases.push({
        id: el.id ?? '',
        canvas,
        painted() {
          const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
          let n = 0
          for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++
          return n
        },
      })
    }
    return c
  }

  const sizeOf = (el: ExparserNode) => {
    const style = el.$$?.getAttribute('style') ?? ''
    const px = (prop: string) => Number(new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)px`).exec(style)?.[1] ?? NaN)
    return { width: px('width') || CONTENT_WIDTH, height: px('height') || 150 }
  }

  const answer = (el: ExparserNode, f: Fields) => {
    const r: Record<string, unknown> = {}
    if (f.id) r.id = el.id ?? ''
    if (f.dataset) r.dataset = { ...(el.dataset ?? {}) }
    const { width, height } = sizeOf(el)
    if (f.rect) Object.assign(r, { left: 16, top: 0, right: 16 + width, bottom: height })
    if (f.size) Object.assign(r, { width, height })
    if (f.scrollOffset) Object.assign(r, { scrollLeft: 0, scrollTop: 0, scrollWidth: width, scrollHeight: height })
    if (f.node) r.node = el.is === 'canvas' && el.data?.type === '2d' ? canvasOf(el) : null
    for (const p of f.properties ?? []) r[p] = el.data?.[p]
    for (const s of f.computedStyle ?? []) r[s] = ''
    if (f.context) r.context = {}
    return r
  }

  function create() {
    let scope: ExparserNode | null | undefined
    const queue: { selector: string | null; single: boolean; fields: Fields; cb?: Callback }[] = []
    const ref = (selector: string | null, single: boolean) => {
      const push = (fields: Fields, cb?: Callback) => (queue.push({ selector, single, fields, cb }), query)
      return {
        fields: push,
        boundingClientRect: (cb?: Callback) => push({ id: true, dataset: true, rect: true, size: true }, cb),
        scrollOffset: (cb?: Callback) => push({ id: true, dataset: true, scrollOffset: true }, cb),
        node: (cb?: Callback) => push({ node: true }, cb),
        context: (cb?: Callback) => push({ context: true }, cb),
      }
    }
    const query = {
      in(component: ExparserNode) {
        scope = component?._exparserNode ?? component
        return query
      },
      select: (s: string) => ref(s, true),
      selectAll: (s: string) => ref(s, false),
      selectViewport: () => ref(null, true),
      exec(cb?: (r: unknown[]) => void) {
        // The answer comes back from the view thread: always later, never in the same tick.
        opts.setTimeout(() => {
          const root = (scope === undefined ? opts.currentPage() : scope)?.shadowRoot
          const out = queue.map((q) => {
            let r: unknown
            if (q.selector === null) r = { ...SCREEN, scrollTop: 0, scrollLeft: 0 }
            else if (q.single) {
              const el = root?.querySelector(q.selector)
              r = el ? answer(el, q.fields) : null
            } else r = (root?.querySelectorAll(q.selector) ?? []).map((el) => answer(el, q.fields))
            q.cb?.(r)
            return r
          })
          cb?.(out)
        }, 0)
        return query
      },
    }
    return query
  }

  return { create, canvases }
}
