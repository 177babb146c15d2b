import { harness, T0, type Harness } from '../helpers/harness'
import { handlePayNotice } from '../../cloudfunctions/payCallback/notice'
import { billReminders, payOrders } from '../../cloudfunctions/lib/bills/jobs'
import { grant } from '../../cloudfunctions/lib/outbox/quota'
import { deliverOutbox } from '../../cloudfunctions/lib/outbox/deliver'
import { repriced, toggled } from '../../src/core/bills/fee-items'
import { feeItemInput, newDraft, withKind } from '../../src/staff/fees/draft'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const HOUR = 3600_000
const DAY = 24 * HOUR
const ZHANG_HOUSE = 'sunshine-1-1-301'
const LI_HOUSE = 'sunshine-1-1-401'

async function runAll(period = '2026-11', chunk = 500) {
  let created = 0
  let calls = 0
  for (;;) {
    const r = await h.ok('supervisor-liu', 'bills', 'runBills', { period, chunk })
    created += r.created
    calls++
    if (r.done) return { created, calls }
  }
}

const bills = () => h.store.c.bills
const wechat = { openid: null, source: 'payment' as const }

/** What cloudPay sends the callback after the payer paid. */
const notice = (outTradeNo: string, totalFee: number, extra: object = {}) => ({
  returnCode: 'SUCCESS',
  resultCode: 'SUCCESS',
  outTradeNo,
  totalFee,
  transactionId: `SIM${outTradeNo}`,
  ...extra,
})

async function zhangPropertyBill() {
  const mine = await h.ok('resident-zhang', 'bills', 'myBills')
  return mine.houses[0].bills.find((b: { itemName: string }) => b.itemName === '物业费')
}

