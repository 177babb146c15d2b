import { changeOf, FIGURES, figureText, yuanText, type Change } from '../../core/supervisor/figure-change'
import type { FigureLine, TopProblems } from '../../core/supervisor/monthly-report'
import { percentText } from '../../core/shared/ratio'
import { formatTime, monthName } from '../../core/shared/time'
import { palette } from '../../styles/palette'

/**
 * 月报 as one long image for management: title, month and scope; the headline figures with their
 * change against the month before; a bar chart of the top problems; the table by building; the
 * summary paragraph; when it was computed. Drawn in 750 units across (a phone screen at 2×); the
 * same code paints the weapp canvas node and the H5 <canvas>, and its height follows the content.
 */
export const REPORT_WIDTH = 750

export interface ReportImage {
  month: string
  scope: string
  partial: boolean
  computedAt: number
  total: FigureLine
  previous: FigureLine | null
  top: TopProblems
  building: FigureLine[]
  summary: string
}

export type ReportCtx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText'>

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
const PAD = 40
const INNER = REPORT_WIDTH - 2 * PAD
const TONE: Record<Change['tone'], string> = { good: palette.brand, bad: palette.danger, flat: palette.text2, none: palette.text2 }
/** Punctuation that may not begin a line (it stays at the end of the one before), and that may not end one. */
const CLOSING = '，。、；：？！）》”%'
const OPENING = '（《“'

/**
 * Text in Chinese broken into lines of at most `width`: between any two characters, except inside
 * a number or an amount (¥110,000.00 stays whole), before closing punctuation or after an opening one.
 */
export function wrap(ctx: ReportCtx, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const token of text.match(/[¥\d][\d,.]*%?|[\s\S]/gu) ?? []) {
    if (line && ctx.measureText(line + token).width > width && !CLOSING.includes(token)) {
      const carry = OPENING.includes(line[line.length - 1]) ? line[line.length - 1] : ''
      lines.push(line.slice(0, line.length - carry.length))
      line = carry + token
    } else line += token
  }
  if (line) lines.push(line)
  return lines
}

