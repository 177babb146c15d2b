import { dailyRunDue, decidePrompt, DAY_MS, dueDatesToday, stageOf } from './reminders'

const at = (iso: string) => new Date(iso).getTime()
const TEN = at('2026-11-27T02:00:00Z') // 2026-11-27 10:00 Shanghai

describe('reminder policy', () => {
  it('prompt days: 3 days before, on the day, +7, +15, +30', () => {
    expect(dueDatesToday(TEN).map((d) => d.dueDate)).toEqual(['2026-11-30', '2026-11-27', '2026-11-20', '2026-11-12', '2026-10-28'])
    expect(stageOf('2026-11-30', TEN)).toEqual({ kind: 'before', days: 3 })
    expect(stageOf('2026-10-28', TEN)).toEqual({ kind: 'overdue', days: 30 })
    expect(stageOf('2026-11-29', TEN)).toBeNull()
  })

  it('at most one prompt per person per 3 days; never when nothing is owed', () => {
    expect(decidePrompt({ now: TEN, unpaidTotal: 0 })).toEqual({ send: false, reason: 'paid' })
    expect(decidePrompt({ now: TEN, unpaidTotal: 100, lastPromptAt: TEN - 3 * DAY_MS + 1 })).toEqual({ send: false, reason: 'recent' })
    expect(decidePrompt({ now: TEN, unpaidTotal: 100, lastPromptAt: TEN - 3 * DAY_MS })).toEqual({ send: true, notBefore: TEN })
  })

  it('quiet hours 22:00–07:00: the push waits for 07:00', () => {
    const late = at('2026-11-27T14:30:00Z') // 22:30
    expect(decidePrompt({ now: late, unpaidTotal: 100 })).toEqual({ send: true, notBefore: at('2026-11-27T23:00:00Z') })
    const early = at('2026-11-27T21:00:00Z') // 05:00 on the 28th
    expect(decidePrompt({ now: early, unpaidTotal: 100 })).toEqual({ send: true, notBefore: at('2026-11-27T23:00:00Z') })
  })

  it('the daily run is due from 10:00 Shanghai, once per day', () => {
    expect(dailyRunDue(TEN - 60_000, undefined)).toBe(false)
    expect(dailyRunDue(TEN, undefined)).toBe(true)
    expect(dailyRunDue(TEN, '2026-11-27')).toBe(false)
    expect(dailyRunDue(TEN, '2026-11-26')).toBe(true)
  })
})