describe('bills: bill run', () => {
  it('creates one bill per house and item; 物业费 = area × price, rounded half up in fen', async () => {
    const { created } = await runAll()
    // 432 houses' 物业费 + 停车费 for every space; no readings yet, so no 水/电.
    const spaces = await h.store.c.parkingSpaces.count()
    expect(created).toBe(432 + spaces)
    const b = await zhangPropertyBill()
    // 91.65 m² × ¥2.50 = 229.125 → 22913 fen.
    expect(b).toMatchObject({ amount: 22913, payable: 22913, basis: '91.65 m² × ¥2.50/m²·月', dueDate: '2026-11-30', status: 'unpaid' })
  })

  it('出账 first says what it will create: the preview matches the run, writes nothing, and counts what exists apart', async () => {
    const writes = h.store.stats.writes
    const before = await h.ok('supervisor-liu', 'bills', 'previewBills', { period: '2026-11' })
    expect(h.store.stats.writes).toBe(writes)
    expect(before.existing).toBe(0)
    expect(before.houses).toBe(await h.store.c.houses.count())
    expect(before.items.map((i: { name: string }) => i.name)).toContain('物业费')
    const run = await runAll('2026-11', 100)
    expect(run.created).toBe(before.bills)
    // The run's own bills (the demo's 装修押金 is a bill of that month too, outside any run).
    const itemIds = before.items.map((i: { itemId: string }) => i.itemId)
    const made = (await bills().find({ where: { period: '2026-11' }, limit: 1000 })).filter((b) => itemIds.includes(b.itemId))
    expect(made.length).toBe(before.bills)
    expect(made.reduce((n, b) => n + b.amount, 0)).toBe(before.amount)
    const after = await h.ok('supervisor-liu', 'bills', 'previewBills', { period: '2026-11' })
    expect(after).toMatchObject({ bills: 0, amount: 0, items: [], existing: before.bills })
    expect(await h.call('agent-chen', 'bills', 'previewBills', { period: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('supervisor-liu', 'bills', 'previewBills', { period: '2062-11' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('running it twice creates nothing new, in any chunk size', async () => {
    const first = await runAll('2026-11', 100)
    expect(first.calls).toBeGreaterThan(4)
    const before = await bills().count()
    const again = await runAll('2026-11', 500)
    expect(again.created).toBe(0)
    expect(await bills().count()).toBe(before)
  })

  it('a paid bill is not touched by a rerun', async () => {
    await runAll()
    const b = await zhangPropertyBill()
    await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [b.id], method: 'cash' })
    await runAll()
    expect((await bills().get(b.id))!.status).toBe('paid')
  })

  it('only 客服主任 may run bills; bad input is refused and writes nothing', async () => {
    expect(await h.call('agent-chen', 'bills', 'runBills', { period: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'bills', 'runBills', { period: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const before = await bills().count()
    expect(await h.call('supervisor-liu', 'bills', 'runBills', { period: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // A typo'd year is refused with the field, before anything is written.
    const billsBefore = await h.store.c.bills.count()
    for (const period of ['2062-11', '2025-10', '2027-03']) {
      expect(await h.call('supervisor-liu', 'bills', 'runBills', { period })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { period: '账期只能是本月前 12 个月到后 3 个月之间' } },
      })
    }
    expect(
      await h.call('supervisor-liu', 'bills', 'importReadings', { period: '2062-11', kind: 'water', csv: '房号,上期读数,本期读数\n1-1-301,1,2\n' }),
    ).toMatchObject({ ok: false, error: { fields: { period: expect.any(String) } } })
    expect(await h.store.c.bills.count()).toBe(billsBefore)
    expect(await bills().count()).toBe(before)
  })
})

describe('bills: 物业费 by house type and price changes', () => {
  const propertyBill = (period: string, house: string) => bills().get(`sunshine_${period}_sunshine-property_${house}`)

  it('a 商铺 pays area × the commercial price, a 住宅 in the same building the residential one', async () => {
    // 6栋's ground floor is street-front shops; no demo account lives there.
    expect((await h.store.c.houses.get('sunshine-6-1-101'))!.type).toBe('commercial')
    expect((await h.store.c.houses.get('sunshine-6-1-201'))!.type).toBe('residential')
    await runAll()
    // 89.50 m² × ¥4.00 = ¥358.00; 118.30 m² × ¥4.00 = ¥473.20
    expect(await propertyBill('2026-11', 'sunshine-6-1-101')).toMatchObject({ amount: 35800, basis: '商铺 89.50 m² × ¥4.00/m²·月' })
    expect(await propertyBill('2026-11', 'sunshine-6-2-102')).toMatchObject({ amount: 47320, basis: '商铺 118.30 m² × ¥4.00/m²·月' })
    // 89.50 m² × ¥2.50 = 223.75
    expect(await propertyBill('2026-11', 'sunshine-6-1-201')).toMatchObject({ amount: 22375, basis: '89.50 m² × ¥2.50/m²·月' })
    // A house stored without a type is residential.
    const legacy = (await h.store.c.houses.get('sunshine-6-1-202'))!
    delete legacy.type
    await h.store.c.houses.set(legacy)
    await runAll('2026-12')
    expect(await propertyBill('2026-12', 'sunshine-6-1-202')).toMatchObject({ amount: 29575, basis: '118.30 m² × ¥2.50/m²·月' })
  })

  it('a price change on the 收费项目 page is what the next bill run charges, per house type', async () => {
    await runAll()
    const item = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '物业费')
    // Exactly what the page sends after 住宅 ¥2.80 and 商铺 ¥4.50 were typed in.
    const saved = await h.ok('supervisor-liu', 'bills', 'saveFeeItem', repriced(item, { residential: 280, commercial: 450 }))
    expect(saved).toMatchObject({ unitPrice: 280, priceByType: { residential: 280, commercial: 450 } })
    expect(await h.store.c.feeItems.get('sunshine-property')).toMatchObject({ unitPrice: 280, priceByType: { residential: 280, commercial: 450 } })
    await runAll('2026-12')
    // 91.65 m² × ¥2.80 = ¥256.62; 89.50 m² × ¥4.50 = ¥402.75
    expect(await propertyBill('2026-12', ZHANG_HOUSE)).toMatchObject({ amount: 25662, basis: '91.65 m² × ¥2.80/m²·月' })
    expect(await propertyBill('2026-12', 'sunshine-6-1-101')).toMatchObject({ amount: 40275, basis: '商铺 89.50 m² × ¥4.50/m²·月' })
    // Bills already issued keep their amount.
    expect(await propertyBill('2026-11', ZHANG_HOUSE)).toMatchObject({ amount: 22913 })
  })

  it('price changes, waivers and cash taken at the desk are in the 客服主任’s audit trail', async () => {
    await runAll()
    const item = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '物业费')
    await h.ok('supervisor-liu', 'bills', 'saveFeeItem', repriced(item, { residential: 280, commercial: 450 }))
    const b = await zhangPropertyBill()
    await h.ok('supervisor-liu', 'bills', 'adjust', { billId: b.id, amount: 20000, reason: '面积复核，按实测面积调整' })
    await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [b.id], method: 'cash' })
    const trail = (await h.ok('supervisor-liu', 'supervisor', 'audit', {})).items
    expect(trail.map((a: { kind: string; actorName: string }) => [a.kind, a.actorName])).toEqual([
      ['offlinePayment', '陈静'],
      ['billAdjust', '刘芳'],
      ['feeItem', '刘芳'],
    ])
    expect(trail[2]).toMatchObject({
      summary: '修改收费项目「物业费」：¥2.50（商铺 ¥4.00） → ¥2.80（商铺 ¥4.50）',
      before: { unitPrice: 250 },
      after: { unitPrice: 280 },
    })
    expect(trail[1]).toMatchObject({ summary: expect.stringContaining('¥229.13 → ¥200.00：面积复核'), before: { amount: 22913 }, after: { amount: 20000 } })
    expect(trail[0].summary).toMatch(/^1栋1单元301 现金收款 ¥200\.00（1 笔），收据 /)
    // A refused change leaves no trace either.
    expect(await h.call('supervisor-liu', 'bills', 'adjust', { billId: b.id, amount: 0, reason: '空置' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'billAdjust' })).items).toHaveLength(1)
  })

  it('a save where unitPrice and the 住宅 price disagree is refused and changes nothing', async () => {
    const item = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '物业费')
    // What the page used to send: the new price in unitPrice, the old priceByType sent back.
    const { id, kind, name, cycle, dueDay, active, priceByType } = item
    const r = await h.call('supervisor-liu', 'bills', 'saveFeeItem', { id, kind, name, unitPrice: 280, priceByType, cycle, dueDay, active })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'priceByType.residential': expect.any(String) } } })
    const parking = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '停车费')
    expect(await h.call('supervisor-liu', 'bills', 'saveFeeItem', { ...repriced(parking, 16000), priceByType: { commercial: 20000 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await h.store.c.feeItems.get('sunshine-property')).toMatchObject({ unitPrice: 250, priceByType: { residential: 250, commercial: 400 } })
    expect(await h.store.c.feeItems.get('sunshine-parking')).toMatchObject({ unitPrice: 15000 })
  })
})

describe('bills: new, one-off and inactive fee items from the 收费项目 page', () => {
  const itemBills = (itemId: string, period?: string) => bills().count({ itemId, ...(period ? { period } : {}) })

  it('a one-off item (2026-12 电梯维修分摊 ¥50.00) is billed to every house in its period and no other', async () => {
    // Exactly what the page sends after 新增收费项目 → 一次性, the name, '50' and '2026-12' were typed.
    const built = feeItemInput({ ...withKind(newDraft(), 'oneoff'), name: '电梯维修分摊', price: '50', onlyPeriod: '2026-12' })
    if (!('input' in built)) throw new Error(JSON.stringify(built.errors))
    const item = await h.ok('supervisor-liu', 'bills', 'saveFeeItem', built.input)
    expect(item).toMatchObject({ kind: 'oneoff', name: '电梯维修分摊', unitPrice: 5000, cycle: 'monthly', dueDay: 0, onlyPeriod: '2026-12', active: true })
    expect(item.lateFee).toBeUndefined()
    expect((await h.ok('supervisor-liu', 'bills', 'feeItems')).map((i: { name: string }) => i.name)).toContain('电梯维修分摊')

    await runAll('2026-11')
    expect(await itemBills(item.id)).toBe(0)
    await runAll('2026-12')
    expect(await itemBills(item.id, '2026-12')).toBe(432)
    expect(await bills().get(`sunshine_2026-12_${item.id}_${ZHANG_HOUSE}`)).toMatchObject({
      kind: 'oneoff',
      itemName: '电梯维修分摊',
      amount: 5000,
      basis: '电梯维修分摊',
      periodLabel: '2026-12',
      dueDate: '2026-12-31',
      status: 'unpaid',
    })
    expect((await bills().get(`sunshine_2026-12_${item.id}_${ZHANG_HOUSE}`))!.lateFee).toBeUndefined()
    // Later periods (and a rerun of December) bill it no more.
    await runAll('2027-01')
    await runAll('2026-12')
    expect(await itemBills(item.id)).toBe(432)

    // Made by 刘芳, in the audit trail.
    const trail = (await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'feeItem' })).items
    expect(trail[0]).toMatchObject({
      actorName: '刘芳',
      summary: '新增收费项目「电梯维修分摊」：¥50.00，一次性，账期 2026-12，月末到期，不收滞纳金',
      before: null,
      after: { unitPrice: 5000, onlyPeriod: '2026-12' },
    })
  })

  it('an inactive item is not billed: a one-off made 停用, and 停车费 switched off until 启用', async () => {
    const off = feeItemInput({ ...withKind(newDraft(), 'oneoff'), name: '外墙清洗分摊', price: '30.5', onlyPeriod: '2026-11', active: false })
    if (!('input' in off)) throw new Error(JSON.stringify(off.errors))
    const oneoff = await h.ok('supervisor-liu', 'bills', 'saveFeeItem', off.input)
    expect(oneoff).toMatchObject({ unitPrice: 3050, active: false })

    // The card's 停用 on 停车费.
    const parking = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '停车费')
    expect(await h.ok('supervisor-liu', 'bills', 'saveFeeItem', toggled(parking))).toMatchObject({ active: false, unitPrice: 15000 })

    await runAll('2026-11')
    expect(await itemBills(oneoff.id)).toBe(0)
    expect(await itemBills('sunshine-parking', '2026-11')).toBe(0)
    expect(await itemBills('sunshine-property', '2026-11')).toBe(432)

    // 启用 again: the next run bills it, at the price it had.
    const stopped = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '停车费')
    await h.ok('supervisor-liu', 'bills', 'saveFeeItem', toggled(stopped))
    await runAll('2026-11')
    const spaces = await h.store.c.parkingSpaces.count()
    expect(await itemBills('sunshine-parking', '2026-11')).toBe(spaces)
    expect(await itemBills(oneoff.id)).toBe(0)

    const summaries = (await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'feeItem' })).items.map((a: { summary: string }) => a.summary)
    expect(summaries.slice(0, 2)).toEqual(['启用收费项目「停车费」', '停用收费项目「停车费」'])
  })

  it('the server refuses what the page would not send, beside the field, and writes nothing', async () => {
    const lift = { kind: 'oneoff', name: '电梯维修分摊', unitPrice: 5000, cycle: 'monthly', dueDay: 0 }
    expect(await h.call('supervisor-liu', 'bills', 'saveFeeItem', lift)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { onlyPeriod: expect.any(String) } },
    })
    expect(await h.call('supervisor-liu', 'bills', 'saveFeeItem', { ...lift, onlyPeriod: '2026-12', cycle: 'quarterly' })).toMatchObject({
      ok: false,
      error: { fields: { cycle: expect.any(String) } },
    })
    expect(await h.call('supervisor-liu', 'bills', 'saveFeeItem', { ...lift, onlyPeriod: '2026-12', dueDay: 31 })).toMatchObject({
      ok: false,
      error: { fields: { dueDay: '到期日请填 1–28，或 0 表示月末' } },
    })
    expect(await h.call('supervisor-liu', 'bills', 'saveFeeItem', { ...lift, onlyPeriod: '2026-12', lateFee: { bpPerDay: 80, capBp: 1000 } })).toMatchObject({
      ok: false,
      error: { fields: { 'lateFee.bpPerDay': expect.any(String) } },
    })
    // An item keeps its kind.
    const parking = (await h.ok('supervisor-liu', 'bills', 'feeItems')).find((i: { name: string }) => i.name === '停车费')
    expect(await h.call('supervisor-liu', 'bills', 'saveFeeItem', { ...repriced(parking, 5000), kind: 'oneoff', onlyPeriod: '2026-12' })).toMatchObject({
      ok: false,
      error: { fields: { kind: expect.any(String) } },
    })
    // Only the 客服主任 saves.
    const good = { ...lift, onlyPeriod: '2026-12' }
    expect(await h.call('agent-chen', 'bills', 'saveFeeItem', good)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.store.c.feeItems.count({ communityId: 'sunshine' })).toBe(4)
    expect(await h.store.c.feeItems.get('sunshine-parking')).toMatchObject({ kind: 'parking', unitPrice: 15000 })
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'feeItem' })).items).toHaveLength(0)
  })
})

