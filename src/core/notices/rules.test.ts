import {
  assertCanSignUp,
  audienceBuildings,
  inAudience,
  isUrgent,
  matchesRepair,
  outageAffects,
  outageLine,
  outageView,
  pushTime,
  readShare,
  residentOrder,
} from './rules'
import type { NoticeDoc } from './types'

const NOW = Date.UTC(2026, 10, 24, 2) // 10:00 Shanghai
const HOUR = 3600_000
const house = { _id: 'c-1-2-301', building: '1', unit: '2' }

describe('notice rules', () => {
  it('matches audiences by community, building, unit and room', () => {
    expect(inAudience({ scope: 'community', targets: [] }, house)).toBe(true)
    expect(inAudience({ scope: 'buildings', targets: ['1'] }, house)).toBe(true)
    expect(inAudience({ scope: 'buildings', targets: ['2'] }, house)).toBe(false)
    expect(inAudience({ scope: 'units', targets: ['1-2'] }, house)).toBe(true)
    expect(inAudience({ scope: 'units', targets: ['1-1'] }, house)).toBe(false)
    expect(inAudience({ scope: 'rooms', targets: ['c-1-2-301'] }, house)).toBe(true)
    expect(audienceBuildings({ scope: 'units', targets: ['2-1', '1-2', '2-2'] })).toEqual(['1', '2'])
    expect(audienceBuildings({ scope: 'rooms', targets: ['c-1-2-301'] }, [house])).toEqual(['1'])
  })

  it('an outage reaches a 户内 repair by its house and a 公共区域 one by its building', () => {
    const units = { audience: { scope: 'units' as const, targets: ['1-1'] }, buildings: ['1'] }
    expect(outageAffects(units, { building: '1', house })).toBe(false)
    expect(outageAffects(units, { building: '1', house: { ...house, unit: '1' } })).toBe(true)
    expect(outageAffects(units, { building: '1' })).toBe(true)
    expect(outageAffects(units, { building: '2' })).toBe(false)
    expect(outageAffects({ audience: { scope: 'community', targets: [] }, buildings: [] }, { building: '9' })).toBe(true)
  })

  it('outages are urgent and match repairs: 停水/停电 ↔ 水电, 停气 ↔ 燃气', () => {
    expect(isUrgent('water')).toBe(true)
    expect(isUrgent('general')).toBe(false)
    expect(matchesRepair('water', 'water_electric')).toBe(true)
    expect(matchesRepair('power', 'water_electric')).toBe(true)
    expect(matchesRepair('gas', 'gas')).toBe(true)
    expect(matchesRepair('water', 'door_window')).toBe(false)
    expect(matchesRepair('event', 'water_electric')).toBe(false)
    expect(matchesRepair('water')).toBe(true)
  })

  it('holds non-urgent pushes in quiet hours', () => {
    const night = Date.UTC(2026, 10, 24, 15) // 23:00
    expect(pushTime(true, night)).toBe(night)
    expect(pushTime(false, night)).toBe(Date.UTC(2026, 10, 24, 23)) // 07:00
  })

  it('says where an outage stands', () => {
    const o = { area: '1栋', startAt: NOW - HOUR, etaAt: NOW + 6 * HOUR, cause: '检修', state: 'active' as const, updates: [] }
    expect(outageLine({ category: 'water', outage: o }, NOW)).toBe('该区域正在停水，预计 16:00 恢复')
    expect(outageLine({ category: 'power', outage: { ...o, startAt: NOW + HOUR } }, NOW)).toBe('该区域将于 11:00 停电，预计 16:00 恢复')
    expect(outageLine({ category: 'water', outage: { ...o, etaAt: NOW + 24 * HOUR } }, NOW)).toBe('该区域正在停水，预计 11月25日 10:00 恢复')
    expect(outageLine({ category: 'gas', outage: { ...o, startAt: NOW + 22 * HOUR, etaAt: NOW + 26 * HOUR } }, NOW)).toBe(
      '该区域将于 11月25日 08:00 停气，预计 11月25日 12:00 恢复',
    )
    expect(outageView({ outage: o })).toBe('active')
    expect(outageView({ outage: { ...o, updates: [{ at: NOW, text: '延后', etaAt: NOW + 8 * HOUR }] } })).toBe('updated')
    expect(outageView({ outage: { ...o, state: 'restored' } })).toBe('restored')
  })

  it('shows active outages first, then pinned, then newest', () => {
    const n = (id: string, over: Partial<NoticeDoc>) => ({ _id: id, pinned: false, publishAt: NOW - HOUR, withdrawn: false, ...over }) as NoticeDoc
    const out = residentOrder(
      [
        n('new', { publishAt: NOW }),
        n('pin', { pinned: true, publishAt: NOW - 2 * HOUR }),
        n('out', { publishAt: NOW - 3 * HOUR, outage: { area: '', startAt: 0, etaAt: 0, cause: '', state: 'active', updates: [] } }),
        n('done', { publishAt: NOW - 30_000, outage: { area: '', startAt: 0, etaAt: 0, cause: '', state: 'restored', updates: [] } }),
      ],
      NOW,
    )
    expect(out.map((x) => x._id)).toEqual(['out', 'pin', 'new', 'done'])
  })

  it('takes sign-ups while there is room and time', () => {
    const s = { capacity: 2, deadline: NOW + HOUR }
    expect(() => assertCanSignUp(s, 1, NOW)).not.toThrow()
    expect(() => assertCanSignUp(s, 2, NOW)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(() => assertCanSignUp(s, 0, NOW + 2 * HOUR)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }))
    expect(() => assertCanSignUp(undefined, 0, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }))
    expect(readShare(1, 3)).toBe(33)
    expect(readShare(0, 0)).toBe(0)
  })
})
