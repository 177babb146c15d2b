import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { installCloudBase, as, type Caller } from './standin/platform'
import { cloudbaseStore, type CloudDb } from '../../cloudfunctions/lib/adapters/cloudbase/store'
import { devOpenid, seedDemo } from '../../scripts/seed/demo'
import { shanghaiMonth } from '../../src/core/shared/time'
import { functionNames } from '../../scripts/build-functions'

/**
 * The deployed bundles, run as CloudBase runs them: each dist/cloudfunctions/<fn>/index.js is
 * required from its own folder and called through `main(event, context)` with the platform's own
 * event shapes, the real wx-server-sdk answering getWXContext() from the environment, and only
 * the network ends stood in for (standin/). The demo is seeded through the same SDK.
 */
const { db, wechat, storage } = installCloudBase()
const DIST = join(__dirname, '../../dist/cloudfunctions')
type Main = (event: unknown, context: unknown) => Promise<any>
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle is loaded as CloudBase loads it
const bundle = (name: string): Main => require(join(DIST, name, 'index.js')).main
const CONTEXT = { callbackWaitsForEmptyEventLoop: false, memory_limit_in_mb: 256, time_limit_in_ms: 60_000, request_id: 'req-test', environ: '' }

/** A client call: wx.cloud.callFunction({name, data: {action, data}}) from this account's phone. */
async function call(account: string, fn: string, action: string, data: unknown = {}) {
  return as({ openid: devOpenid(account) }, () => bundle(fn)({ action, data, userInfo: { appId: 'wxdemoappid', openId: devOpenid(account) } }, CONTEXT))
}
async function ok(account: string, fn: string, action: string, data: unknown = {}) {
  const r = await call(account, fn, action, data)
  if (!r.ok) throw new Error(`${fn}.${action} as ${account}: ${r.error.code} ${r.error.message}`)
  return r.data
}
/**
 * The person taps 允许 on wx.requestSubscribeMessage for the template the function names: WeChat
 * now holds one grant, and the app reports the answer, as the pages do.
 */
async function subscribe(account: string, key: string) {
  const [tpl] = await ok(account, 'account', 'subscribeTemplates', { keys: [key] })
  wechat.grant(devOpenid(account), tpl.id)
  await ok(account, 'account', 'recordSubscriptions', { results: { [key]: 'accept' } })
}
/** What a timer trigger delivers: no action, no person; SOURCE wx_trigger. */
const trigger = (caller: Caller = { source: 'wx_trigger' }) =>
  as(caller, () => bundle('scheduler')({ Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' }, CONTEXT))

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'wuye-test-1a2b3c' })
  await seedDemo(cloudbaseStore(cloud.database() as CloudDb), Date.now(), { history: false })
}, 120_000)

