import { harness, type Harness } from '../helpers/harness'
import { seedCommunity } from '../../scripts/seed/community'

/**
 * The staff scope, walked: every staff action × every role × a record in 周明's zone (1栋), one
 * in the community outside it (5栋), and one in another community. One rule decides all of it
 * (src/core/access/scope.ts); this table is what a 物业 would sign off on.
 */
let h: Harness
beforeAll(async () => {
  h = await harness()
  await seedCommunity(h.store, { id: 'riverside', name: '滨江苑', address: '杭州市滨江区', buildings: 1, units: 1, floors: 2, roomsPerFloor: 2 })
})
afterAll(() => h.close())

type Place = 'zone' | 'outside' | 'other'
const HOUSE: Record<Place, string> = { zone: 'sunshine-1-1-301', outside: 'sunshine-5-1-301', other: 'riverside-1-1-101' }
const BUILDING: Record<Place, string> = { zone: '1', outside: '5', other: '1' }

/** A fresh ticket at the place, so every case starts from 待受理. */
async function ticketAt(place: Place, type: 'repair' | 'question' = 'repair'): Promise<string> {
  const sunshine = place === 'other' ? 'zone' : place
  const t = await h.ok('supervisor-liu', 'tickets', 'record', {
    type,
    scope: 'home',
    houseId: HOUSE[sunshine],
    category: type === 'repair' ? 'water_electric' : 'other',
    description: '厨房水管漏水需要维修',
    source: 'phone',
    reporterName: '业主',
    reporterPhone: '13900000000',
  })
  if (place !== 'other') return t.id
  // No one here may act in 滨江苑, so its ticket is written as its own staff would have made it.
  const doc = (await h.store.c.tickets.get(t.id))!
  const moved = { ...doc, _id: `${doc._id}r`, communityId: 'riverside', houseId: HOUSE.other, building: '1', reporterOpenid: 'offline:13900000001' }
  await h.store.c.tickets.set(moved)
  return moved._id
}

async function pendingBindingAt(place: Place): Promise<string> {
  const id = `claim-${place}-${Math.random().toString(36).slice(2, 8)}`
  const now = h.clock.now()
  await h.store.c.bindings.set({
    _id: id,
    openid: `wx-claimant-${id}`,
    communityId: place === 'other' ? 'riverside' : 'sunshine',
    houseId: HOUSE[place],
    building: BUILDING[place],
    role: 'tenant',
    name: '申请人',
    phone: '13900000002',
    status: 'pending',
    autoApproved: false,
    createdAt: now,
    updatedAt: now,
  })
  return id
}

/** Each staff action, run against a record at the place; answers whether it was allowed. */
const ACTIONS: Record<string, (account: string, place: Place) => Promise<boolean>> = {
  'tickets.detail': async (a, p) => (await h.call(a, 'tickets', 'detail', { ticketId: await ticketAt(p) })).ok,
  'tickets.message (internal)': async (a, p) => (await h.call(a, 'tickets', 'message', { ticketId: await ticketAt(p), text: '内部备注', internal: true })).ok,
  'tickets.dispatch': async (a, p) => (await h.call(a, 'tickets', 'dispatch', { ticketId: await ticketAt(p), assignee: 'dev-tech-zhao' })).ok,
  'tickets.resolve': async (a, p) => (await h.call(a, 'tickets', 'resolve', { ticketId: await ticketAt(p, 'question'), note: '已电话答复' })).ok,
  'tickets.link': async (a, p) => (await h.call(a, 'tickets', 'link', { ticketId: await ticketAt(p), otherId: await ticketAt(p) })).ok,
  'tickets.record': async (a, p) =>
    (
      await h.call(a, 'tickets', 'record', {
        type: 'repair',
        scope: 'home',
        houseId: HOUSE[p],
        category: 'water_electric',
        description: '楼道灯不亮需要维修',
        source: 'walkin',
        reporterName: '住户',
        reporterPhone: '13900000003',
      })
    ).ok,
  'tickets.inbox (building filter)': async (a, p) => (p === 'other' ? false : (await h.call(a, 'tickets', 'inbox', { tab: 'all', building: BUILDING[p] })).ok),
  'bills.houseBills': async (a, p) => (await h.call(a, 'bills', 'houseBills', { houseId: HOUSE[p] })).ok,
  'account.approveBinding': async (a, p) => (await h.call(a, 'account', 'approveBinding', { bindingId: await pendingBindingAt(p) })).ok,
  'notices.publish': async (a, p) =>
    p === 'other'
      ? false
      : (
          await h.call(a, 'notices', 'publish', {
            category: 'general',
            title: `${BUILDING[p]}栋通知`,
            body: '明天上午清洗外墙',
            audience: { scope: 'buildings', targets: [BUILDING[p]] },
          })
        ).ok,
}

