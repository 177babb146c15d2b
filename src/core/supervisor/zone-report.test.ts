import { atShanghai } from '../shared/time'
import { patrolFigures, per100, ticketFigures } from './zone-report'

describe('zone report figures', () => {
  it('rates per 100 households, to one decimal', () => {
    expect(per100(3, 432)).toBe(0.7)
    expect(per100(1, 0)).toBeNull()
    expect(ticketFigures({ types: { repair: 12, complaint: 2 }, complaints: 3 }, 200)).toEqual({
      households: 200,
      repairs: 12,
      repairRate: 6,
      complaints: 3,
      complaintRate: 1.5,
    })
  })

  it('counts the rounds due so far in the month against the ones walked, in time or late', () => {
    const daily = { id: 'd', schedule: { every: 'daily' as const, dueBy: '11:00' } }
    const weekly = { id: 'w', schedule: { every: 'weekly' as const, weekday: 3, dueBy: '17:00' } }
    // 2026-12-07 is a Monday, 12:00: six daily rounds due (1st–6th … and today's at 11:00 = 7), one weekly (Wed 2nd).
    const now = atShanghai('2026-12-07 12:00')
    const at = (d: string) => atShanghai(d)
    const rounds = [
      { routeId: 'd', period: '2026-12-01', dueAt: at('2026-12-01 11:00'), finishedAt: at('2026-12-01 10:00'), missed: [] },
      { routeId: 'd', period: '2026-12-02', dueAt: at('2026-12-02 11:00'), finishedAt: at('2026-12-02 12:30'), missed: ['x', 'y'] },
      // Started and left open: it counts as missed.
      { routeId: 'd', period: '2026-12-03', dueAt: at('2026-12-03 11:00'), missed: [] },
      { routeId: 'w', period: '2026-11-30', dueAt: at('2026-12-02 17:00'), finishedAt: at('2026-12-02 16:00'), missed: [] },
    ]
    expect(patrolFigures([daily, weekly], rounds, '2026-12', now)).toEqual({ due: 8, onTime: 2, late: 1, missed: 5, missedPoints: 2, completion: 38 })
    // A week that began in November but was due in December counts in December, once.
    expect(patrolFigures([weekly], [], '2026-11', now).due).toBe(4)
  })
})
