/**
 * Money is integer 分 everywhere it is stored, summed or sent; these are its two doors to and from
 * the text people read and type.
 */

/** 22913 → '229.13', -5 → '-0.05'. */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`

/**
 * '2.8' → 280, '12' → 1200, '0.05' → 5: a decimal with at most two places, in hundredths, by
 * string arithmetic (no float ever holds the amount). Null when it is not such a number. Yuan
 * may carry a leading ¥.
 */
export function parseHundredths(s: string): number | null {
  const m = /^[¥￥]?(\d{0,9})(?:\.(\d{0,2}))?$/.exec(s.trim())
  if (!m || (!m[1] && !m[2])) return null
  return Number(m[1] || '0') * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** 元 as typed → integer fen, or null. */
export const parseYuan = parseHundredths
