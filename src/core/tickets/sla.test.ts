import { DEFAULT_CALENDAR } from './calendar'
import { computeSla, DEFAULT_SLA, meet, nextPromise, pauseSla, resumeSla } from './sla'
import { dueSteps, isOverdue, nextCheckAt } from './escalation'
import type { Sla, Status } from './types'

const sh = (d: number, h: number, min = 0) => Date.UTC(2026, 10, d, h - 8, min)
const cal = DEFAULT_CALENDAR

describe('SLA deadlines', () => {
  it('repair: respond in 30 business minutes, arrive by the next business day, resolve in 2 business days', () => {
    const sla = computeSla({ type: 'repair', priority: 'normal' }, sh(24, 10), DEFAULT_SLA, cal)
    expect(sla.clock).toBe('business')
    expect(sla.respond).toMatchObject({ due: sh(24, 10, 30), warnAt: sh(24, 10, 24), escalateAt: sh(24, 10, 45) })
    expect(sla.arrive!.due).toBe(sh(25, 18))
    expect(sla.resolve!.due).toBe(sh(26, 10))
  })

  it('repair with a visit window promises that window', () => {
    const sla = computeSla({ type: 'repair', priority: 'normal', window: { start: sh(24, 14), end: sh(24, 16) } }, sh(24, 10), DEFAULT_SLA, cal)
    expect(sla.arrive!.due).toBe(sh(24, 16))
  })

  it('emergency runs on the 24 h clock, even at 3 a.m.', () => {
    const sla = computeSla({ type: 'repair', priority: 'emergency' }, sh(25, 3), DEFAULT_SLA, cal)
    expect(sla.clock).toBe('24h')
    expect(sla.respond!.due).toBe(sh(25, 3, 5))
    expect(sla.arrive!.due).toBe(sh(25, 3, 30))
    expect(sla.resolve!.due).toBe(sh(25, 7))
  })

  it('complaint: respond in 2 business hours, resolve in 3 business days; questions only respond', () => {
    const c = computeSla({ type: 'complaint', priority: 'normal' }, sh(24, 17), DEFAULT_SLA, cal)
    expect(c.respond!.due).toBe(sh(25, 10))
    expect(c.resolve!.due).toBe(sh(27, 17))
    const q = computeSla({ type: 'question', priority: 'normal' }, sh(24, 10), DEFAULT_SLA, cal)
    expect(q.respond!.due).toBe(sh(24, 14))
    expect(q.resolve).toBeUndefined()
  })

  it('pause stops the clock: a 1 h pause moves every unmet deadline 1 business hour later', () => {
    let sla = computeSla({ type: 'repair', priority: 'normal' }, sh(24, 10), DEFAULT_SLA, cal)
    sla = meet(sla, 'respond', sh(24, 10, 10))
    sla = pauseSla(sla, sh(24, 11))
    sla = resumeSla(sla, sh(24, 12), cal)
    expect(sla.respond!.due).toBe(sh(24, 10, 30)) // met: untouched
    expect(sla.resolve!.due).toBe(sh(26, 11))
  })

  it('a pause overnight costs business time only', () => {
    let sla = computeSla({ type: 'complaint', priority: 'normal' }, sh(24, 16), DEFAULT_SLA, cal)
    const before = sla.resolve!.due
    // Paused 17:00 → 10:00 next day: 17–18 and 09–10 are working hours, the night is not.
    sla = resumeSla(pauseSla(sla, sh(24, 17)), sh(25, 10), cal)
    expect(sla.resolve!.due - before).toBe(2 * 3600_000)
  })

  it('nextPromise gives the first unmet promise with minutes left', () => {
    const sla = computeSla({ type: 'repair', priority: 'normal' }, sh(24, 10), DEFAULT_SLA, cal)
    expect(nextPromise(sla, sh(24, 10, 20))).toMatchObject({ key: 'respond', minutesLeft: 10 })
    expect(nextPromise(meet(sla, 'respond', sh(24, 10, 5)), sh(24, 10, 20))?.key).toBe('arrive')
  })
})

describe('escalation ladder', () => {
  const t = (status: Status, sla: Sla) => ({ status, sla, resolvedAt: undefined as number | undefined })
  const sla = computeSla({ type: 'repair', priority: 'normal' }, sh(24, 10), DEFAULT_SLA, cal)

  it('warns at 80%, tells the 管理员 when due, the 客服主任 past the margin', () => {
    expect(dueSteps(t('new', sla), sh(24, 10, 23))).toEqual([])
    expect(dueSteps(t('new', sla), sh(24, 10, 24))).toEqual([{ key: 'respond', level: 1 }])
    expect(dueSteps(t('new', sla), sh(24, 10, 30))).toEqual([{ key: 'respond', level: 2 }])
    expect(dueSteps(t('new', sla), sh(24, 10, 45))).toEqual([{ key: 'respond', level: 3 }])
  })

  it('never repeats a step already taken', () => {
    const warned = { ...sla, respond: { ...sla.respond!, level: 1 as const } }
    expect(dueSteps(t('new', warned), sh(24, 10, 25))).toEqual([])
    expect(nextCheckAt(t('new', warned))).toBe(sh(24, 10, 30))
  })

  it('does nothing for a paused or finished ticket', () => {
    expect(dueSteps(t('paused', sla), sh(30, 10))).toEqual([])
    expect(nextCheckAt(t('paused', sla))).toBeNull()
    expect(dueSteps(t('closed', sla), sh(30, 10))).toEqual([])
    expect(isOverdue(t('closed', sla), sh(30, 10))).toBe(false)
  })

  it('watches a resolved ticket for auto-close after 48 hours', () => {
    expect(nextCheckAt({ status: 'resolved', sla, resolvedAt: sh(24, 12) })).toBe(sh(26, 12))
  })

  it('is overdue once any unmet promise is past due', () => {
    expect(isOverdue(t('new', sla), sh(24, 10, 29))).toBe(false)
    expect(isOverdue(t('new', sla), sh(24, 10, 30))).toBe(true)
  })
})

describe('promise in words', () => {
  it('says today, tomorrow, or the date', async () => {
    const { spoken } = await import('./promise')
    expect(spoken(sh(24, 14, 30), sh(24, 10))).toBe('14:30')
    expect(spoken(sh(25, 9, 0), sh(24, 23))).toBe('明天 09:00')
    expect(spoken(sh(27, 18, 0), sh(24, 10))).toBe('11月27日 18:00')
  })
})