describe('bills: meter readings CSV', () => {
  const good = '房号,上期读数,本期读数\n1-1-301,120.5,132.75\n1-1-401,300,318\n'

  it('a CSV with one bad row imports nothing and names the row', async () => {
    const bad = '房号,上期读数,本期读数\n1-1-301,120.5,132.75\n1-1-401,300,290\n2-1-502,10,12\n'
    const r = await h.call('supervisor-liu', 'bills', 'importReadings', { period: '2026-11', kind: 'water', csv: bad })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 第3行: '本期读数 290 小于上期读数 300' } } })
    expect(!r.ok && r.error.message).toContain('第 3 行')
    expect(await h.store.c.meterReadings.count()).toBe(0)
    const unknown = await h.call('supervisor-liu', 'bills', 'importReadings', { period: '2026-11', kind: 'water', csv: good + '9-1-101,1,2\n' })
    expect(unknown).toMatchObject({ ok: false, error: { fields: { 第4行: '本小区没有房屋 9-1-101' } } })
    expect(await h.store.c.meterReadings.count()).toBe(0)
  })

  it('good readings become 水费 bills on the next run: usage × price', async () => {
    expect(await h.ok('supervisor-liu', 'bills', 'importReadings', { period: '2026-11', kind: 'water', csv: good })).toMatchObject({ imported: 2 })
    await runAll()
    const water =
      (await zhangPropertyBill()) && (await h.ok('resident-zhang', 'bills', 'myBills')).houses[0].bills.find((b: { itemName: string }) => b.itemName === '水费')
    // 12.25 吨 × ¥5.00 = ¥61.25
    expect(water).toMatchObject({ amount: 6125, basis: '12.25 吨 × ¥5.00/吨' })
  })
})

