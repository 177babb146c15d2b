import { createHash } from 'node:crypto'
import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { ChecklistItem } from '../../src/core/inspections/checklist'
import type { Category } from '../../src/core/tickets/types'
import type { CheckpointDoc, RouteDoc } from '../../src/core/patrol/types'

const ok = (id: string, label: string, category: Category): ChecklistItem => ({ id, label, kind: 'check', category })

/** 阳光花园's patrol points in 周明's zone (1–3栋) and the checklists a 管理员 actually walks. */
const POINTS: { id: string; building: string; name: string; items: ChecklistItem[] }[] = [
  {
    id: 'lobby-1',
    building: '1',
    name: '1栋大堂',
    items: [
      ok('floor', '地面干净无杂物', 'cleaning'),
      ok('light', '照明正常', 'facility'),
      ok('door', '门禁对讲可用', 'door_window'),
      ok('mail', '信报箱完好', 'facility'),
    ],
  },
  {
    id: 'lift-1',
    building: '1',
    name: '1栋电梯',
    items: [ok('cab', '轿厢照明与通风正常', 'elevator'), ok('noise', '运行平稳无异响', 'elevator'), ok('phone', '紧急呼叫可接通', 'elevator')],
  },
  {
    id: 'exit-2',
    building: '2',
    name: '2栋消防通道',
    items: [ok('clear', '通道畅通无堆物', 'facility'), ok('sign', '安全出口指示灯亮', 'facility'), ok('ext', '灭火器在有效期内', 'facility')],
  },
  {
    id: 'garden-2',
    building: '2',
    name: '中心绿化带',
    items: [ok('trim', '草木修剪整齐', 'greening'), ok('dead', '无枯死缺株', 'greening'), ok('water', '喷灌正常无漏水', 'greening')],
  },
  {
    id: 'garage-3',
    building: '3',
    name: '3栋地下车库',
    items: [ok('light', '照明正常', 'facility'), ok('drain', '排水沟无积水', 'water_electric'), ok('lane', '消防车道无占用', 'other')],
  },
  {
    id: 'pump-3',
    building: '3',
    name: '水泵房',
    items: [
      ok('run', '水泵运行正常', 'water_electric'),
      ok('leak', '管道阀门无渗漏', 'water_electric'),
      { id: 'tidy', label: '设备房整洁', kind: 'score', max: 10, pass: 6, category: 'cleaning' },
    ],
  },
  {
    id: 'power-3',
    building: '3',
    name: '3栋配电房',
    items: [ok('temp', '无异味、温度正常', 'water_electric'), ok('lock', '门锁完好、警示牌齐全', 'facility')],
  },
]

/** A point's QR secret: fixed for the demo so the printed sheet survives a re-seed. */
const codeFor = (communityId: string, id: string) => createHash('sha256').update(`cp:${communityId}:${id}`).digest('base64url').slice(0, 16)

export async function seedPatrolDemo(store: Store, communityId: string, owner: { openid: string; name: string }, now: number) {
  for (const p of POINTS) {
    const cp: CheckpointDoc = {
      _id: `${communityId}-cp-${p.id}`,
      communityId,
      building: p.building,
      name: p.name,
      code: codeFor(communityId, p.id),
      items: p.items,
      createdAt: now,
      updatedAt: now,
    }
    await store.c.checkpoints.set(cp)
  }
  const route = (id: string, name: string, ids: string[], schedule: RouteDoc['schedule']): RouteDoc => ({
    _id: `${communityId}-rt-${id}`,
    communityId,
    name,
    checkpointIds: ids.map((x) => `${communityId}-cp-${x}`),
    buildings: [...new Set(ids.map((x) => POINTS.find((p) => p.id === x)!.building))],
    schedule,
    ownerOpenid: owner.openid,
    ownerName: owner.name,
    createdAt: now,
    updatedAt: now,
  })
  await store.c.routes.set(route('daily', '1–3栋日常巡查', ['lobby-1', 'lift-1', 'exit-2', 'garden-2', 'garage-3'], { every: 'daily', dueBy: '11:00' }))
  await store.c.routes.set(route('plant', '设备房周检', ['pump-3', 'power-3'], { every: 'weekly', weekday: 3, dueBy: '17:00' }))
}
