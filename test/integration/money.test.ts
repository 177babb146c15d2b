import { harness, type Harness } from '../helpers/harness'
import { handlePayNotice } from '../../cloudfunctions/payCallback/notice'
import { creditOrder } from '../../cloudfunctions/lib/bills/credit'

/**
 * Money that staff move, as people notice it: a second payment is listed and refunded once, and
 * the payer is told both times; only the 客服主任 refunds; a large desk payment needs a second
 * person before anyone gets a receipt.
 */

let h: Harness
beforeEach(async () => {
  h = await harness()
  await runAll()
})
afterEach(() => h.close())

const ZHANG = 'dev-resident-zhang'
const ZHANG_HOUSE = 'sunshine-1-1-301'
const wechat = { openid: null, source: 'payment' as const }

async function runAll(period = '2026-11') {
  for (;;) if ((await h.ok('supervisor-liu', 'bills', 'runBills', { period })).done) return
}

const bills = () => h.store.c.bills
const orders = () => h.store.c.payOrders
const messages = (title: string) => h.store.c.messages.count({ openid: ZHANG, title })
const audits = (kind: string) => h.store.c.audit.count({ kind })
const receipts = () => h.store.c.receipts.count({ houseIds: { $exists: true }, createdAt: { $gte: h.clock.now() - 86_400_000 } })
/** Everything a refused call could have touched. */
const snapshot = async () => ({
  orders: await orders().find({ orderBy: [['_id', 'asc']], limit: 1000 }),
  entries: await h.store.c.offlinePayments.find({ orderBy: [['_id', 'asc']], limit: 1000 }),
  bill: await bills().get(await zhangBillId()),
  audit: await h.store.c.audit.count(),
  messages: await h.store.c.messages.count(),
  settings: await h.store.c.billSettings.find({ limit: 10 }),
})

async function zhangBillId(): Promise<string> {
  const mine = await h.ok('resident-zhang', 'bills', 'myBills')
  const b = mine.houses[0].bills.find((x: { itemName: string }) => x.itemName === '物业费')
  return b?.id ?? `sunshine_2026-11_sunshine-property_${ZHANG_HOUSE}`
}

/** What cloudPay sends the callback after the payer paid (the local pay page marks it paid first). */
async function pay(outTradeNo: string, totalFee: number) {
  await h.payments.markPaid(outTradeNo)
  return handlePayNotice({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo, totalFee, transactionId: `SIM${outTradeNo}` }, wechat, h.deps)
}

/** zhang pays his 物业费 twice: an old order and a fresh one (the old one's prepay had expired), both paid. */
async function payTwice() {
  const billId = await zhangBillId()
  const old = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })
  h.clock.advance(2 * 3_600_000)
  const fresh = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  await pay(old.outTradeNo, old.totalFee)
  await pay(fresh.outTradeNo, fresh.totalFee)
  jest.restoreAllMocks()
  return { billId, old, fresh }
}

