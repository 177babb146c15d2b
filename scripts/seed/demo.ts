import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { BindingDoc, HouseRole, UserDoc, StaffProfile } from '../../src/core/account/types'
import { houseId } from '../../src/core/community/types'
import { seedCommunity, type CommunitySpec } from './community'
import { seedBillsDemo } from './bills'
import { seedTicketsDemo } from './tickets'
import { seedPatrolDemo } from './patrol'
import { seedVacancyDemo } from './vacancy'
import { seedVendorsDemo } from './vendors'
import { seedKbDemo } from './kb'
import { seedDecorationDemo } from './decoration'
import { seedHistory } from './history'

export const DEMO_COMMUNITY: CommunitySpec = {
  id: 'sunshine',
  name: '阳光花园',
  address: '杭州市西湖区文三路 188 号',
  buildings: 6,
  units: 2,
  floors: 18,
  roomsPerFloor: 2,
}

export interface DemoAccount {
  account: string
  name: string
  /** What the sign-in page shows under the name. */
  title: string
  staff?: Omit<StaffProfile, 'name' | 'communityId'>
  /** Their place in the owner archive and, unless `unbound`, an approved binding to it. */
  house?: { building: string; unit: string; room: string; role: HouseRole; phone: string; unbound?: true }
}

/** The people of the demo. Their openids are `dev-<account>`; only the local host can sign in as them. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    account: 'resident-zhang',
    name: '张建国',
    title: '业主 · 1栋1单元301',
    house: { building: '1', unit: '1', room: '301', role: 'owner', phone: '13800000301' },
  },
  {
    account: 'resident-li',
    name: '李秀英',
    title: '业主 · 1栋1单元401（张家楼上）',
    house: { building: '1', unit: '1', room: '401', role: 'owner', phone: '13800000401' },
  },
  {
    account: 'resident-wang',
    name: '王磊',
    title: '租户 · 2栋1单元502',
    house: { building: '2', unit: '1', room: '502', role: 'tenant', phone: '13800000502' },
  },
  {
    account: 'resident-wu',
    name: '吴秀兰',
    title: '新住户 · 3栋1单元1201 业主，还未绑定',
    house: { building: '3', unit: '1', room: '1201', role: 'owner', phone: '13800001201', unbound: true },
  },
  { account: 'agent-chen', name: '陈静', title: '客服', staff: { roles: ['agent'] } },
  { account: 'tech-zhao', name: '赵强', title: '工程部 · 维修师傅', staff: { roles: ['handler'], department: 'engineering', onDuty: true } },
  { account: 'cleaner-sun', name: '孙丽', title: '保洁部', staff: { roles: ['handler'], department: 'cleaning' } },
  { account: 'manager-zhou', name: '周明', title: '管理员 · 1–3栋', staff: { roles: ['manager'], zone: ['1', '2', '3'] } },
  { account: 'supervisor-liu', name: '刘芳', title: '客服主任', staff: { roles: ['supervisor'], onDuty: true } },
]

export const devOpenid = (account: string) => `dev-${account}`

/** The demo accounts' houses, bound or about to be: the generated history leaves them alone. */
export const demoHouseIds = () => DEMO_ACCOUNTS.flatMap((a) => (a.house ? [houseId(DEMO_COMMUNITY.id, a.house.building, a.house.unit, a.house.room)] : []))

/** The number WeChat would vouch for when a demo account taps 手机号快速验证 (the local host simulates it). */
export const wechatPhoneOf = (account: string) => DEMO_ACCOUNTS.find((a) => a.account === account)?.house?.phone

/**
 * The demo community as a newcomer first sees it. Run on an empty database only. `history` adds
 * six months of finished tickets, ratings and payments (scripts/seed/history/) so the dashboard
 * has something to show: the local host asks for it; the integration tests and the bench do not,
 * so their counts start from nothing.
 */
export async function seedDemo(store: Store, now: number, opts: { history?: boolean } = {}) {
  const c = DEMO_COMMUNITY
  await seedCommunity(store, c)
  for (const a of DEMO_ACCOUNTS) {
    const openid = devOpenid(a.account)
    const user: UserDoc = {
      _id: openid,
      nickname: a.name,
      createdAt: now,
      updatedAt: now,
      ...(a.staff ? { staff: { name: a.name, communityId: c.id, ...a.staff } } : {}),
    }
    await store.c.users.set(user)
    if (!a.house) continue
    const hid = houseId(c.id, a.house.building, a.house.unit, a.house.room)
    // The archive knows our demo residents, so their own bindings read as archive-approved.
    const archive = await store.c.archive.get(hid)
    const members = (archive?.members ?? []).filter((m) => m.role !== a.house!.role || a.house!.role !== 'owner')
    members.push({ name: a.name, phone: a.house.phone, role: a.house.role })
    await store.c.archive.set({ _id: hid, communityId: c.id, members })
    if (a.house.unbound) continue
    const binding: BindingDoc = {
      _id: `seed-${a.account}`,
      openid,
      communityId: c.id,
      houseId: hid,
      building: a.house.building,
      role: a.house.role,
      name: a.name,
      phone: a.house.phone,
      status: 'approved',
      autoApproved: true,
      decidedBy: 'archive',
      decidedAt: now,
      createdAt: now,
      updatedAt: now,
    }
    await store.c.bindings.set(binding)
  }
  await seedTicketsDemo(store, c.id)
  await seedPatrolDemo(store, c.id, { openid: devOpenid('manager-zhou'), name: '周明' }, now)
  await seedVacancyDemo(store, c.id, { openid: devOpenid('manager-zhou'), name: '周明' }, now)
  await seedVendorsDemo(store, c.id, { openid: devOpenid('manager-zhou'), name: '周明' }, now)
  await seedKbDemo(store, c.id, '陈静', now)
  await seedDecorationDemo(store, c.id, { openid: devOpenid('manager-zhou'), name: '周明' }, now)
  await seedBillsDemo(
    store,
    c.id,
    now,
    DEMO_ACCOUNTS.flatMap((a) => (a.house && !a.house.unbound ? [houseId(c.id, a.house.building, a.house.unit, a.house.room)] : [])),
  )
  // Last: history reads the houses, bindings, staff and bills written above, and skips what they own.
  if (opts.history) await seedHistory(store, c.id, now, demoHouseIds())
}