describe('bills: one open order per bill', () => {
  it('a second 去缴费 for the same bills returns the open order; racing taps make one order', async () => {
    await runAll()
    const b = await zhangPropertyBill()
    const first = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] })
    const again = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] })
    expect(again.outTradeNo).toBe(first.outTradeNo)
    expect(await h.store.c.payOrders.count({ status: 'created' })).toBe(1)
    // Past the prepay id's life, a fresh order replaces it.
    h.clock.advance(2 * 3_600_000)
    const [x, y] = await Promise.all([
      h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] }),
      h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] }),
    ])
    expect(x.outTradeNo).toBe(y.outTradeNo)
    expect(x.outTradeNo).not.toBe(first.outTradeNo)
    expect((await bills().get(b.id))!.openOrderId).toBe(x.outTradeNo)
  })

  it('when an old and a new order are both paid, the bill is credited once and the second payment is held for a refund', async () => {
    await runAll()
    const b = await zhangPropertyBill()
    const old = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] })
    h.clock.advance(2 * 3_600_000)
    const fresh = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] })
    expect(fresh.outTradeNo).not.toBe(old.outTradeNo)
    const receiptsBefore = await h.store.c.receipts.count({ method: 'wechat' })
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    for (const o of [old, fresh]) {
      await h.payments.markPaid(o.outTradeNo)
      await handlePayNotice(notice(o.outTradeNo, o.totalFee), wechat, h.deps)
    }
    jest.restoreAllMocks()
    expect(await h.store.c.receipts.count({ method: 'wechat' })).toBe(receiptsBefore + 1)
    expect((await bills().get(b.id))!).toMatchObject({ status: 'paid', orderId: old.outTradeNo })
    expect((await h.store.c.payOrders.get(fresh.outTradeNo))!.status).toBe('conflict')
  })
})

