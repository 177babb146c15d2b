import { FUNCTIONS } from '../../scripts/host/functions'
import { harness, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG_HOUSE = 'sunshine-1-1-301'
const leak = { type: 'repair', scope: 'home', houseId: ZHANG_HOUSE, category: 'water_electric', description: '厨房水管接口漏水，地面已经积水', photos: [] }
const tick = () => FUNCTIONS.scheduler.call({ action: 'tick' }, { openid: null, source: 'timer' }, h.deps)

describe('一户一档: one page per house for the office in scope', () => {
  it('shows the people, every ticket with its outcome and rating, open disputes, bills and notes of the house', async () => {
    const job = await h.ok('resident-zhang', 'tickets', 'create', leak)
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: job.id, assignee: 'dev-tech-zhao' })
    await h.ok('tech-zhao', 'tickets', 'accept', { ticketId: job.id })
    await h.ok('tech-zhao', 'tickets', 'complete', { ticketId: job.id, note: '更换了水管接头' })
    await h.ok('resident-zhang', 'tickets', 'confirm', { ticketId: job.id })
    await tick()
    await h.ok('resident-zhang', 'surveys', 'submit', { ticketId: job.id, overall: 4, speed: 4, attitude: 5, resolved: true, tags: ['准时'] })
    const complaint = await h.ok('resident-zhang', 'tickets', 'create', {
      ...leak,
      type: 'complaint',
      category: 'other',
      description: '楼上装修噪音太大，中午也不停',
    })
    while (!(await h.ok('supervisor-liu', 'bills', 'runBills', { period: '2026-11', chunk: 500 })).done);
    const [bill] = (await h.ok('resident-zhang', 'bills', 'myBills', {})).houses[0].bills
    const question = await h.ok('resident-zhang', 'tickets', 'create', {
      ...leak,
      type: 'question',
      category: 'other',
      description: '这个月物业费为什么比上月多？',
      billId: bill.id,
    })
    // Another house's ticket never shows here.
    await h.ok('resident-li', 'tickets', 'create', { ...leak, houseId: 'sunshine-1-1-401' })

    const file = await h.ok('agent-chen', 'account', 'houseFile', { houseId: ZHANG_HOUSE })
    expect(file.house).toMatchObject({ houseId: ZHANG_HOUSE, label: '1栋1单元301', type: 'residential' })
    expect(file.people).toEqual([{ key: 'a.0', name: '张建国', role: 'owner', phone: '138****0301', bound: true }])
    expect(file.bindings.map((b: { name: string; status: string }) => [b.name, b.status])).toEqual([['张建国', 'approved']])
    expect(file.tickets.items.map((t: { id: string }) => t.id)).toEqual([question.id, complaint.id, job.id])
    expect(file.tickets).toMatchObject({ total: 3, open: 2 })
    expect(file.tickets.items[2]).toMatchObject({ status: 'closed', completionNote: '更换了水管接头', rating: 4, reporterPhone: '138****0301' })
    expect(file.disputes.map((d: { no: string; kind: string }) => [d.no, d.kind])).toEqual([
      [question.no, 'bill'],
      [complaint.no, 'complaint'],
    ])
    expect(file.bills.unpaid).toBeGreaterThan(0)
    expect(file.bills.unpaidAmount).toBe(
      file.bills.items.filter((b: { status: string }) => b.status === 'unpaid').reduce((s: number, b: { payable: number }) => s + b.payable, 0),
    )
    expect(file.bills.items[0].status).toBe('unpaid')
    expect(file.vacancy).toBeNull()
    expect(file.decorations).toEqual([])

    const note = await h.ok('agent-chen', 'account', 'addHouseNote', { houseId: ZHANG_HOUSE, text: '张伯耳背，来电请说慢一点' })
    expect((await h.ok('manager-zhou', 'account', 'houseFile', { houseId: ZHANG_HOUSE })).notes).toEqual([
      { id: note.id, text: '张伯耳背，来电请说慢一点', byName: '陈静', at: note.at },
    ])
    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'houseNote' }, limit: 5 })
    expect(audit.map((a) => a.summary)).toEqual(['1栋1单元301 添加备注：张伯耳背，来电请说慢一点'])
  })

  it('shows a renovation and a vacancy where the house has them', async () => {
    const deco = await h.ok('manager-zhou', 'account', 'houseFile', { houseId: 'sunshine-2-2-1102' })
    expect(deco.decorations).toEqual([expect.objectContaining({ id: 'zx_demo_2-2-1102', start: expect.any(String), company: expect.any(String) })])
    expect(deco.decorations[0].statusText).not.toBe('')
    const vacant = await h.ok('manager-zhou', 'account', 'houseFile', { houseId: 'sunshine-2-1-1502' })
    expect(vacant.vacancy).toMatchObject({ care: false })
    expect(vacant.vacancy.endedAt).toBeUndefined()
  })

  it('is for the office in scope only; notes and calls are refused outside it and write nothing', async () => {
    const writes = h.store.stats.writes
    for (const [who, house, code] of [
      ['resident-zhang', ZHANG_HOUSE, 'FORBIDDEN'],
      ['tech-zhao', ZHANG_HOUSE, 'FORBIDDEN'],
      ['manager-zhou', 'sunshine-4-1-301', 'FORBIDDEN'],
      ['agent-chen', 'sunshine-9-9-999', 'NOT_FOUND'],
    ] as const) {
      expect(await h.call(who, 'account', 'houseFile', { houseId: house })).toMatchObject({ ok: false, error: { code } })
      expect(await h.call(who, 'account', 'addHouseNote', { houseId: house, text: '备注内容' })).toMatchObject({ ok: false, error: { code } })
    }
    expect(await h.call('agent-chen', 'account', 'addHouseNote', { houseId: ZHANG_HOUSE, text: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { text: '请填写备注' } },
    })
    expect(await h.call('agent-chen', 'account', 'callHouseMember', { houseId: ZHANG_HOUSE, key: 'a.9' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(h.store.stats.writes).toBe(writes)
  })

  it('gives the full number for a call, and audits each look', async () => {
    expect(await h.ok('agent-chen', 'account', 'callHouseMember', { houseId: ZHANG_HOUSE, key: 'a.0' })).toEqual({ phone: '13800000301' })
    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'phone' }, limit: 5 })
    expect(audit.map((a) => [a.actorName, a.summary])).toEqual([['陈静', '拨打 1栋1单元301 张建国']])
  })
})
