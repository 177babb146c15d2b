import type { Store } from '../../cloudfunctions/lib/ports/store'
import { scoreOf, type ChecklistItem, type ItemResult } from '../../src/core/inspections/checklist'
import { addMonths, monthStart, shanghaiDate, shanghaiMonth } from '../../src/core/shared/time'
import type { Service, VendorDoc } from '../../src/core/vendors/types'

const DAY = 86400_000
const std = (id: string, label: string): ChecklistItem => ({ id, label, kind: 'score', max: 10, pass: 6 })

/** Each firm's contract standards, as a 管理员 scores them on a walk. */
const FIRMS: { id: string; name: string; service: Service; contact: string; phone: string; items: ChecklistItem[]; months: number[][] }[] = [
  {
    id: 'clean',
    name: '洁美保洁服务有限公司',
    service: 'cleaning',
    contact: '何经理',
    phone: '0571-86660001',
    items: [std('floor', '楼道地面无垃圾、无水渍'), std('bins', '垃圾桶及时清运、无满溢'), std('lift', '电梯轿厢干净无异味'), std('glass', '大堂玻璃门窗洁净')],
    months: [
      [8, 9, 8, 7],
      [7, 8, 6, 7],
      [8, 8, 9, 8],
    ],
  },
  {
    id: 'guard',
    name: '安盾保安服务有限公司',
    service: 'security',
    contact: '马队长',
    phone: '0571-86660002',
    items: [std('post', '岗位在岗、着装规范'), std('visitor', '访客登记完整'), std('round', '夜间巡逻记录齐全'), std('fire', '消防通道无占用')],
    months: [
      [9, 9, 8, 9],
      [9, 8, 9, 8],
      [9, 9, 9, 8],
    ],
  },
  {
    id: 'green',
    name: '绿源园林绿化有限公司',
    service: 'greening',
    contact: '林工',
    phone: '0571-86660003',
    items: [std('trim', '草坪修剪平整'), std('plant', '无枯死缺株'), std('weed', '无杂草、无病虫害')],
    months: [
      [7, 8, 7],
      [6, 7, 8],
      [8, 7, 8],
    ],
  },
  {
    id: 'lift',
    name: '迅达电梯维保有限公司',
    service: 'elevator',
    contact: '郑工',
    phone: '0571-86660004',
    items: [std('record', '半月维保记录齐全'), std('run', '运行平稳、平层准确'), std('alarm', '五方通话正常')],
    months: [
      [9, 9, 10],
      [8, 9, 9],
      [9, 9, 9],
    ],
  },
]

/**
 * A firm per service for 阳光花园 with three months of 品质检查 (one a month, around the 12th)
 * and 整改单: the cleaners' lift car one put right last month, and an open one this week that
 * is already past its deadline.
 */
export async function seedVendorsDemo(store: Store, communityId: string, by: { openid: string; name: string }, now: number) {
  const month = shanghaiMonth(now)
  const year = shanghaiDate(now).slice(0, 4)
  for (const f of FIRMS) {
    const v: VendorDoc = {
      _id: `${communityId}-vd-${f.id}`,
      communityId,
      name: f.name,
      service: f.service,
      contact: f.contact,
      phone: f.phone,
      contractStart: `${year}-01-01`,
      contractEnd: f.id === 'green' ? shanghaiDate(now + 20 * DAY) : `${year}-12-31`,
      items: f.items,
      createdAt: now,
      updatedAt: now,
    }
    await store.c.vendors.set(v)
    for (const [k, marks] of f.months.entries()) {
      const m = addMonths(month, k - f.months.length)
      const results: ItemResult[] = f.items.map((i, n) => ({ itemId: i.id, score: marks[n], photos: [] }))
      const id = `${v._id}_seed${m.replace('-', '')}`
      await store.c.vendorChecks.set({
        _id: id,
        communityId,
        vendorId: v._id,
        month: m,
        at: monthStart(m) + 11 * DAY + 15 * 3600_000,
        byOpenid: by.openid,
        byName: by.name,
        place: '1–3栋',
        results,
        score: scoreOf(f.items, results) ?? 100,
        fixIds: [],
      })
    }
  }
  const fix = (id: string, label: string, note: string, createdAt: number, passed: boolean) =>
    store.c.fixes.set({
      _id: `${communityId}-vd-clean_${id}`,
      communityId,
      vendorId: `${communityId}-vd-clean`,
      vendorName: '洁美保洁服务有限公司',
      checkId: '',
      itemId: id,
      label,
      place: '2栋',
      note,
      photos: [],
      dueAt: createdAt + 3 * DAY,
      state: passed ? 'passed' : 'open',
      rechecks: passed ? [{ at: createdAt + 2 * DAY, byName: by.name, ok: true, photos: [] }] : [],
      createdAt,
      updatedAt: createdAt,
    })
  await fix('lift', '电梯轿厢干净无异味', '2栋电梯轿厢有异味，地面污渍', monthStart(addMonths(month, -1)) + 11 * DAY, true)
  await fix('bins', '垃圾桶及时清运、无满溢', '2栋北侧垃圾桶满溢，周边有散落垃圾', now - 5 * DAY, false)
}