/** Lays the report out from the top; paints only when asked, so a first pass measures the height the canvas needs. */
function layout(ctx: ReportCtx, r: ReportImage, paint: boolean): number {
  const rect = (x: number, y: number, w: number, h: number, color: string) => {
    if (!paint) return
    ctx.fillStyle = color
    ctx.fillRect(x, y, w, h)
  }
  const text = (s: string, x: number, y: number, size: number, color: string, opts: { bold?: boolean; align?: CanvasTextAlign } = {}) => {
    ctx.font = `${opts.bold ? 'bold ' : ''}${size}px ${FONT}`
    if (!paint) return
    ctx.fillStyle = color
    ctx.textAlign = opts.align ?? 'left'
    ctx.textBaseline = 'top'
    ctx.fillText(s, x, y)
  }
  const section = (title: string, y: number) => {
    rect(PAD, y + 6, 8, 32, palette.brand)
    text(title, PAD + 22, y + 4, 32, palette.text, { bold: true })
    return y + 64
  }

  rect(0, 0, REPORT_WIDTH, 99_999, palette.surface)
  // The head: what, when, whose.
  rect(0, 0, REPORT_WIDTH, 190, palette.brand)
  text(`${monthName(r.month, true)} 客服月报`, PAD, 44, 48, palette.surface, { bold: true })
  text(`${r.scope}${r.partial ? ' · 本月进行中，数据截至此刻' : ''}`, PAD, 118, 28, palette.surface)
  let y = 230

  // The headline figures, three across, each with its change; the money beside 收缴率.
  y = section('核心指标', y)
  if (r.previous) {
    text(r.partial ? '本月进行中：工单、收缴、回访仍在累计，旁列上月全月数' : '小字为较上月的变化', PAD, y - 16, 22, palette.text3)
    y += 24
  }
  const cellW = INNER / 3
  const cellH = 150
  const cells = FIGURES.map((f) => ({ value: figureText(f, r.total), label: f.label, change: r.previous ? changeOf(f, r.total, r.previous, r.partial) : null }))
  cells.forEach((c, i) => {
    const x = PAD + (i % 3) * cellW + cellW / 2
    const top = y + Math.floor(i / 3) * cellH
    text(c.value, x, top + 12, 40, palette.brand, { bold: true, align: 'center' })
    text(c.label, x, top + 66, 24, palette.text2, { align: 'center' })
    if (c.change) text(c.change.text, x, top + 102, 22, TONE[c.change.tone], { align: 'center' })
  })
  {
    const x = PAD + 2 * cellW + cellW / 2
    const top = y + 3 * cellH
    text(`应收 ${yuanText(r.total.billed)}`, x, top + 24, 24, palette.text, { bold: true, align: 'center' })
    text(`实收 ${yuanText(r.total.collected)}`, x, top + 66, 24, palette.text, { bold: true, align: 'center' })
  }
  y += Math.ceil((FIGURES.length + 1) / 3) * cellH + 24

  // The top problems as bars, longest first.
  y = section('高发问题', y)
  const cats = r.top.categories
  if (!cats.length) {
    text('本月暂无报事', PAD, y, 26, palette.text3)
    y += 56
  }
  const most = Math.max(1, ...cats.map((c) => c.count))
  const barX = PAD + 150
  const barMax = INNER - 150 - 110
  for (const c of cats) {
    text(c.label, PAD, y + 6, 26, palette.text)
    rect(barX, y + 4, Math.max(6, (barMax * c.count) / most), 32, palette.brand)
    text(`${c.count} 次`, barX + (barMax * c.count) / most + 14, y + 6, 26, palette.text2)
    y += 52
  }
  if (r.top.places.length) {
    text('重复报事位置', PAD, y + 8, 26, palette.text2, { bold: true })
    y += 52
    for (const p of r.top.places.slice(0, 3)) {
      text(p.place, PAD, y, 26, palette.text)
      text(`${p.count} 次`, PAD + INNER, y, 26, palette.text2, { align: 'right' })
      y += 44
    }
  }
  y += 24

  // By building: fixed right-aligned columns under their heads.
  y = section('按楼栋', y)
  const cols: [string, (l: FigureLine) => string][] = [
    ['工单', (l) => String(l.tickets)],
    ['解决及时', (l) => percentText(l.resolveOnTime)],
    ['满意率', (l) => percentText(l.satisfiedShare)],
    ['收缴率', (l) => percentText(l.collectionRate)],
  ]
  const colW = 130
  const row = (name: string, values: string[], color: string, size: number, bold = false) => {
    text(name, PAD, y, size, color, { bold })
    values.forEach((v, i) => text(v, PAD + INNER - (cols.length - 1 - i) * colW, y, size, color, { align: 'right', bold }))
  }
  row(
    '楼栋',
    cols.map(([h]) => h),
    palette.text3,
    24,
  )
  y += 44
  if (!r.building.length) {
    text('暂无数据', PAD, y, 26, palette.text3)
    y += 44
  }
  for (const l of r.building) {
    rect(PAD, y - 10, INNER, 1, palette.line)
    row(
      l.label,
      cols.map(([, f]) => f(l)),
      palette.text,
      26,
    )
    y += 48
  }
  y += 24

  // The paragraph management reads first.
  y = section('小结', y)
  ctx.font = `28px ${FONT}`
  for (const line of wrap(ctx, r.summary, INNER)) {
    text(line, PAD, y, 28, palette.text)
    y += 46
  }
  y += 24

  rect(PAD, y, INNER, 1, palette.line)
  text(`更新于 ${formatTime(r.computedAt, 'YYYY-MM-DD HH:mm')} · 物业服务小程序`, PAD, y + 24, 22, palette.text3)
  return y + 80
}

type Canvas2D = { width: number; height: number; getContext(k: '2d'): unknown }

/**
 * The canvas the report needs: twice its units for a sharp image, less when very long (a phone
 * refuses a canvas much over 4,096 px high). Measured on the canvas itself: text widths are its fonts'.
 */
export function measureReport(canvas: Canvas2D, r: ReportImage) {
  canvas.width = REPORT_WIDTH
  canvas.height = 100
  const height = layout(canvas.getContext('2d') as ReportCtx, r, false)
  const scale = Math.min(2, 4096 / height)
  return { width: Math.round(REPORT_WIDTH * scale), height: Math.round(height * scale), scale }
}

/** Sizes the canvas to the report and paints it; returns the pixel size. */
export function paintReport(canvas: Canvas2D, r: ReportImage, size = measureReport(canvas, r)) {
  canvas.width = size.width
  canvas.height = size.height
  const ctx = canvas.getContext('2d') as ReportCtx & { scale(x: number, y: number): void }
  ctx.scale(size.scale, size.scale)
  layout(ctx, r, true)
  return { width: size.width, height: size.height }
}
