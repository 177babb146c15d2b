import { drawChart, layout, niceMax, type Ctx2D } from './draw'

const spec = {
  labels: ['5月', '6月', '7月'],
  series: [
    { name: '工单', color: '#1f7a5c', kind: 'bar' as const, values: [100, 50, null] },
    { name: '满意率', color: '#c77c12', kind: 'line' as const, values: [80, null, 90] },
  ],
  format: String,
}

describe('trend chart geometry', () => {
  it('rounds the axis up to 1, 2 or 5 × 10^k', () => {
    expect([0, 7, 10, 11, 180, 4999].map(niceMax)).toEqual([1, 10, 10, 20, 200, 5000])
  })

  it('bars stand on the axis in proportion; a month without data leaves a gap', () => {
    const g = layout(spec, 340, 180)
    expect(g.max).toBe(100)
    const [a, b, c] = g.bars[0].rects
    expect(c).toBeNull()
    expect(a!.y + a!.h).toBeCloseTo(b!.y + b!.h)
    expect(a!.h).toBeCloseTo(2 * b!.h)
    expect(g.lines[0].points[1]).toBeNull()
    expect(g.lines[0].points[0]!.x).toBeCloseTo(g.cx(0))
  })

  it('draws every bar, every point and the legend', () => {
    const calls: string[] = []
    const ctx = new Proxy({} as Ctx2D, {
      get: (_t, k: string) =>
        k in { fillStyle: 1, strokeStyle: 1, lineWidth: 1, font: 1, textAlign: 1, textBaseline: 1 }
          ? ''
          : (...args: unknown[]) => calls.push(`${k}:${args.length ? String(args[0]) : ''}`),
      set: () => true,
    })
    drawChart(ctx, 340, 180, spec)
    expect(calls.filter((c) => c.startsWith('fillRect')).length).toBe(2 + 2) // two bars, two legend keys
    expect(calls.filter((c) => c.startsWith('arc')).length).toBe(2)
    expect(calls).toContain('fillText:满意率')
    expect(calls).toContain('fillText:7月')
  })
})