describe('bills: paying in WeChat', () => {
  async function order() {
    await runAll()
    const b = await zhangPropertyBill()
    const o = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] })
    expect(o.outTradeNo.length).toBeLessThanOrEqual(32)
    expect(o.totalFee).toBe(22913)
    // The payer paid: WeChat Pay knows the order as paid (locally: the simulated pay page).
    await h.payments.markPaid(o.outTradeNo)
    return { b, o }
  }

  it('ten duplicate callbacks credit once: one receipt, one message', async () => {
    const { b, o } = await order()
    for (let i = 0; i < 10; i++) {
      expect(await handlePayNotice(notice(o.outTradeNo, o.totalFee), wechat, h.deps)).toEqual({ errcode: 0, errmsg: 'OK' })
    }
    const bill = (await bills().get(b.id))!
    expect(bill).toMatchObject({ status: 'paid', paidVia: 'wechat', paidAmount: 22913 })
    expect(bill.receiptNo).toMatch(/^SJ20261124-\d{5}$/)
    expect(await h.store.c.receipts.count({ _id: { $gt: 'SJ20261124' } })).toBe(1)
    expect(await h.store.c.messages.count({ openid: 'dev-resident-zhang', title: '缴费成功' })).toBe(1)
    expect(await h.ok('resident-zhang', 'bills', 'orderStatus', { outTradeNo: o.outTradeNo })).toEqual({ status: 'paid', receiptNo: bill.receiptNo })
    const receipt = await h.ok('resident-zhang', 'bills', 'receipt', { receiptNo: bill.receiptNo })
    expect(receipt).toMatchObject({
      amount: 22913,
      method: 'wechat',
      communityName: '阳光花园',
      lines: [expect.objectContaining({ itemName: '物业费', label: '1栋1单元301' })],
    })
    // The paid bill moves to history and out of the unpaid total.
    expect((await h.ok('resident-zhang', 'bills', 'history', {})).items.map((x: { id: string }) => x.id)).toContain(b.id)
    expect((await h.ok('resident-zhang', 'bills', 'myBills')).unpaidTotal).toBe(0)
  })

  it('a callback with the wrong amount pays nothing', async () => {
    const { b, o } = await order()
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await handlePayNotice(notice(o.outTradeNo, 1), wechat, h.deps)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('refused'))
    spy.mockRestore()
    expect((await bills().get(b.id))!.status).toBe('unpaid')
    expect(await h.store.c.receipts.count({ method: 'wechat', amount: 1 })).toBe(0)
  })

  it('an order WeChat Pay says the bills no longer match is marked, not credited', async () => {
    const { b, o } = await order()
    // Staff waived part of the bill after the order was made: the money no longer fits the bills.
    await h.ok('supervisor-liu', 'bills', 'adjust', { billId: b.id, amount: 20000, reason: '面积复核，按实测面积调整' })
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await handlePayNotice(notice(o.outTradeNo, o.totalFee), wechat, h.deps)
    jest.restoreAllMocks()
    expect((await bills().get(b.id))!.status).toBe('unpaid')
    expect((await h.store.c.payOrders.get(o.outTradeNo))!.status).toBe('conflict')
  })

  it('a forged notice is not believed: any call not from WeChat Pay is refused; an unpaid order is not credited', async () => {
    await runAll()
    const b = await zhangPropertyBill()
    const o = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [b.id] })
    expect(await handlePayNotice(notice(o.outTradeNo, o.totalFee), { openid: 'dev-resident-zhang', source: 'wechat' }, h.deps)).toMatchObject({ errcode: 1 })
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    // No OPENID, but WeChat Pay has no payment for it: nothing credited.
    expect(await handlePayNotice(notice(o.outTradeNo, o.totalFee), wechat, h.deps)).toEqual({ errcode: 0, errmsg: 'OK' })
    // A failed payment notice is acknowledged and does nothing.
    await h.payments.markPaid(o.outTradeNo)
    // A client whose OPENID is missing is still a client, not WeChat Pay: refused, even for a paid order.
    expect(await handlePayNotice(notice(o.outTradeNo, o.totalFee), { openid: null, source: 'wechat' }, h.deps)).toMatchObject({ errcode: 1 })
    expect(await handlePayNotice(notice(o.outTradeNo, o.totalFee, { resultCode: 'FAIL' }), wechat, h.deps)).toEqual({ errcode: 0, errmsg: 'OK' })
    jest.restoreAllMocks()
    expect((await bills().get(b.id))!.status).toBe('unpaid')
  })

  it('a resident sees and pays only their houses’ bills', async () => {
    await runAll()
    const li = await h.ok('resident-li', 'bills', 'myBills')
    expect(li.houses.map((x: { label: string }) => x.label)).toEqual(['1栋1单元401'])
    expect(li.houses[0].bills.map((b: { itemName: string }) => b.itemName).sort()).toEqual(['停车费', '物业费'])
    const zhang = await h.ok('resident-zhang', 'bills', 'myBills')
    expect(zhang.houses[0].bills.every((b: { houseId: string }) => b.houseId === ZHANG_HOUSE)).toBe(true)
    const liBill = li.houses[0].bills[0]
    expect(await h.call('resident-zhang', 'bills', 'createOrder', { billIds: [liBill.id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('wx-stranger', 'bills', 'myBills')).toMatchObject({ ok: true, data: { unpaidTotal: 0, houses: [] } })
    expect(await h.call('resident-zhang', 'bills', 'createOrder', { billIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('resident-zhang', 'bills', 'receipt', { receiptNo: 'SJ20261020-00001' })).toMatchObject({ ok: true })
    expect(await h.call('resident-li', 'bills', 'receipt', { receiptNo: 'SJ20261020-00001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('resident-zhang', 'bills', 'arrears')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('the scheduler credits a payment whose callback never came, and closes an abandoned order', async () => {
    await runAll()
    const li = (await h.ok('resident-li', 'bills', 'myBills')).houses[0].bills
    const paid = await h.ok('resident-li', 'bills', 'createOrder', { billIds: [li[0].id] })
    const abandoned = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [(await zhangPropertyBill()).id] })
    await h.payments.markPaid(paid.outTradeNo)
    h.clock.advance(6 * 60_000)
    expect(await payOrders(h.deps)).toMatchObject({ checked: 2, credited: 1 })
    expect((await bills().get(li[0].id))!.status).toBe('paid')
    h.clock.advance(3 * HOUR)
    expect(await payOrders(h.deps)).toMatchObject({ closed: 1 })
    expect((await h.store.c.payOrders.get(abandoned.outTradeNo))!.status).toBe('closed')
  })
})

describe('bills: prompts that respect people', () => {
  it('the daily job prompts 3 days before due at 10:00, once a day, never twice within 3 days, never the paid', async () => {
    await runAll()
    const zb = await zhangPropertyBill()
    await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [zb.id] }).then(async (o) => {
      await h.payments.markPaid(o.outTradeNo)
      await handlePayNotice(notice(o.outTradeNo, o.totalFee), wechat, h.deps)
    })
    const prompts = (openid: string) => h.store.c.messages.count({ openid, title: '物业费缴费提醒' })
    // 2026-11-27 09:59: not yet.
    h.clock.set(T0 + 3 * DAY - 1 * 60_000)
    expect(await billReminders(h.deps)).toMatchObject({ communities: 0 })
    h.clock.set(T0 + 3 * DAY)
    const first = await billReminders(h.deps)
    expect(first.prompted).toBeGreaterThan(0)
    expect(await prompts('dev-resident-li')).toBe(1)
    expect(await prompts('dev-resident-zhang')).toBe(0)
    // Later the same day: the day is done.
    h.clock.advance(HOUR)
    expect(await billReminders(h.deps)).toMatchObject({ communities: 0 })
    // On the due date (3 days later, 10:00): allowed again; at +7 days too.
    h.clock.set(T0 + 6 * DAY)
    await billReminders(h.deps)
    expect(await prompts('dev-resident-li')).toBe(2)
    h.clock.set(T0 + 13 * DAY)
    await billReminders(h.deps)
    expect(await prompts('dev-resident-li')).toBe(3)
    // A campaign two days after that prompt skips li: 3-day rule.
    h.clock.set(T0 + 15 * DAY)
    const c = await h.ok('manager-zhou', 'bills', 'startCampaign', { building: '1' })
    expect(c.recipients.find((r: { name: string }) => r.name === '李秀英')).toMatchObject({ status: 'recent' })
    expect(await prompts('dev-resident-li')).toBe(3)
  })

  it('a campaign at 23:00 writes the in-app message now and holds the push until 07:00', async () => {
    await runAll()
    await grant(h.store, 'dev-resident-li', ['billReminder'], h.clock.now())
    h.clock.set(Date.UTC(2026, 10, 24, 15, 0)) // 23:00 Shanghai
    const c = await h.ok('agent-chen', 'bills', 'startCampaign', { building: '1' })
    const li = c.recipients.find((r: { name: string }) => r.name === '李秀英')
    expect(li).toMatchObject({ status: 'pending', houseLabel: '1栋1单元401' })
    const [push] = await h.store.c.outbox.find({ where: { openid: 'dev-resident-li', templateKey: 'billReminder' } })
    expect(push.nextAttemptAt).toBe(Date.UTC(2026, 10, 24, 23, 0)) // 07:00 Shanghai
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 })
    h.clock.set(Date.UTC(2026, 10, 24, 23, 0))
    await deliverOutbox(h.deps)
    expect((await h.ok('agent-chen', 'bills', 'campaign', { campaignId: c.id })).recipients.find((r: { name: string }) => r.name === '李秀英').status).toBe(
      'sent',
    )
  })

  it('a campaign for 1栋 reaches the unpaid and skips the paid; paying meanwhile shows', async () => {
    await runAll()
    const zb = await zhangPropertyBill()
    await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [zb.id], method: 'cash' })
    const c = await h.ok('agent-chen', 'bills', 'startCampaign', { building: '1' })
    expect(c.recipients.map((r: { name: string }) => r.name)).toEqual(['李秀英'])
    // No subscription granted: the in-app message is there, the push waits in the outbox, then no quota.
    expect(c.recipients[0]).toMatchObject({ status: 'pending', houseLabel: '1栋1单元401' })
    await deliverOutbox(h.deps)
    expect((await h.ok('agent-chen', 'bills', 'campaign', { campaignId: c.id })).recipients[0].status).toBe('no_quota')
    expect(c.unreachableHouses).toBeGreaterThan(60)
    // Li pays at the desk: the campaign shows it.
    const liBills = (await h.ok('agent-chen', 'bills', 'houseBills', { houseId: LI_HOUSE })).bills.filter((b: { status: string }) => b.status === 'unpaid')
    await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: liBills.map((b: { id: string }) => b.id), method: 'transfer', note: '工行转账' })
    expect((await h.ok('agent-chen', 'bills', 'campaign', { campaignId: c.id })).recipients[0].status).toBe('paid')
    // A 管理员 of 1–3栋 may not run one for 5栋.
    expect(await h.call('manager-zhou', 'bills', 'startCampaign', { building: '5' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('agent-chen', 'bills', 'startCampaign', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('bills: staff', () => {
  it('arrears by building with aging bands, and CSV export', async () => {
    await runAll()
    const a = await h.ok('supervisor-liu', 'bills', 'arrears')
    expect(a.rows.map((r: { building: string }) => r.building)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(a.bands.d90_plus).toBeGreaterThan(0)
    expect(a.bands.d31_90).toBeGreaterThan(0)
    expect(a.total).toBe(a.bands.d0_30 + a.bands.d31_90 + a.bands.d90_plus)
    const zhou = await h.ok('manager-zhou', 'bills', 'arrears')
    expect(zhou.rows.map((r: { building: string }) => r.building)).toEqual(['1', '2', '3'])
    const csv = await h.ok('agent-chen', 'bills', 'exportArrears', { building: '1' })
    expect(csv.csv.split('\r\n')[0]).toBe('\uFEFF房屋,收费项目,账期,计费依据,应缴(元),到期日,逾期天数')
    expect(csv.csv).toContain('1栋1单元301,物业费,2026-11,91.65 m² × ¥2.50/m²·月,229.13,2026-11-30,0')
    expect(csv.filename).toBe('欠费明细-1栋-20261124.csv')
  })

  it('waive and adjust keep who, when and why; only 客服主任 may', async () => {
    await runAll()
    const b = await zhangPropertyBill()
    expect(await h.call('agent-chen', 'bills', 'adjust', { billId: b.id, amount: 0, reason: '空置房减免' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('supervisor-liu', 'bills', 'adjust', { billId: b.id, amount: 0, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const r = await h.ok('supervisor-liu', 'bills', 'adjust', { billId: b.id, amount: 0, reason: '空置房减免（业主提供空置证明）' })
    expect(r).toMatchObject({ status: 'waived', amount: 0, adjustments: [{ byName: '刘芳', from: 22913, to: 0, reason: '空置房减免（业主提供空置证明）' }] })
    expect(await h.store.c.messages.count({ openid: 'dev-resident-zhang', title: '账单已减免' })).toBe(1)
    expect(await h.call('supervisor-liu', 'bills', 'adjust', { billId: b.id, amount: 100, reason: '再改' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
  })

  it('an offline payment gets a receipt; paying the same bill twice is refused', async () => {
    await runAll()
    const b = await zhangPropertyBill()
    const rc = await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [b.id], method: 'cash', note: '前台现金' })
    expect(rc).toMatchObject({ method: 'cash', amount: 22913, note: '前台现金' })
    expect(await h.call('agent-chen', 'bills', 'recordOffline', { billIds: [b.id], method: 'cash' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect(await h.call('resident-zhang', 'bills', 'recordOffline', { billIds: [b.id], method: 'cash' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // The resident reads the receipt the desk issued.
    expect(await h.ok('resident-zhang', 'bills', 'receipt', { receiptNo: rc.receiptNo })).toMatchObject({ method: 'cash' })
  })
})

describe('bills: 对账单有疑问', () => {
  it('opens a question ticket linked to the bill, both ways; another house’s bill is refused', async () => {
    await runAll()
    const bill = (await h.ok('resident-zhang', 'bills', 'myBills')).houses[0].bills[0]
    const t = await h.ok('resident-zhang', 'tickets', 'create', {
      type: 'question',
      scope: 'home',
      houseId: ZHANG_HOUSE,
      category: 'other',
      description: `对账单有疑问：${bill.itemName}，面积与房产证不符`,
      billId: bill.id,
    })
    expect((await h.store.c.tickets.get(t.id))!.billId).toBe(bill.id)
    const again = (await h.ok('resident-zhang', 'bills', 'myBills')).houses[0].bills.find((b: { id: string }) => b.id === bill.id)
    expect(again.disputeTicketId).toBe(t.id)
    // The agent sees it as a question in the inbox, like any other.
    expect((await h.ok('agent-chen', 'tickets', 'inbox', { tab: 'new', type: 'question' })).items.map((x: { id: string }) => x.id)).toContain(t.id)

    const liBill = (await h.ok('resident-li', 'bills', 'myBills')).houses[0].bills[0]
    const before = await h.store.c.tickets.count()
    const r = await h.call('resident-zhang', 'tickets', 'create', {
      type: 'question',
      scope: 'home',
      houseId: ZHANG_HOUSE,
      category: 'other',
      description: '这张账单是怎么回事',
      billId: liBill.id,
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { billId: '账单不存在' } } })
    expect(await h.store.c.tickets.count()).toBe(before)
  })
})
