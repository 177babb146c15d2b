import type { Store } from '../../cloudfunctions/lib/ports/store'
import { houseLabel } from '../../src/core/community/types'
import { billId, DEPOSIT_ITEM } from '../../src/core/bills/types'
import { DEFAULT_RULES, periodText, type DecorationDoc } from '../../src/core/decoration/types'
import { shanghaiDate, shanghaiMonth } from '../../src/core/shared/time'

const DAY = 86400_000

/**
 * Two renovations in 周明's zone: 2栋2单元1102 under way (approved three weeks ago, deposit paid at
 * the desk, 水电隐蔽验收 passed, one violation for rubble in the stairwell), and 3栋1单元602 waiting
 * for his decision since yesterday.
 */
export async function seedDecorationDemo(store: Store, communityId: string, by: { openid: string; name: string }, now: number) {
  const day = (n: number) => shanghaiDate(now + n * DAY)
  const make = async (id: string, houseIdOf: string, patch: (d: DecorationDoc) => Partial<DecorationDoc>) => {
    const h = await store.c.houses.get(houseIdOf)
    if (!h) return
    const owner = (await store.c.archive.get(h._id))?.members.find((m) => m.role === 'owner')
    const base: DecorationDoc = {
      _id: id,
      communityId,
      building: h.building,
      unit: h.unit,
      floor: h.floor,
      houseId: h._id,
      label: houseLabel(h),
      applicant: { openid: `owner-${h._id}`, name: owner?.name ?? '业主' },
      contractor: { company: '杭州安居装饰有限公司', leader: '钱建军', phone: '13912345678' },
      workers: [
        { name: '钱建军', phone: '13912345678' },
        { name: '孙小明', phone: '13987654321' },
        { name: '李大勇', phone: '13755556666' },
      ],
      start: day(-18),
      end: day(40),
      works: ['wiring', 'ceiling', 'painting'],
      description: '厨房、卫生间水电改造，客厅吊顶，全屋墙面粉刷，不动承重墙。',
      drawings: [],
      status: 'pending',
      submittedAt: now - DAY,
      deposit: DEFAULT_RULES.deposit,
      inspections: [],
      violations: [],
      updatedAt: now,
    }
    const d = { ...base, ...patch(base) }
    await store.c.decorations.set(d)
    await store.c.decorationLocks.set({ _id: d.houseId, decorationId: d._id })
    return d
  }

  const working = await make('zx_demo_2-2-1102', `${communityId}-2-2-1102`, (d) => ({
    status: 'approved',
    submittedAt: now - 22 * DAY,
    decided: { at: now - 21 * DAY, byOpenid: by.openid, byName: by.name, conditions: '电梯内须铺设保护垫，垃圾袋装后运至指定地点' },
    depositBillId: billId(communityId, shanghaiMonth(now - 21 * DAY), DEPOSIT_ITEM, d._id),
    inspections: [
      {
        kind: 'hidden',
        date: day(-6),
        slot: 'am',
        bookedAt: now - 8 * DAY,
        result: {
          at: now - 6 * DAY,
          byOpenid: by.openid,
          byName: by.name,
          passed: true,
          results: ['conduit', 'pressure', 'structure'].map((itemId) => ({ itemId, ok: true, photos: [] })),
        },
      },
    ],
    violations: [
      { id: 'seed-vio-1', kind: 'waste', note: '装修垃圾堆放在楼梯间，已要求当天清运', photos: [], at: now - 3 * DAY, byName: by.name, stop: false },
    ],
  }))
  if (working?.depositBillId)
    await store.c.bills.set({
      _id: working.depositBillId,
      communityId,
      houseId: working.houseId,
      building: working.building,
      houseLabel: working.label,
      period: shanghaiMonth(now - 21 * DAY),
      periodLabel: periodText(working),
      itemId: DEPOSIT_ITEM,
      itemName: '装修押金',
      kind: 'oneoff',
      basis: '完工验收合格后退还',
      amount: working.deposit,
      original: working.deposit,
      dueDate: working.start,
      status: 'paid',
      paidAt: now - 20 * DAY,
      paidVia: 'cash',
      paidAmount: working.deposit,
      createdAt: now - 21 * DAY,
      updatedAt: now - 20 * DAY,
    })

  await make('zx_demo_3-1-602', `${communityId}-3-1-602`, () => ({
    start: day(3),
    end: day(75),
    works: ['waterproof', 'tiling'],
    description: '卫生间重做防水，厨房和卫生间重新铺贴地砖。',
    workers: [
      { name: '周海', phone: '13600001111' },
      { name: '吴刚', phone: '13600002222' },
    ],
    contractor: { company: '个人', leader: '周海', phone: '13600001111' },
  }))
}
