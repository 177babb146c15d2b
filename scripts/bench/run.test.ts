import { formatTable, percentile } from './run'

describe('percentile (nearest rank)', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1) // 1 … 100

  it('picks the value at or above p% of samples', () => {
    expect(percentile(xs, 50)).toBe(50)
    expect(percentile(xs, 99)).toBe(99)
    expect(percentile(xs, 100)).toBe(100)
    expect(percentile(xs, 0)).toBe(1)
  })

  it('handles small and empty samples', () => {
    expect(percentile([7], 50)).toBe(7)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([1, 2, 3], 50)).toBe(2)
    expect(percentile([1, 2, 3], 99)).toBe(3)
    expect(percentile([], 50)).toBeNaN()
  })
})

describe('formatTable', () => {
  it('aligns columns under a header', () => {
    const out = formatTable([{ name: 'account.whoami', n: 200, p50_ms: 0.12, p99_ms: 1.5, reads: 3, writes: 0 }])
    expect(out.split('\n')).toEqual([
      'name              n  p50_ms  p99_ms  reads  writes',
      '--------------  ---  ------  ------  -----  ------',
      'account.whoami  200    0.12     1.5      3       0',
    ])
  })
})
