import { yuan } from '../shared/money'
import { percentText } from '../shared/ratio'
import { duration, score, type FigureLine } from './monthly-report'

/**
 * The headline figures of a month (看板, 月报 and its long image), each with what it measures, and
 * how to read its change against the month before. A live month is partial: what piles up as the
 * month goes on (tickets, money paid, callbacks made) is not yet comparable with a whole month, so
 * it is shown beside last month's figure rather than as a fall.
 */
export type FigureKey =
  | 'tickets'
  | 'complaints'
  | 'respondOnTime'
  | 'resolveOnTime'
  | 'firstTimeFix'
  | 'avgResponseMinutes'
  | 'avgResolutionMinutes'
  | 'averageScore'
  | 'satisfiedShare'
  | 'callbackCoverage'
  | 'collectionRate'

type Kind = 'count' | 'rate' | 'minutes' | 'score'

export interface Figure {
  key: FigureKey
  label: string
  /** What it measures, in a line a manager reads without asking (durations count working time only). */
  hint: string
  kind: Kind
  unit?: string
  /** Which way is better: up, down, or neither (more tickets is more work, not worse service). */
  better: 'up' | 'down' | 'none'
  /** It piles up through the month, so a month under way reads low against a whole one. */
  grows?: boolean
}

export const FIGURES: Figure[] = [
  { key: 'tickets', label: '工单', hint: '本月新建的工单数', kind: 'count', unit: '单', better: 'none', grows: true },
  { key: 'complaints', label: '投诉', hint: '其中投诉类工单', kind: 'count', unit: '件', better: 'down', grows: true },
  { key: 'respondOnTime', label: '响应及时率', hint: '时限内响应的占比', kind: 'rate', better: 'up' },
  { key: 'resolveOnTime', label: '解决及时率', hint: '时限内解决的占比', kind: 'rate', better: 'up' },
  { key: 'firstTimeFix', label: '一次解决率', hint: '未被重开的占比', kind: 'rate', better: 'up' },
  { key: 'avgResponseMinutes', label: '平均响应', hint: '报事到首次响应', kind: 'minutes', better: 'down' },
  { key: 'avgResolutionMinutes', label: '平均解决', hint: '报事到解决', kind: 'minutes', better: 'down' },
  { key: 'averageScore', label: '满意度均分', hint: '星级平均，满分 5', kind: 'score', better: 'up' },
  { key: 'satisfiedShare', label: '满意率', hint: '评 4–5 星的占比', kind: 'rate', better: 'up' },
  { key: 'callbackCoverage', label: '回访覆盖率', hint: '回访联系上的占比', kind: 'rate', better: 'up', grows: true },
  { key: 'collectionRate', label: '收缴率', hint: '实收 ÷ 应收', kind: 'rate', better: 'up', grows: true },
]

/** The figure as the page shows it: 312, 87.7%, 45 分钟, 4.52, or — when there is nothing to show. */
export function figureText(f: Figure, line: FigureLine): string {
  const v = line[f.key]
  if (f.kind === 'count') return String(v)
  if (f.kind === 'rate') return percentText(v)
  if (f.kind === 'minutes') return duration(v)
  return score(v)
}

export interface Change {
  text: string
  /** good / bad: the colour of better or worse; flat: 持平; none: no comparison to make. */
  tone: 'good' | 'bad' | 'flat' | 'none'
}

const arrow = (d: number) => (d > 0 ? '↑' : '↓')

/** How much it moved, rounded as it is shown; 0 is 持平. */
function moved(f: Figure, now: number, before: number): [number, string] {
  if (f.kind === 'count') {
    const d = now - before
    const pct = before ? Math.round((Math.abs(d) / before) * 100) : 0
    return [d, `${Math.abs(d)} ${f.unit}${pct ? ` · ${pct}%` : ''}`]
  }
  if (f.kind === 'rate') {
    const d = Math.round((now - before) * 1000) / 10
    return [d, `${Math.abs(d)} 个百分点`]
  }
  if (f.kind === 'minutes') {
    const d = Math.round(now - before)
    return [d, duration(Math.abs(d))]
  }
  const d = Math.round((now - before) * 100) / 100
  return [d, `${Math.abs(d).toFixed(2)} 分`]
}

/**
 * This month's figure against the month before: ↑ 3.2 个百分点, ↓ 8 单 · 12%, 持平. Nothing to
 * compare gives —, or 本月进行中 for a live month that has no data for it yet; a figure that piles
 * up shows last month's value while the month is under way.
 */
export function changeOf(f: Figure, now: FigureLine, before: FigureLine | null, partial: boolean): Change {
  const b = before?.[f.key] ?? null
  const n = now[f.key]
  if (partial && f.grows)
    return before && b !== null ? { text: `上月 ${figureText(f, before)}${f.unit ? ` ${f.unit}` : ''}`, tone: 'none' } : { text: '本月进行中', tone: 'none' }
  if (n === null) return { text: partial ? '本月进行中' : '—', tone: 'none' }
  if (b === null) return { text: '—', tone: 'none' }
  const [d, size] = moved(f, n, b)
  if (d === 0) return { text: '持平', tone: 'flat' }
  const tone = f.better === 'none' ? 'flat' : d > 0 === (f.better === 'up') ? 'good' : 'bad'
  return { text: `${arrow(d)} ${size}`, tone }
}

/**
 * A sum for a report, grouped by thousands: 12345678 → '¥123,456.78'. Here rather than in
 * shared/money: that module ships in the main package, which has no bytes to spare.
 */
export const yuanText = (fen: number) => `${fen < 0 ? '-' : ''}¥${yuan(Math.abs(fen)).replace(/\B(?=(\d{3})+\.)/g, ',')}`
