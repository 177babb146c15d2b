import { createCanvas, type Canvas } from '@napi-rs/canvas'
import { writeFileSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { atShanghai } from '../../core/shared/time'
import type { Counters } from '../../core/supervisor/monthly'
import { DEC, NOV, reportLine, TOP } from '../../../test/helpers/report-lines'
import { reportSummary } from '../../core/supervisor/report-summary'
import { paintReport, wrap, REPORT_WIDTH, type ReportCtx } from './long-image'
import { palette } from '../../styles/palette'

const line = (key: string, label: string, over: Partial<Counters>) => reportLine(over, key, label)
const nov = NOV
const dec = DEC
const top = TOP
const building = ['1', '2', '3', '4', '5', '6'].map((b, i) =>
  line(b, `${b}栋`, {
    tickets: 40 + i * 7,
    resolveDue: 20,
    resolveOnTime: 17 + (i % 3),
    answered: 10,
    satisfied: 9,
    billed: 2_000_000,
    collected: 1_800_000 + i * 10_000,
  }),
)
const computedAt = atShanghai('2026-12-31 18:05')

const rgbAt = (c: Canvas, x: number, y: number) => Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3))
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))

describe('月报 long image', () => {
  it('is as tall as its content, twice the units across, with the brand head and the problem bars painted', () => {
    const canvas = createCanvas(1, 1)
    const summary = reportSummary({ month: '2026-12', total: dec, previous: nov, partial: false, top, computedAt })
    const size = paintReport(canvas, { month: '2026-12', scope: '全小区', partial: false, computedAt, total: dec, previous: nov, top, building, summary })
    // Long enough to need less than 2× to stay under 4,096 px high, and never below 1× across.
    expect(size.height).toBeLessThanOrEqual(4096)
    expect(size.height).toBeGreaterThan(4000)
    expect(size.width).toBeGreaterThan(REPORT_WIDTH)
    expect(size.width).toBeLessThan(REPORT_WIDTH * 2)
    expect(rgbAt(canvas, 10, 10)).toEqual(hex(palette.brand))
    mkdirSync(resolve(__dirname, '../../../test-output'), { recursive: true })
    writeFileSync(resolve(__dirname, '../../../test-output/long-image.png'), canvas.toBuffer('image/png'))
  })

  it('breaks Chinese text to the width, never starting a line with a comma', () => {
    const ctx = createCanvas(10, 10).getContext('2d') as unknown as ReportCtx
    ctx.font = '28px sans-serif'
    const lines = wrap(ctx, '收到住户评价 60 条，满意度均分 4.52 分，满意率 90%（较上月提高 2 个百分点）。本月到期账单应收 ¥123,456.78。', 300)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.join('')).toBe('收到住户评价 60 条，满意度均分 4.52 分，满意率 90%（较上月提高 2 个百分点）。本月到期账单应收 ¥123,456.78。')
    for (const l of lines.slice(1)) expect('，。、；）'.includes(l[0])).toBe(false)
    for (const l of lines) expect(l.endsWith('（')).toBe(false)
    // An amount is never cut in two.
    expect(lines.some((l) => l.includes('¥123,456.78'))).toBe(true)
  })
})