describe('every bundle as uploaded', () => {
  it.each(functionNames())('%s exports main and answers a client call with an envelope', async (name) => {
    expect(existsSync(join(DIST, name, 'package.json'))).toBe(true)
    const r = await as({ openid: devOpenid('resident-zhang') }, () => bundle(name)({ action: 'noSuchAction' }, CONTEXT))
    // payCallback is not a contract function: a client calling it is refused with a retry answer.
    if (name === 'payCallback') expect(r).toMatchObject({ errcode: 1 })
    else expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('the timer trigger', () => {
  it('a real trigger event (no action, SOURCE wx_trigger) runs the tick', async () => {
    const r = await trigger()
    expect(r).toMatchObject({ ok: true, data: { jobs: { outbox: expect.any(Object), tickets: expect.any(Object), rollups: expect.any(Object) } } })
  })

  it('a client sending a timer-shaped event is a client, not the timer', async () => {
    const r = await as({ openid: devOpenid('resident-zhang') }, () => bundle('scheduler')({ Type: 'Timer', TriggerName: 'everyMinute' }, CONTEXT))
    expect(r).toMatchObject({ ok: false })
    const asTick = await call('supervisor-liu', 'scheduler', 'tick')
    expect(asTick).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a function without a timer refuses a trigger', async () => {
    const r = await as({ source: 'wx_trigger' }, () => bundle('tickets')({ Type: 'Timer', TriggerName: 'x', Time: '' }, CONTEXT))
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('the main loop through the deployed bundles', () => {
  it('report → dispatch → accept → arrive → complete → confirm → rate, with the pushes WeChat accepted', async () => {
    await subscribe('tech-zhao', 'newOrder')
    await subscribe('resident-zhang', 'ticketDone')
    const t = await ok('resident-zhang', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: 'sunshine-1-1-301',
      category: 'water_electric',
      description: '厨房水管接口漏水，地面积水',
      photos: [],
    })
    expect(t).toMatchObject({ status: 'new', place: '1栋1单元301' })
    await ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: devOpenid('tech-zhao') })
    await ok('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
    await ok('tech-zhao', 'tickets', 'arrive', { ticketId: t.id })
    expect((await ok('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '更换了水管接头', photos: [], costItems: [] })).status).toBe('resolved')
    expect((await ok('resident-zhang', 'tickets', 'confirm', { ticketId: t.id })).status).toBe('closed')

    // The next tick sends the survey and delivers the outbox through subscribeMessage.send.
    expect(await trigger()).toMatchObject({ ok: true })
    const survey = await ok('resident-zhang', 'surveys', 'forTicket', { ticketId: t.id })
    expect(survey).toMatchObject({ state: 'open', canAnswer: true })
    await ok('resident-zhang', 'surveys', 'submit', {
      ticketId: t.id,
      overall: 5,
      speed: 5,
      attitude: 5,
      resolved: true,
      tags: ['准时'],
      comment: '师傅很准时',
    })
    expect((await ok('resident-zhang', 'surveys', 'forTicket', { ticketId: t.id })).answer.overall).toBe(5)

    const pushed = wechat.sent.map((m) => [m.touser, m.templateId])
    expect(pushed).toEqual(
      expect.arrayContaining([
        [devOpenid('tech-zhao'), 'tpl_newOrder'],
        [devOpenid('resident-zhang'), 'tpl_ticketDone'],
      ]),
    )
    // Every push WeChat refused for a reason other than quota would be a product defect.
    expect(wechat.refused.filter((r) => r.errcode !== 43101)).toEqual([])
    expect(db.openTransactions).toBe(0)
  })

  it('photos: the client uploads to storage, account registers it by its bytes, the ticket carries it, viewers get a 2-hour temp URL', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
    const fileID = storage.put('tickets/1764000000000-ab12cd34.png', png)
    expect(await ok('resident-zhang', 'account', 'registerUpload', { fileId: fileID, purpose: 'tickets' })).toMatchObject({
      fileId: fileID,
      type: 'image/png',
      size: png.length,
      url: expect.stringContaining('&t=7200'),
    })
    const t = await ok('resident-zhang', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: 'sunshine-1-1-301',
      category: 'water_electric',
      description: '阳台地漏返水，有照片',
      photos: [fileID],
    })
    const seen = await ok('agent-chen', 'tickets', 'detail', { ticketId: t.id })
    expect(seen.photoUrls[fileID]).toMatch(/^https:\/\/.+\.tcb\.qcloud\.la\/tickets\/.+&t=7200$/)
    // Someone else's fileID is not theirs to attach, and a page saved as .jpg is deleted, not kept.
    expect(
      await call('resident-li', 'tickets', 'create', {
        type: 'repair',
        scope: 'home',
        houseId: 'sunshine-1-1-401',
        category: 'water_electric',
        description: '同样的问题，借用照片',
        photos: [fileID],
      }),
    ).toMatchObject({ ok: false, error: { fields: { photos: '照片无效，请重新上传' } } })
    const fake = storage.put('tickets/1764000000001-ef56gh78.jpg', Buffer.from('<html>not a photo</html>'))
    expect(await call('resident-li', 'account', 'registerUpload', { fileId: fake, purpose: 'tickets' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(storage.files.has(fake)).toBe(false)
    expect(await call('resident-li', 'account', 'registerUpload', { fileId: fake, purpose: 'tickets' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('publish an outage → a linked repair → restore closes it', async () => {
    const now = Date.now()
    const n = await ok('agent-chen', 'notices', 'publish', {
      category: 'water',
      title: '1栋计划停水',
      body: '因二次供水水箱清洗，1栋将暂停供水，请提前储水。',
      audience: { scope: 'buildings', targets: ['1'] },
      outage: { area: '1栋全部单元', startAt: now, etaAt: now + 6 * 3_600_000, cause: '水箱清洗' },
    })
    // Starting a 水电 repair, zhang is shown the outage first.
    const active = await ok('resident-zhang', 'notices', 'activeOutages', { houseId: 'sunshine-1-1-301', category: 'water_electric' })
    expect(active.items.map((i: { id: string }) => i.id)).toContain(n.id)
    const t = await ok('resident-zhang', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: 'sunshine-1-1-301',
      category: 'water_electric',
      description: '家里水龙头完全没水了',
      photos: [],
      outageId: n.id,
    })
    await ok('agent-chen', 'notices', 'restore', { noticeId: n.id })
    expect((await ok('resident-zhang', 'tickets', 'detail', { ticketId: t.id })).status).toBe('resolved')
    const titles = (await ok('resident-zhang', 'account', 'messages', {})).items.map((m: { title: string }) => m.title)
    expect(titles).toEqual(expect.arrayContaining(['【停水】1栋计划停水']))
  })

  it('bill run → pay with cloudPay → the payment callback (SOURCE wx_paycallback) → receipt', async () => {
    const period = shanghaiMonth(Date.now())
    for (;;) if ((await ok('supervisor-liu', 'bills', 'runBills', { period, chunk: 500 })).done) break
    const mine = await ok('resident-zhang', 'bills', 'myBills', {})
    const bill = mine.houses.flatMap((h: { bills: { id: string; status: string }[] }) => h.bills).find((b: { status: string }) => b.status === 'unpaid')
    expect(bill).toBeDefined()
    const o = await ok('resident-zhang', 'bills', 'createOrder', { billIds: [bill.id] })
    // What the app hands wx.requestPayment: cloudPay's own payment parameters.
    expect(o.payment).toMatchObject({
      timeStamp: expect.any(String),
      nonceStr: expect.any(String),
      package: expect.stringMatching(/^prepay_id=/),
      signType: expect.any(String),
      paySign: expect.any(String),
    })
    expect(wechat.orders.get(o.outTradeNo)).toMatchObject({ totalFee: o.totalFee, envId: 'wuye-test-1a2b3c', functionName: 'payCallback', state: 'NOTPAY' })

    const notice = wechat.pay(o.outTradeNo, devOpenid('resident-zhang'))
    // A client forging the same notice is refused; WeChat Pay's own call is acknowledged.
    expect(await as({ openid: devOpenid('resident-zhang') }, () => bundle('payCallback')(notice, CONTEXT))).toMatchObject({ errcode: 1 })
    expect(await as({ source: 'wx_paycallback' }, () => bundle('payCallback')(notice, CONTEXT))).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(await as({ source: 'wx_paycallback' }, () => bundle('payCallback')(notice, CONTEXT))).toEqual({ errcode: 0, errmsg: 'OK' })
    const status = await ok('resident-zhang', 'bills', 'orderStatus', { outTradeNo: o.outTradeNo })
    expect(status).toMatchObject({ status: 'paid', receiptNo: expect.any(String) })
    const receipt = await ok('resident-zhang', 'bills', 'receipt', { receiptNo: status.receiptNo })
    expect(receipt).toMatchObject({ amount: o.totalFee, method: 'wechat' })
    expect(db.openTransactions).toBe(0)
  })

  it('a second payment for paid bills is held, refunded through cloudPay.refund with WeChat Pay’s fields, once', async () => {
    const period = shanghaiMonth(Date.now())
    for (;;) if ((await ok('supervisor-liu', 'bills', 'runBills', { period, chunk: 500 })).done) break
    const li = devOpenid('resident-li')
    const bill = (await ok('resident-li', 'bills', 'myBills', {})).houses[0].bills.find((b: { status: string }) => b.status === 'unpaid')
    const first = await ok('resident-li', 'bills', 'createOrder', { billIds: [bill.id] })
    // Its prepay id has run out (as after two hours), so 去缴费 again opens a second order; both get paid.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await cloudbaseStore(require('wx-server-sdk').database() as CloudDb).c.payOrders.update(first.outTradeNo, { createdAt: Date.now() - 3 * 3_600_000 })
    const second = await ok('resident-li', 'bills', 'createOrder', { billIds: [bill.id] })
    expect(second.outTradeNo).not.toBe(first.outTradeNo)
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    for (const o of [first, second])
      expect(await as({ source: 'wx_paycallback' }, () => bundle('payCallback')(wechat.pay(o.outTradeNo, li), CONTEXT))).toEqual({ errcode: 0, errmsg: 'OK' })
    quiet.mockRestore()
    expect(await ok('resident-li', 'bills', 'orderStatus', { outTradeNo: second.outTradeNo })).toMatchObject({ status: 'conflict' })
    const held = (await ok('supervisor-liu', 'bills', 'heldPayments', {})).items.find((x: { orderId: string }) => x.orderId === second.outTradeNo)
    expect(held).toMatchObject({ reason: 'duplicate', amount: second.totalFee, payer: { name: '李秀英' }, canRefund: true })

    // WeChat Pay refuses the first try (the merchant balance is short): kept, with its words, and retried.
    wechat.refundFailure = { err_code: 'NOTENOUGH', err_code_des: '基本账户余额不足，请充值后重新发起' }
    const failed = await ok('supervisor-liu', 'bills', 'refund', { orderId: second.outTradeNo, reason: '重复缴费，原路退回' })
    expect(failed).toMatchObject({ status: 'refund_failed', refund: { error: '基本账户余额不足，请充值后重新发起' } })
    const done = await ok('supervisor-liu', 'bills', 'refund', { orderId: second.outTradeNo, reason: '重复缴费，原路退回' })
    expect(done).toMatchObject({ status: 'refunded', refund: { refundId: expect.stringMatching(/^5030/) } })
    expect(wechat.refunds.get(`RF${second.outTradeNo}`)).toEqual({
      outTradeNo: second.outTradeNo,
      outRefundNo: `RF${second.outTradeNo}`,
      refundId: done.refund.refundId,
      totalFee: second.totalFee,
      refundFee: second.totalFee,
      refundDesc: '物业费重复缴费退款',
      envId: 'wuye-test-1a2b3c',
      functionName: 'payCallback',
    })
    expect(wechat.orders.get(second.outTradeNo)!.state).toBe('REFUND')
    expect(wechat.orders.get(first.outTradeNo)!.state).toBe('SUCCESS')
    expect(await call('supervisor-liu', 'bills', 'refund', { orderId: second.outTradeNo, reason: '再退一次' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    expect([...wechat.refunds.values()].filter((r) => r.outTradeNo === second.outTradeNo)).toHaveLength(1)
    // WeChat Pay's refund notice to the same callback function is acknowledged and credits nothing.
    const refundNotice = {
      returnCode: 'SUCCESS',
      appid: 'wxdemoappid',
      mchId: '1900000100',
      subMchId: '1900000109',
      outTradeNo: second.outTradeNo,
      outRefundNo: `RF${second.outTradeNo}`,
      refundStatus: 'SUCCESS',
      totalFee: second.totalFee,
      refundFee: second.totalFee,
    }
    const quietAgain = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await as({ source: 'wx_paycallback' }, () => bundle('payCallback')(refundNotice, CONTEXT))).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(quietAgain).toHaveBeenCalledWith('[payCallback] refund notice acknowledged')
    quietAgain.mockRestore()
    const titles = (await ok('resident-li', 'account', 'messages', {})).items.map((m: { title: string }) => m.title)
    expect(titles).toEqual(expect.arrayContaining(['重复缴费，将原路退回', '款项已原路退回']))
    expect(db.openTransactions).toBe(0)
  })
})
