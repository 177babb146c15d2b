import { drawQr } from '../../components/qr-code/draw'
import { palette } from '../../styles/palette'

/**
 * The printable sheet of checkpoint codes, drawn on a 2D canvas: A4 at 150 dpi, six points a page
 * (two across, three down), each with its name large enough to read from a step away and dashed
 * lines to cut along. The same code paints the weapp canvas node and the H5 <canvas>.
 */
export const SHEET = { width: 1240, height: 1754, perPage: 6 } as const

export interface SheetPoint {
  name: string
  building: string
  payload: string
}

export type SheetCtx = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'strokeRect' | 'fillText' | 'measureText' | 'setLineDash'
>

const MARGIN = 60
const TOP = 170
const COLS = 2
const ROWS = 3
const QR = 320
/** White below the code before its name: a quiet zone of more than four modules, so a camera framing the code sees no text. */
const GAP = 56
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

export const pageCount = (n: number) => Math.max(1, Math.ceil(n / SHEET.perPage))
export const pageOf = <T>(points: T[], page: number) => points.slice(page * SHEET.perPage, (page + 1) * SHEET.perPage)

/** Where each cell of a page sits. */
export function cellBox(i: number) {
  const w = (SHEET.width - 2 * MARGIN) / COLS
  const h = (SHEET.height - TOP - MARGIN) / ROWS
  return { x: MARGIN + (i % COLS) * w, y: TOP + Math.floor(i / COLS) * h, w, h }
}

/** Where a cell's code sits, with room around it: what a camera frames to scan it. */
export function codeBox(i: number, around = 0) {
  const cell = cellBox(i)
  const x = cell.x + (cell.w - QR) / 2
  const y = cell.y + 30
  return { x: x - around, y: y - around, w: QR + 2 * around, h: QR + 2 * around }
}

/** The largest font (down to a floor) at which one line of text fits the width. */
function fit(ctx: SheetCtx, text: string, weight: string, px: number, min: number, width: number) {
  let size = px
  ctx.font = `${weight} ${size}px ${FONT}`
  while (size > min && ctx.measureText(text).width > width) {
    size -= 2
    ctx.font = `${weight} ${size}px ${FONT}`
  }
}

export function drawSheet(ctx: SheetCtx, points: SheetPoint[], page: number, title: string) {
  const pages = pageCount(points.length)
  ctx.fillStyle = palette.surface
  ctx.fillRect(0, 0, SHEET.width, SHEET.height)
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = palette.text
  ctx.textAlign = 'left'
  fit(ctx, title, 'bold', 44, 28, SHEET.width - 2 * MARGIN - 200)
  ctx.fillText(title, MARGIN, 96)
  ctx.font = `28px ${FONT}`
  ctx.fillStyle = palette.text2
  ctx.fillText('巡查时请用微信小程序扫码 · 贴在点位显眼处，请勿遮挡或撕毁', MARGIN, 142)
  ctx.textAlign = 'right'
  ctx.fillText(`第 ${page + 1}/${pages} 页`, SHEET.width - MARGIN, 96)

  pageOf(points, page).forEach((p, i) => {
    const box = cellBox(i)
    ctx.strokeStyle = palette.text3
    ctx.lineWidth = 2
    ctx.setLineDash([12, 10])
    ctx.strokeRect(box.x, box.y, box.w, box.h)
    ctx.setLineDash([])
    const code = codeBox(i)
    drawQr(ctx, p.payload, code.x, code.y, QR)
    ctx.textAlign = 'center'
    ctx.fillStyle = palette.text
    fit(ctx, p.name, 'bold', 44, 26, box.w - 40)
    ctx.fillText(p.name, box.x + box.w / 2, code.y + QR + GAP + 36)
    ctx.fillStyle = palette.text2
    ctx.font = `28px ${FONT}`
    ctx.fillText(`${p.building}栋 · 巡查点`, box.x + box.w / 2, code.y + QR + GAP + 80)
  })
}
