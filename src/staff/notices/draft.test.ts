import { blankDraft, toPublish, type Draft } from './draft'

const NOW = Date.UTC(2026, 10, 24, 2) // 2026-11-24 10:00 Shanghai
const HOUR = 3600_000
const water = (over: Partial<Draft> = {}): Draft => ({
  ...blankDraft(),
  title: '1栋停水',
  body: '水箱清洗，请提前储水。',
  targets: ['1'],
  area: '1栋',
  cause: '水箱清洗',
  eta: { date: '', time: '16:00' },
  ...over,
})

describe('the 发布公告 draft', () => {
  it('an outage typed as 16:00 starts now and comes back at 16:00 today, as before', () => {
    expect(toPublish(water(), NOW)).toEqual({
      input: {
        category: 'water',
        title: '1栋停水',
        body: '水箱清洗，请提前储水。',
        pinned: false,
        audience: { scope: 'buildings', targets: ['1'] },
        outage: { area: '1栋', startAt: NOW, etaAt: NOW + 6 * HOUR, cause: '水箱清洗' },
      },
    })
  })

  it('real dates: a start tomorrow 08:00 and an ETA typed 12:00 mean tomorrow noon; schedule and expiry go along', () => {
    const r = toPublish(
      water({
        start: { date: '2026-11-25', time: '08:00' },
        eta: { date: '', time: '12:00' },
        publishAt: { date: '2026-11-24', time: '18:00' },
        expiresAt: { date: '2026-11-26', time: '00:00' },
      }),
      NOW,
    )
    expect(r).toMatchObject({ input: { publishAt: NOW + 8 * HOUR, expiresAt: NOW + 38 * HOUR, outage: { startAt: NOW + 22 * HOUR, etaAt: NOW + 26 * HOUR } } })
  })

  it('rooms are sent as house ids; an empty audience, a missing ETA or a bad expiry are caught before sending', () => {
    const rooms = water({ scope: 'rooms', rooms: [{ houseId: 'sunshine-1-1-301', label: '1栋1单元301' }] })
    expect(toPublish(rooms, NOW)).toMatchObject({ input: { audience: { scope: 'rooms', targets: ['sunshine-1-1-301'] } } })
    expect(toPublish(water({ scope: 'rooms' }), NOW)).toEqual({ errors: { audience: '请选择房号' } })
    expect(toPublish(water({ eta: { date: '2026-11-25', time: '' } }), NOW)).toEqual({ errors: { 'outage.etaAt': '请按 16:00 的格式填写预计恢复时间' } })
    expect(toPublish(water({ eta: { date: '', time: '' } }), NOW)).toEqual({ errors: { 'outage.etaAt': '请选择预计恢复时间' } })
    expect(toPublish(water({ eta: { date: '2026-11-24', time: '09:00' } }), NOW)).toEqual({ errors: { 'outage.etaAt': '预计恢复时间须晚于开始时间' } })
    expect(toPublish(water({ publishAt: { date: '2026-11-25', time: '08:00' }, expiresAt: { date: '2026-11-24', time: '20:00' } }), NOW)).toEqual({
      errors: { expiresAt: '过期时间须晚于发布时间' },
    })
  })

  it('an event takes a capacity and a real deadline; no outage fields for a 物业通知', () => {
    const event = { ...water(), category: 'event' as const, capacity: '30', deadline: { date: '2026-11-28', time: '20:00' } }
    expect(toPublish(event, NOW)).toMatchObject({ input: { signUp: { capacity: 30, deadline: Date.UTC(2026, 10, 28, 12) } } })
    expect((toPublish(event, NOW) as { input: object }).input).not.toHaveProperty('outage')
    expect(toPublish({ ...event, deadline: { date: '', time: '' } }, NOW)).toEqual({ errors: { 'signUp.deadline': '请选择报名截止时间' } })
    expect(toPublish({ ...event, capacity: '0' }, NOW)).toMatchObject({ errors: { 'signUp.capacity': '名额至少 1 人' } })
    expect(toPublish({ ...water(), category: 'general' }, NOW)).not.toHaveProperty('input.outage')
  })
})
