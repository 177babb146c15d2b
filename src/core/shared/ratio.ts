/**
 * The arithmetic every figure (月报, 看板, 满意度) is made of, so the same rate reads the same on
 * every page. A rate of nothing is null, never 0: a month without tickets has no on-time rate.
 */

/** n of d as a fraction, or null when there is nothing to divide by. */
export const share = (n: number, d: number) => (d ? n / d : null)

/** The mean rounded to `digits` places, or null with nothing to average. */
export const mean = (sum: number, n: number, digits = 0) => (n ? Math.round((sum / n) * 10 ** digits) / 10 ** digits : null)

/** 0.8765 → '87.7%', 1 → '100%', null → '—'. */
export const percentText = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`)
