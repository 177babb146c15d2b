import { createCanvas, type Canvas } from '@napi-rs/canvas'
import jsQR from 'jsqr'
import { codeBox, drawSheet, pageCount, SHEET, type SheetCtx } from './draw'

const NAMES = ['1栋大堂', '1栋电梯', '2栋消防通道', '中心绿化带', '3栋地下车库', '水泵房', '配电房']
const points = NAMES.map((name, i) => ({ name, building: String(1 + (i % 3)), payload: `WYXC:secret-${i + 1}-0123456789abcdef` }))

/** Read back the code printed in one cell, framed as a phone camera frames it. */
function readCell(canvas: Canvas, i: number) {
  const b = codeBox(i, 30)
  const img = canvas.getContext('2d').getImageData(Math.round(b.x), Math.round(b.y), Math.round(b.w), Math.round(b.h))
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null
}

describe('巡查点二维码 sheet', () => {
  it('six points a page, and every printed code scans back to its point', () => {
    expect(pageCount(points.length)).toBe(2)
    expect(pageCount(0)).toBe(1)
    const first = createCanvas(SHEET.width, SHEET.height)
    drawSheet(first.getContext('2d') as unknown as SheetCtx, points, 0, '阳光花园 · 巡查点二维码')
    expect([0, 1, 2, 3, 4, 5].map((i) => readCell(first, i))).toEqual(points.slice(0, 6).map((p) => p.payload))

    const second = createCanvas(SHEET.width, SHEET.height)
    drawSheet(second.getContext('2d') as unknown as SheetCtx, points, 1, '阳光花园 · 巡查点二维码')
    expect(readCell(second, 0)).toBe(points[6].payload)
    // The rest of the last page is blank paper, not a stale code.
    expect(readCell(second, 1)).toBeNull()
  })
})
