import { palette } from '../../../styles/palette'
/**
 * Trend charts drawn on a 2D canvas: the same code paints the weapp `<Canvas type="2d">` node and
 * the H5 `<canvas>` element. No chart library: the ones that support mini-programs weigh more than
 * the whole staff subpackage, and two kinds of chart are all the dashboard needs.
 */

/** The part of CanvasRenderingContext2D we use (the weapp canvas node's context has the same). */
export interface Ctx2D {
  fillStyle: string | unknown
  strokeStyle: string | unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  clearRect(x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, r: number, a0: number, a1: number): void
  stroke(): void
  fill(): void
  fillText(text: string, x: number, y: number): void
}

export interface Series {
  name: string
  color: string
  kind: 'bar' | 'line'
  /** null: no data that month (nothing to divide by), drawn as a gap. */
  values: (number | null)[]
}

export interface ChartSpec {
  labels: string[]
  series: Series[]
  /** Top of the axis; by default the largest value, rounded up. */
  max?: number
  format: (v: number) => string
}

const PAD = { left: 40, right: 12, top: 30, bottom: 24 }

/** A round axis top: 1, 2 or 5 × 10^k at or above the largest value. */
export function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  return [1, 2, 5, 10].map((m) => m * p).find((x) => x >= v)!
}

/** Where each value lands, in CSS pixels: exported so the geometry is tested without a canvas. */
export function layout(spec: ChartSpec, w: number, h: number) {
  const n = spec.labels.length
  const all = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const max = spec.max ?? niceMax(Math.max(0, ...all))
  const plotW = w - PAD.left - PAD.right
  const plotH = h - PAD.top - PAD.bottom
  const slot = plotW / Math.max(1, n)
  const bars = spec.series.filter((s) => s.kind === 'bar')
  const barW = Math.min(18, (slot * 0.7) / Math.max(1, bars.length))
  const y = (v: number) => PAD.top + plotH - (Math.min(v, max) / max) * plotH
  const cx = (i: number) => PAD.left + slot * (i + 0.5)
  return {
    max,
    plot: { x: PAD.left, y: PAD.top, w: plotW, h: plotH },
    cx,
    y,
    bars: bars.map((s, k) => ({
      series: s,
      rects: s.values.map((v, i) => (v === null ? null : { x: cx(i) - (barW * bars.length) / 2 + k * barW, y: y(v), w: barW - 2, h: PAD.top + plotH - y(v) })),
    })),
    lines: spec.series
      .filter((s) => s.kind === 'line')
      .map((s) => ({ series: s, points: s.values.map((v, i) => (v === null ? null : { x: cx(i), y: y(v) })) })),
  }
}

export function drawChart(ctx: Ctx2D, w: number, h: number, spec: ChartSpec) {
  const g = layout(spec, w, h)
  ctx.clearRect(0, 0, w, h)
  ctx.font = '11px sans-serif'
  ctx.textBaseline = 'middle'
  // Grid and axis labels: 0, half, top.
  for (const f of [0, 0.5, 1]) {
    const v = g.max * f
    const y = g.y(v)
    ctx.strokeStyle = palette.line
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(g.plot.x, y)
    ctx.lineTo(g.plot.x + g.plot.w, y)
    ctx.stroke()
    ctx.fillStyle = palette.text3
    ctx.textAlign = 'right'
    ctx.fillText(spec.format(v), g.plot.x - 6, y)
  }
  ctx.textAlign = 'center'
  spec.labels.forEach((l, i) => ctx.fillText(l, g.cx(i), g.plot.y + g.plot.h + 14))
  for (const b of g.bars) {
    ctx.fillStyle = b.series.color
    for (const r of b.rects) if (r) ctx.fillRect(r.x, r.y, r.w, r.h)
  }
  for (const l of g.lines) {
    ctx.strokeStyle = l.series.color
    ctx.fillStyle = l.series.color
    ctx.lineWidth = 2
    ctx.beginPath()
    let pen = false
    for (const p of l.points) {
      if (!p) {
        pen = false
        continue
      }
      if (pen) ctx.lineTo(p.x, p.y)
      else ctx.moveTo(p.x, p.y)
      pen = true
    }
    ctx.stroke()
    for (const p of l.points) {
      if (!p) continue
      ctx.beginPath()
      ctx.arc(p.x, p.y, 3, 0, Math.PI * 2)
      ctx.fill()
    }
  }
  // Legend along the top.
  let x = g.plot.x
  ctx.textAlign = 'left'
  for (const s of spec.series) {
    ctx.fillStyle = s.color
    ctx.fillRect(x, 8, 10, 10)
    ctx.fillStyle = palette.text2
    ctx.fillText(s.name, x + 14, 13)
    x += 14 + s.name.length * 12 + 14
  }
}