describe('money: a double payment is refunded, once', () => {
  it('held and listed for staff, the payer told at once; the 客服主任 refunds it; the payer told again; a second refund is refused', async () => {
    const { billId, old, fresh } = await payTwice()
    expect(await bills().get(billId)).toMatchObject({ status: 'paid', orderId: old.outTradeNo })
    expect(await messages('重复缴费，将原路退回')).toBe(1)

    const listed = (await h.ok('supervisor-liu', 'bills', 'heldPayments', {})).items
    expect(listed).toEqual([
      expect.objectContaining({
        orderId: fresh.outTradeNo,
        houseLabel: '1栋1单元301',
        amount: 22913,
        amountYuan: '229.13',
        payer: { name: '张建国', phone: '138****0301' },
        reason: 'duplicate',
        reasonText: '重复缴费：账单已缴清',
        status: 'conflict',
        statusText: '待退款',
        canRefund: true,
      }),
    ])
    // The desk sees it (to answer zhang's call) but may not send money; 1栋 is in 周明's zone.
    expect((await h.ok('agent-chen', 'bills', 'heldPayments', {})).items).toEqual([expect.objectContaining({ orderId: fresh.outTradeNo, canRefund: false })])
    expect((await h.ok('manager-zhou', 'bills', 'heldPayments', { houseId: ZHANG_HOUSE })).items).toHaveLength(1)

    const done = await h.ok('supervisor-liu', 'bills', 'refund', { orderId: fresh.outTradeNo, reason: '重复缴费，原路退回' })
    expect(done).toMatchObject({
      orderId: fresh.outTradeNo,
      status: 'refunded',
      statusText: '已退款',
      canRefund: false,
      refund: { byName: '刘芳', reason: '重复缴费，原路退回', refundId: expect.any(String) },
    })
    // The simulated WeChat Pay took exactly one refund, under the number derived from the order.
    const dev = await h.store.c.devPayOrders.get(fresh.outTradeNo)
    expect(dev!.refunds).toEqual([expect.objectContaining({ outRefundNo: `RF${fresh.outTradeNo}`, refundFee: 22913 })])
    expect(await messages('款项已原路退回')).toBe(1)
    const trail = (await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'refund' })).items
    expect(trail).toEqual([expect.objectContaining({ actorName: '刘芳', summary: `1栋1单元301 退款 ¥229.13（订单 ${fresh.outTradeNo}）：重复缴费，原路退回` })])

    // Done: off the open list, on the refunded one; a second press changes nothing.
    expect((await h.ok('supervisor-liu', 'bills', 'heldPayments', {})).items).toEqual([])
    expect((await h.ok('supervisor-liu', 'bills', 'heldPayments', { state: 'refunded' })).items).toHaveLength(1)
    const before = await snapshot()
    expect(await h.call('supervisor-liu', 'bills', 'refund', { orderId: fresh.outTradeNo, reason: '再退一次' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这笔付款已退款，不能重复退款' },
    })
    // A paid order is not a refund either.
    expect(await h.call('supervisor-liu', 'bills', 'refund', { orderId: old.outTradeNo, reason: '误操作' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect(await snapshot()).toEqual(before)
    expect((await h.store.c.devPayOrders.get(fresh.outTradeNo))!.refunds).toHaveLength(1)
    // A repeated payment notice after the refund does not bring the order back.
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await creditOrder(h.deps, fresh.outTradeNo, { totalFee: fresh.totalFee })).toBe('conflict')
    jest.restoreAllMocks()
    expect((await orders().get(fresh.outTradeNo))!.status).toBe('refunded')
  })

  it('only the 客服主任 refunds: the desk, a 管理员 and the payer are refused and nothing is written', async () => {
    const { fresh } = await payTwice()
    const before = await snapshot()
    for (const who of ['agent-chen', 'manager-zhou', 'tech-zhao', 'resident-zhang']) {
      expect(await h.call(who, 'bills', 'refund', { orderId: fresh.outTradeNo, reason: '重复缴费，原路退回' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect(await h.call('resident-zhang', 'bills', 'heldPayments', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('tech-zhao', 'bills', 'heldPayments', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Bad input is refused beside the field.
    expect(await h.call('supervisor-liu', 'bills', 'refund', { orderId: fresh.outTradeNo, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: '请填写退款原因' } },
    })
    expect(await h.call('supervisor-liu', 'bills', 'refund', { orderId: '../x', reason: '重复缴费' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { orderId: '编号格式不正确' } },
    })
    expect(await h.call('supervisor-liu', 'bills', 'refund', { orderId: 'WYnosuchorder', reason: '重复缴费' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await snapshot()).toEqual(before)
  })

  it('a 管理员 sees and a scope check refuses held payments outside their zone', async () => {
    const { fresh } = await payTwice()
    // The same held payment, as if it had been for a house in 5栋 (outside 周明's 1–3栋).
    const o = (await orders().get(fresh.outTradeNo))!
    await orders().set({ ...o, buildings: ['5'], houseLabel: '5栋1单元101', houseIds: ['sunshine-5-1-101'] })
    expect((await h.ok('manager-zhou', 'bills', 'heldPayments', {})).items).toEqual([])
    expect((await h.ok('agent-chen', 'bills', 'heldPayments', {})).items).toHaveLength(1)
  })

  it('a refund WeChat Pay refuses stays listed with its reason and is retried under the same number', async () => {
    const { fresh } = await payTwice()
    const spy = jest.spyOn(h.payments, 'refund').mockResolvedValueOnce({ ok: false, error: '基本账户余额不足，请充值后重新发起' })
    const failed = await h.ok('supervisor-liu', 'bills', 'refund', { orderId: fresh.outTradeNo, reason: '重复缴费，原路退回' })
    expect(failed).toMatchObject({
      status: 'refund_failed',
      statusText: '退款失败，可重试',
      canRefund: true,
      refund: { error: '基本账户余额不足，请充值后重新发起', attempts: 1 },
    })
    expect(await messages('款项已原路退回')).toBe(0)
    expect((await h.ok('supervisor-liu', 'bills', 'heldPayments', {})).items).toEqual([
      expect.objectContaining({ orderId: fresh.outTradeNo, status: 'refund_failed' }),
    ])

    // WeChat Pay unreachable: the same, never a lost refund.
    spy.mockRejectedValueOnce(new Error('ETIMEDOUT'))
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await h.ok('supervisor-liu', 'bills', 'refund', { orderId: fresh.outTradeNo, reason: '重复缴费，原路退回' })).toMatchObject({
      status: 'refund_failed',
      refund: { attempts: 2 },
    })
    quiet.mockRestore()

    const again = await h.ok('supervisor-liu', 'bills', 'refund', { orderId: fresh.outTradeNo, reason: '重复缴费，余额已充值' })
    expect(again).toMatchObject({ status: 'refunded', refund: { attempts: 3 } })
    expect(spy.mock.calls.map(([r]) => r.outRefundNo)).toEqual([`RF${fresh.outTradeNo}`, `RF${fresh.outTradeNo}`, `RF${fresh.outTradeNo}`])
    expect(await messages('款项已原路退回')).toBe(1)
    // Every attempt is in the trail: two failures and the refund.
    expect(await audits('refund')).toBe(3)
  })

  it('a payment for a bill waived meanwhile, or for an amount WeChat Pay reports differently, is held too, with the reason', async () => {
    const billId = await zhangBillId()
    const o = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })
    await h.ok('supervisor-liu', 'bills', 'adjust', { billId, amount: 0, reason: '空置房减免（业主提供空置证明）' })
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await pay(o.outTradeNo, o.totalFee)
    expect(await messages('付款未入账，将原路退回')).toBe(1)
    expect((await h.ok('supervisor-liu', 'bills', 'heldPayments', {})).items[0]).toMatchObject({ orderId: o.outTradeNo, reason: 'changed', amount: 22913 })

    const li = (await h.ok('resident-li', 'bills', 'myBills')).houses[0].bills[0]
    const lo = await h.ok('resident-li', 'bills', 'createOrder', { billIds: [li.id] })
    expect(await creditOrder(h.deps, lo.outTradeNo, { totalFee: lo.totalFee - 1 })).toBe('mismatch')
    jest.restoreAllMocks()
    const held = (await h.ok('supervisor-liu', 'bills', 'heldPayments', {})).items.find((x: { orderId: string }) => x.orderId === lo.outTradeNo)
    expect(held).toMatchObject({ reason: 'amount', status: 'mismatch', amount: lo.totalFee - 1, houseLabel: '1栋1单元401' })
    expect((await bills().get(li.id))!.status).toBe('unpaid')
  })
})

describe('money: desk payments above the review threshold need a second person', () => {
  /** The 客服主任 lowers the threshold to ¥200 in 设置, so zhang's ¥229.13 物业费 is above it. */
  const lowerThreshold = () => h.ok('supervisor-liu', 'supervisor', 'saveOfflinePolicy', { reviewAbove: 20000 })

  it('below the threshold (default ¥2,000) cash is credited at once with a receipt', async () => {
    expect((await h.ok('supervisor-liu', 'supervisor', 'policies', {})).offline).toEqual({ reviewAbove: 200000, isDefault: true })
    const r = await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [await zhangBillId()], method: 'cash' })
    expect(r).toMatchObject({ method: 'cash', amount: 22913, receiptNo: expect.stringMatching(/^SJ/) })
    expect(r.pending).toBeUndefined()
  })

  it('above it: pending, no receipt; the recorder cannot confirm; the bill cannot be paid twice meanwhile; a colleague confirms → one receipt', async () => {
    const saved = await lowerThreshold()
    expect(saved).toMatchObject({ reviewAbove: 20000, isDefault: false, updatedByName: '刘芳' })
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'moneyPolicy' })).items[0].summary).toBe(
      '线下收款复核：超过 ¥2000.00 → 超过 ¥200.00 需第二人确认',
    )
    const billId = await zhangBillId()
    const receiptsBefore = await receipts()

    const r = await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [billId], method: 'cash', note: '业主现金' })
    expect(r).toMatchObject({
      pending: true,
      entry: { houseLabel: '1栋1单元301', amount: 22913, method: 'cash', status: 'pending', recordedByName: '陈静', mine: true, note: '业主现金' },
    })
    expect(await bills().get(billId)).toMatchObject({ status: 'unpaid', pendingOfflineId: r.entry.id })
    expect(await receipts()).toBe(receiptsBefore)
    const house = await h.ok('agent-chen', 'bills', 'houseBills', { houseId: ZHANG_HOUSE })
    expect(house.bills.find((b: { id: string }) => b.id === billId)).toMatchObject({ status: 'unpaid', offlinePending: true })

    // The recorder cannot be their own second person; refused calls write nothing.
    const before = await snapshot()
    expect(await h.call('agent-chen', 'bills', 'confirmOffline', { entryId: r.entry.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能复核自己登记的收款，请由其他同事处理' },
    })
    expect(await h.call('agent-chen', 'bills', 'rejectOffline', { entryId: r.entry.id, reason: '点错了' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // Meanwhile: no second desk payment, no WeChat Pay order, no waiver on the same bill.
    expect(await h.call('supervisor-liu', 'bills', 'recordOffline', { billIds: [billId], method: 'transfer' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect(await h.call('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '该账单已在物业前台登记缴费，正在复核，请勿重复缴费' },
    })
    expect(await h.call('supervisor-liu', 'bills', 'adjust', { billId, amount: 0, reason: '空置房减免' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    // Nobody outside the office confirms.
    expect(await h.call('tech-zhao', 'bills', 'confirmOffline', { entryId: r.entry.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'bills', 'confirmOffline', { entryId: r.entry.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await snapshot()).toEqual(before)

    // Listed for colleagues in scope, marked as the recorder's own for 陈静.
    expect((await h.ok('supervisor-liu', 'bills', 'pendingOffline', {})).items).toEqual([
      expect.objectContaining({ id: r.entry.id, mine: false, settledElsewhere: false, lines: [{ itemName: '物业费', periodLabel: '2026-11' }] }),
    ])
    expect((await h.ok('agent-chen', 'bills', 'pendingOffline', { houseId: ZHANG_HOUSE })).items).toEqual([expect.objectContaining({ mine: true })])

    // 周明 (管理员 of 1栋) counts the cash and confirms: now it is paid, with one receipt.
    const ok = await h.ok('manager-zhou', 'bills', 'confirmOffline', { entryId: r.entry.id })
    expect(ok).toMatchObject({
      entry: { status: 'confirmed', decidedByName: '周明', receiptNo: ok.receipt.receiptNo },
      receipt: { method: 'cash', amount: 22913, note: '业主现金' },
    })
    expect(await bills().get(billId)).toMatchObject({ status: 'paid', paidVia: 'cash', receiptNo: ok.receipt.receiptNo })
    expect((await bills().get(billId))!.pendingOfflineId).toBeUndefined()
    expect(await h.store.c.receipts.get(ok.receipt.receiptNo)).toMatchObject({ recordedBy: 'dev-agent-chen', confirmedBy: 'dev-manager-zhou' })
    expect(await receipts()).toBe(receiptsBefore + 1)
    expect(await h.call('supervisor-liu', 'bills', 'confirmOffline', { entryId: r.entry.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect(await receipts()).toBe(receiptsBefore + 1)
    expect((await h.ok('supervisor-liu', 'bills', 'pendingOffline', {})).items).toEqual([])
    // The resident reads the receipt the desk issued.
    expect(await h.ok('resident-zhang', 'bills', 'receipt', { receiptNo: ok.receipt.receiptNo })).toMatchObject({ method: 'cash', amount: 22913 })

    const trail = (await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'offlinePayment' })).items.map((a: { actorName: string; summary: string }) => [
      a.actorName,
      a.summary,
    ])
    expect(trail).toEqual([
      ['周明', `1栋1单元301 现金收款 ¥229.13（1 笔）复核确认，登记人 陈静，收据 ${ok.receipt.receiptNo}`],
      ['陈静', '1栋1单元301 现金收款 ¥229.13（1 笔），超过复核金额 ¥200.00，待第二人确认'],
    ])
  })

  it('a colleague rejects with a reason: the bill is unpaid again and can be paid; no receipt', async () => {
    await lowerThreshold()
    const billId = await zhangBillId()
    const receiptsBefore = await receipts()
    const r = await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [billId], method: 'transfer' })
    expect(await h.call('supervisor-liu', 'bills', 'rejectOffline', { entryId: r.entry.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: '请填写驳回原因' } },
    })
    const rejected = await h.ok('supervisor-liu', 'bills', 'rejectOffline', { entryId: r.entry.id, reason: '银行未到账' })
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '银行未到账', decidedByName: '刘芳' })
    const bill = (await bills().get(billId))!
    expect(bill.status).toBe('unpaid')
    expect(bill.pendingOfflineId).toBeUndefined()
    expect(await receipts()).toBe(receiptsBefore)
    expect(await h.call('manager-zhou', 'bills', 'confirmOffline', { entryId: r.entry.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect((await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })).totalFee).toBe(22913)
    expect((await h.ok('supervisor-liu', 'supervisor', 'audit', { kind: 'offlinePayment' })).items[0].summary).toBe(
      '1栋1单元301 银行转账收款 ¥229.13 复核驳回，登记人 陈静：银行未到账',
    )
  })

  it('WeChat Pay arriving for an order opened before the cash: credited (it is confirmed money); the cash entry can only be rejected', async () => {
    await lowerThreshold()
    const billId = await zhangBillId()
    const o = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })
    const r = await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [billId], method: 'cash' })
    expect(await pay(o.outTradeNo, o.totalFee)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await bills().get(billId)).toMatchObject({ status: 'paid', paidVia: 'wechat' })
    expect((await h.ok('supervisor-liu', 'bills', 'heldPayments', {})).items).toEqual([])

    expect((await h.ok('supervisor-liu', 'bills', 'pendingOffline', {})).items).toEqual([expect.objectContaining({ id: r.entry.id, settledElsewhere: true })])
    expect(await h.call('supervisor-liu', 'bills', 'confirmOffline', { entryId: r.entry.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '账单已通过其他方式缴清，请驳回这笔收款并将款项退还住户' },
    })
    await h.ok('supervisor-liu', 'bills', 'rejectOffline', { entryId: r.entry.id, reason: '住户已微信缴费，现金已退还' })
    expect(await h.store.c.receipts.count({ method: 'cash', createdAt: { $gte: h.clock.now() - 60_000 } })).toBe(0)
    expect(await bills().get(billId)).toMatchObject({ status: 'paid', paidVia: 'wechat' })
    expect(await h.store.c.offlinePayments.get(r.entry.id)).toMatchObject({ status: 'rejected' })
  })

  it('the threshold is validated in 设置 and only the 客服主任 changes it; refused saves write nothing', async () => {
    const before = await snapshot()
    for (const reviewAbove of [-1, 12.5, 10_000_001]) {
      expect(await h.call('supervisor-liu', 'supervisor', 'saveOfflinePolicy', { reviewAbove })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { reviewAbove: '复核金额须为 0–100000 元，最多两位小数（0 表示每笔都复核）' } },
      })
    }
    expect(await h.call('supervisor-liu', 'supervisor', 'saveOfflinePolicy', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('agent-chen', 'supervisor', 'saveOfflinePolicy', { reviewAbove: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('manager-zhou', 'supervisor', 'saveOfflinePolicy', { reviewAbove: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Desk money by role, deliberately: waivers are the 客服主任's; handlers and residents never take money.
    expect(await h.call('manager-zhou', 'bills', 'adjust', { billId: await zhangBillId(), amount: 0, reason: '空置房减免' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('tech-zhao', 'bills', 'recordOffline', { billIds: [await zhangBillId()], method: 'cash' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('agent-chen', 'bills', 'recordOffline', { billIds: [await zhangBillId()], method: 'wechat' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { method: '请选择收款方式' } },
    })
    expect(await h.call('agent-chen', 'bills', 'confirmOffline', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await snapshot()).toEqual(before)
    // 0: every desk payment is reviewed.
    await h.ok('supervisor-liu', 'supervisor', 'saveOfflinePolicy', { reviewAbove: 0 })
    const li = (await h.ok('agent-chen', 'bills', 'houseBills', { houseId: 'sunshine-1-1-401' })).bills.find((b: { status: string }) => b.status === 'unpaid')
    expect(await h.ok('agent-chen', 'bills', 'recordOffline', { billIds: [li.id], method: 'cash' })).toMatchObject({ pending: true })
  })
})
