import { yuanText } from './figure-change'
import { percentText } from '../shared/ratio'
import { formatTime, monthName } from '../shared/time'
import { score, type FigureLine, type TopProblems } from './monthly-report'

export interface SummaryInput {
  month: string
  total: FigureLine
  /** The month before, in the same scope; null when there is none to compare with. */
  previous: FigureLine | null
  /** The month is still running: what piles up is not compared with a whole month. */
  partial: boolean
  top: TopProblems
  /** When the figures were computed: a partial month says up to when. */
  computedAt: number
}

const pointsMoved = (now: number | null, before: number | null | undefined) => {
  if (now === null || before === null || before === undefined) return ''
  const d = Math.round((now - before) * 1000) / 10
  return d === 0 ? '（与上月持平）' : `（较上月${d > 0 ? '提高' : '下降'} ${Math.abs(d)} 个百分点）`
}

function ticketsSentence(i: SummaryInput): string {
  const { total: t, previous: p, partial } = i
  const when = partial ? `${monthName(i.month, true)}（进行中，截至 ${formatTime(i.computedAt, 'M月D日 HH:mm')}）` : monthName(i.month, true)
  if (!t.tickets) return `${when}，${t.label}暂无工单。`
  let s = `${when}，${t.label}共受理工单 ${t.tickets} 单`
  if (!partial && p) {
    const d = t.tickets - p.tickets
    const pct = p.tickets ? Math.round((Math.abs(d) / p.tickets) * 100) : 0
    s += d === 0 ? '，与上月持平' : `，较上月${d > 0 ? '增加' : '减少'} ${Math.abs(d)} 单${pct ? `（${pct}%）` : ''}`
  }
  return `${s}，其中投诉 ${t.complaints} 件、紧急 ${t.emergencies} 件。`
}

function onTimeSentence({ total: t, previous: p }: SummaryInput): string {
  const parts = [
    t.respondOnTime !== null && `响应及时率 ${percentText(t.respondOnTime)}${pointsMoved(t.respondOnTime, p?.respondOnTime)}`,
    t.resolveOnTime !== null && `解决及时率 ${percentText(t.resolveOnTime)}${pointsMoved(t.resolveOnTime, p?.resolveOnTime)}`,
    t.firstTimeFix !== null && `一次解决率 ${percentText(t.firstTimeFix)}`,
  ].filter(Boolean)
  return parts.length ? `${parts.join('，')}。` : t.tickets ? '服务时限尚未到期，暂无及时率。' : ''
}

function satisfactionSentence({ total: t, previous: p }: SummaryInput): string {
  if (!t.answered) return '暂无住户评价。'
  return `收到住户评价 ${t.answered} 条，满意度均分 ${score(t.averageScore)} 分，满意率 ${percentText(t.satisfiedShare)}${pointsMoved(t.satisfiedShare, p?.satisfiedShare)}。`
}

function collectionSentence({ total: t, previous: p, partial }: SummaryInput): string {
  if (t.collectionRate === null) return ''
  const rate = `收缴率 ${percentText(t.collectionRate)}${partial ? '（本月账单仍在收缴中）' : pointsMoved(t.collectionRate, p?.collectionRate)}`
  return `本月到期账单应收 ${yuanText(t.billed)}，实收 ${yuanText(t.collected)}，${rate}。`
}

function problemsSentence({ top }: SummaryInput): string {
  if (!top.categories.length) return ''
  const cats = top.categories
    .slice(0, 3)
    .map((c) => `${c.label}（${c.count} 次）`)
    .join('、')
  const place = top.places[0]
  return `高发问题依次为${cats}${place ? `；重复报事最多的位置是 ${place.place}（${place.count} 次）` : ''}。`
}

/** The one paragraph of 月报 a 客服主任 hands to management: volume, timeliness, satisfaction, money, what went wrong most. */
export function reportSummary(i: SummaryInput): string {
  return [ticketsSentence, onTimeSentence, satisfactionSentence, collectionSentence, problemsSentence].map((f) => f(i)).join('')
}