/** What each role may do: the front office in its scope (a zone-only 管理员 in 1–3栋), a handler nothing here. */
const MAY: Record<string, Record<Place, boolean>> = {
  'supervisor-liu': { zone: true, outside: true, other: false },
  'agent-chen': { zone: true, outside: true, other: false },
  'manager-zhou': { zone: true, outside: false, other: false },
  'tech-zhao': { zone: false, outside: false, other: false },
}
// A handler's inbox is their own queue: asking for a building narrows it, which is allowed.
const HANDLER_INBOX = { zone: true, outside: true, other: false }

const cases = Object.keys(ACTIONS).flatMap((action) =>
  Object.keys(MAY).flatMap((account) => (['zone', 'outside', 'other'] as Place[]).map((place) => [action, account, place] as const)),
)

describe('the staff scope, action × role × place', () => {
  it.each(cases)('%s as %s on a record %s', async (action, account, place) => {
    const expected = action.startsWith('tickets.inbox') && account === 'tech-zhao' ? HANDLER_INBOX[place] : MAY[account][place]
    expect(await ACTIONS[action](account, place)).toBe(expected)
  })
})

describe('a personal binding never grants staff powers', () => {
  async function bind(account: string, houseId: string, building: string) {
    const now = h.clock.now()
    await h.store.c.bindings.set({
      _id: `b-${account}-${houseId}`,
      openid: `dev-${account}`,
      communityId: houseId.startsWith('riverside') ? 'riverside' : 'sunshine',
      houseId,
      building,
      role: 'family',
      name: '家属',
      phone: '13900000009',
      status: 'approved',
      autoApproved: false,
      createdAt: now,
      updatedAt: now,
    })
  }

  it('a 管理员 who lives outside their zone sees their own house’s ticket as a resident only', async () => {
    await bind('manager-zhou', HOUSE.outside, '5')
    const ticketId = await ticketAt('outside')
    await h.ok('agent-chen', 'tickets', 'message', { ticketId, text: '业主电话里说阀门坏了', internal: true })
    const d = await h.ok('manager-zhou', 'tickets', 'detail', { ticketId })
    expect(d.timeline.some((e: { internal?: boolean }) => e.internal)).toBe(false)
    expect(d.can).not.toContain('dispatch')
    expect(await h.call('manager-zhou', 'tickets', 'dispatch', { ticketId, assignee: 'dev-tech-zhao' })).toMatchObject({ ok: false })
    expect(await h.call('manager-zhou', 'tickets', 'message', { ticketId, text: '内部', internal: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('a handler bound to a house in another community cannot act there as staff', async () => {
    await bind('tech-zhao', HOUSE.other, '1')
    const ticketId = await ticketAt('other')
    const d = await h.ok('tech-zhao', 'tickets', 'detail', { ticketId })
    expect(d.can).toEqual(expect.not.arrayContaining(['dispatch', 'resolve', 'accept', 'link']))
    expect(await h.call('tech-zhao', 'tickets', 'message', { ticketId, text: '内部', internal: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('tech-zhao', 'tickets', 'link', { ticketId, otherId: await ticketAt('other') })).toMatchObject({ ok: false })
  })
})

describe('a filter narrows the scope, never widens it', () => {
  it('a 管理员 asking the inbox for a building outside the zone is refused, and reads nothing of it', async () => {
    await ticketAt('outside')
    const r = await h.call('manager-zhou', 'tickets', 'inbox', { tab: 'all', building: '5' })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该楼栋不在您的管辖范围' } })
    const mine = await h.ok('manager-zhou', 'tickets', 'inbox', { tab: 'all', building: '1' })
    expect(mine.items.every((t: { place: string }) => t.place.startsWith('1栋'))).toBe(true)
    const all = await h.ok('manager-zhou', 'tickets', 'inbox', { tab: 'all' })
    expect(all.items.every((t: { place: string }) => /^[123]栋/.test(t.place))).toBe(true)
  })
})
