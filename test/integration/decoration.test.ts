import { harness, type Harness } from '../helpers/harness'
import { handlePayNotice } from '../../cloudfunctions/payCallback/notice'
import { computeRollup } from '../../cloudfunctions/lib/supervisor/rollups'

/**
 * 装修 as its people meet it: 张建国 applies, 周明 approves with conditions, the deposit is a bill
 * he pays in the app, the neighbour upstairs is told, the gate reads the permit, inspections are
 * booked and recorded, a violation stops the work, and the deposit comes back over WeChat Pay.
 */

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const ZHANG = 'dev-resident-zhang'
const LI = 'dev-resident-li'
const ZHANG_HOUSE = 'sunshine-1-1-301'
const DAY = 86_400_000

const form = (requestId = 'zx-form-0001', patch: Record<string, unknown> = {}) => ({
  requestId,
  houseId: ZHANG_HOUSE,
  contractor: { company: '杭州安居装饰有限公司', leader: '钱师傅', phone: '13912345678' },
  workers: [
    { name: '钱建军', phone: '13912345678' },
    { name: '孙小明', phone: '13987654321' },
  ],
  start: '2026-11-26',
  end: '2026-12-31',
  works: ['wiring', 'ceiling'],
  description: '厨卫水电改造，客厅吊顶，不动承重墙。',
  ...patch,
})
const allOk = (ids: string[]) => ids.map((itemId) => ({ itemId, ok: true, photos: [] }))
const titles = async (openid: string) => (await h.store.c.messages.find({ where: { openid }, orderBy: [['createdAt', 'asc']], limit: 100 })).map((m) => m.title)
const written = async () => ({
  decorations: await h.store.c.decorations.count({}),
  bills: await h.store.c.bills.count({}),
  messages: await h.store.c.messages.count({}),
  audit: await h.store.c.audit.count({}),
})

async function pay(billId: string) {
  const o = await h.ok('resident-zhang', 'bills', 'createOrder', { billIds: [billId] })
  await h.payments.markPaid(o.outTradeNo)
  await handlePayNotice(
    { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: o.outTradeNo, totalFee: o.totalFee, transactionId: `SIM${o.outTradeNo}` },
    { openid: null, source: 'payment' },
    h.deps,
  )
  return o
}

describe('装修: application, approval, the deposit as a bill, the permit at the gate, inspections, a stop, the deposit back', () => {
  it('runs the whole life of 张建国’s renovation', async () => {
    // A refused application writes nothing.
    const before = await written()
    expect(await h.call('resident-zhang', 'decoration', 'apply', form('zx-form-bad1', { start: '2026-11-20' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '开工日期不能早于今天', fields: { start: '开工日期不能早于今天' } },
    })
    expect(await h.call('resident-zhang', 'decoration', 'apply', form('zx-form-bad2', { works: [] }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择施工项目' },
    })
    expect(await h.call('resident-wang', 'decoration', 'apply', form('zx-form-bad3', { houseId: 'sunshine-2-1-502' }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '装修申请须由业主提交' },
    })
    expect(await written()).toEqual(before)

    const applied = await h.ok('resident-zhang', 'decoration', 'apply', form())
    expect(applied).toMatchObject({ status: 'pending', statusText: '待审批', permit: 'pending', required: ['hidden', 'final'], next: 'hidden' })
    expect(applied.permitCode).toBeUndefined()
    // A retried 提交 is the same application; a second one while it is open is refused.
    expect((await h.ok('resident-zhang', 'decoration', 'apply', form())).id).toBe(applied.id)
    expect(await h.call('resident-zhang', 'decoration', 'apply', form('zx-form-0002'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这套房屋已有进行中的装修申请' },
    })
    expect(await titles('dev-manager-zhou')).toContain('装修申请待审批：1栋1单元301')
    expect(await titles(LI)).not.toContain('装修施工告知：1栋1单元301')

    const pending = await h.ok('manager-zhou', 'decoration', 'list', { state: 'pending' })
    expect(pending.items.map((r: { label: string; applicantName: string }) => [r.label, r.applicantName])).toContainEqual(['1栋1单元301', '张建国'])

    const fees = async () => (await computeRollup(h.store, 'sunshine', '2026-11', h.clock.now())).cells
    const feesBefore = await fees()
    const arrearsBefore = await h.ok('agent-chen', 'bills', 'arrears', {})
    const approved = await h.ok('manager-zhou', 'decoration', 'approve', { id: applied.id, conditions: '电梯内须铺设保护垫' })
    expect(approved).toMatchObject({
      status: 'approved',
      statusText: '待缴押金',
      permit: 'unpaid',
      permitCode: `wuye-permit:${applied.id}`,
      decided: { byName: '周明', conditions: '电梯内须铺设保护垫' },
      deposit: { amount: 200_000, status: 'unpaid' },
      neighbours: 1,
      items: [{ label: '电线穿管敷设，强弱电分管' }, { label: '给水管打压试验合格，无渗漏' }, { label: '开槽未破坏承重结构' }],
    })
    // The neighbour upstairs hears the period, the works and the hours.
    const [told] = await h.store.c.messages.find({ where: { openid: LI, title: '装修施工告知：1栋1单元301' }, limit: 1 })
    expect(told.body).toBe(
      '1栋1单元301 将于 11月26日–12月31日 装修（水电改造、吊顶）。施工时间：工作日 8:00–12:00、14:00–18:00；周末及节假日只可进行无噪音施工。给您带来不便，敬请谅解；如遇超时施工或噪音扰民，请联系物业 0571-88886666。',
    )
    // The deposit is a bill of the house, in 账单, paid like any other.
    const mine = await h.ok('resident-zhang', 'bills', 'myBills')
    const deposit = mine.houses[0].bills.find((b: { itemName: string }) => b.itemName === '装修押金')
    expect(deposit).toMatchObject({ amount: 200_000, status: 'unpaid', id: approved.deposit.billId })
    // An unpaid deposit is not arrears: 欠费 and 催缴 leave it out.
    expect(await h.ok('agent-chen', 'bills', 'arrears', {})).toEqual(arrearsBefore)
    expect(await h.ok('tech-zhao', 'decoration', 'verify', { code: approved.permitCode })).toMatchObject({ permit: 'unpaid', permitText: '待缴装修押金' })
    expect(await h.call('resident-zhang', 'decoration', 'book', { id: applied.id, date: '2026-11-28', slot: 'am' })).toMatchObject({
      ok: false,
      error: { message: '请先缴纳装修押金' },
    })

    const order = await pay(approved.deposit.billId)
    // The deposit is money that comes back: the month's fee figures (billed, collected) leave it out.
    expect(await fees()).toEqual(feesBefore)
    expect((await h.ok('resident-zhang', 'decoration', 'mine', { houseId: ZHANG_HOUSE })).items[0]).toMatchObject({ permit: 'early', statusText: '待开工' })
    expect(await h.call('resident-zhang', 'decoration', 'book', { id: applied.id, date: '2026-11-25', slot: 'am' })).toMatchObject({
      ok: false,
      error: { message: '请预约开工以后的日期' },
    })
    h.clock.advance(2 * DAY)
    const gate = await h.ok('tech-zhao', 'decoration', 'verify', { code: approved.permitCode })
    expect(gate).toMatchObject({
      label: '1栋1单元301',
      permit: 'valid',
      permitText: '施工期内，准予施工',
      conditions: '电梯内须铺设保护垫',
      workers: [
        { name: '钱建军', phone: '139****5678' },
        { name: '孙小明', phone: '139****4321' },
      ],
    })

    // 水电隐蔽验收: booked, failed once, booked again, passed.
    await h.ok('resident-zhang', 'decoration', 'book', { id: applied.id, date: '2026-11-28', slot: 'am' })
    expect(await titles('dev-manager-zhou')).toContain('装修验收预约：1栋1单元301')
    const photo = await h.upload('manager-zhou')
    const failed = await h.ok('manager-zhou', 'decoration', 'inspect', {
      id: applied.id,
      results: [{ itemId: 'conduit', ok: false, note: '卫生间电线未穿管', photos: [photo] }, ...allOk(['pressure', 'structure'])],
    })
    expect(failed).toMatchObject({
      next: 'hidden',
      inspections: [{ kind: 'hidden', date: '2026-11-28', slot: 'am', result: { passed: false, byName: '周明' } }],
    })
    const [fail] = await h.store.c.messages.find({ where: { openid: ZHANG, title: '水电隐蔽验收未通过：1栋1单元301' }, limit: 1 })
    expect(fail.body).toBe('需整改：电线穿管敷设，强弱电分管（卫生间电线未穿管）。整改后请重新预约水电隐蔽验收。')
    await h.ok('resident-zhang', 'decoration', 'book', { id: applied.id, date: '2026-11-30', slot: 'pm' })
    const passed = await h.ok('manager-zhou', 'decoration', 'inspect', { id: applied.id, results: allOk(['conduit', 'pressure', 'structure']) })
    expect(passed).toMatchObject({ next: 'final', items: [{ label: '未改动承重墙、外立面和外窗' }, {}, {}, {}] })
    expect(passed.inspections.map((i: { date: string; result: { passed: boolean } }) => [i.date, i.result.passed])).toEqual([
      ['2026-11-28', false],
      ['2026-11-30', true],
    ])

    // A violation stops the work; the gate sees it; 复工 after 整改.
    const stopped = await h.ok('manager-zhou', 'decoration', 'violation', {
      id: applied.id,
      requestId: 'vio-0000001',
      kind: 'hours',
      note: '周日上午电钻施工',
      photos: [photo],
      stop: true,
    })
    expect(stopped).toMatchObject({ status: 'stopped', statusText: '停工整改', permit: 'stopped', violations: [{ label: '超时施工', stop: true }] })
    expect((await h.ok('tech-zhao', 'decoration', 'verify', { code: approved.permitCode })).permitText).toBe('停工整改中，禁止施工')
    expect(await titles(ZHANG)).toContain('装修停工通知：1栋1单元301')
    expect(await h.call('resident-zhang', 'decoration', 'book', { id: applied.id, date: '2026-12-20', slot: 'am' })).toMatchObject({
      ok: false,
      error: { message: '停工整改期间不能预约验收，请先完成整改' },
    })
    await h.ok('manager-zhou', 'decoration', 'resume', { id: applied.id, note: '已承诺按规定时间施工' })

    // 完工验收 completes it; the deposit goes back over WeChat Pay, less a deduction, once.
    await h.ok('resident-zhang', 'decoration', 'book', { id: applied.id, date: '2026-12-31', slot: 'am' })
    const done = await h.ok('manager-zhou', 'decoration', 'inspect', { id: applied.id, results: allOk(['structure', 'common', 'fire', 'waste']) })
    expect(done).toMatchObject({ status: 'completed', statusText: '已完工 · 待退押金', permit: 'completed', next: null })
    expect(await h.call('manager-zhou', 'decoration', 'release', { id: applied.id, deducted: 20_000 })).toMatchObject({
      ok: false,
      error: { message: '请写明扣款原因' },
    })
    // WeChat Pay refuses once: nothing is closed, the 管理员 reads why, and the retry is the same refund.
    jest.spyOn(h.payments, 'refund').mockResolvedValueOnce({ ok: false, error: '基本账户余额不足，请充值后重新发起' })
    const refused = await h.ok('manager-zhou', 'decoration', 'release', { id: applied.id, deducted: 20_000, reason: '电梯轿厢划伤修复' })
    expect(refused).toMatchObject({ status: 'completed', deposit: { refund: { state: 'failed', error: '基本账户余额不足，请充值后重新发起' } } })
    expect(await titles(ZHANG)).not.toContain('装修押金已退还：1栋1单元301')
    const closed = await h.ok('manager-zhou', 'decoration', 'release', { id: applied.id, deducted: 20_000, reason: '电梯轿厢划伤修复' })
    expect(closed).toMatchObject({
      status: 'closed',
      statusText: '已办结',
      deposit: { refund: { amount: 180_000, deducted: 20_000, via: 'wechat', state: 'refunded', byName: '周明' } },
    })
    expect(await h.ok('manager-zhou', 'decoration', 'release', { id: applied.id })).toMatchObject({ status: 'closed' })
    expect((await h.store.c.devPayOrders.get(order.outTradeNo))!.refunds).toEqual([
      expect.objectContaining({ outRefundNo: expect.stringMatching(/^RD[0-9a-f]{30}$/), refundFee: 180_000, desc: '装修押金退还' }),
    ])
    expect((await h.store.c.bills.get(approved.deposit.billId))?.returned).toMatchObject({ amount: 180_000 })
    const [back] = await h.store.c.messages.find({ where: { openid: ZHANG, title: '装修押金已退还：1栋1单元301' }, limit: 1 })
    expect(back.body).toBe('¥1800.00 已原路退回您的支付账户，扣除 ¥200.00（电梯轿厢划伤修复）。微信零钱一般 20 分钟内到账，银行卡约 3 个工作日。')

    const audit = await h.store.c.audit.find({ where: { communityId: 'sunshine', kind: 'decoration' }, orderBy: [['at', 'asc']], limit: 20 })
    expect(audit.map((a) => a.summary)).toEqual([
      '1栋1单元301 装修申请已批准：电梯内须铺设保护垫',
      '1栋1单元301 水电隐蔽验收不合格（1 项）',
      '1栋1单元301 水电隐蔽验收合格',
      '1栋1单元301 装修违规：超时施工，责令停工',
      '1栋1单元301 整改完成，准予复工：已承诺按规定时间施工',
      '1栋1单元301 完工验收合格',
      '1栋1单元301 装修押金退还未成功：基本账户余额不足，请充值后重新发起',
      '1栋1单元301 退还装修押金 ¥1800.00，扣除 ¥200.00（电梯轿厢划伤修复）',
    ])
    expect((await h.ok('resident-zhang', 'decoration', 'mine', { houseId: ZHANG_HOUSE })).items[0].deposit.refund.state).toBe('refunded')
  })

  it('who may: owners apply, staff in scope decide, the gate is staff only; rules are the 客服主任’s', async () => {
    const applied = await h.ok('resident-zhang', 'decoration', 'apply', form())
    expect(await h.call('resident-li', 'decoration', 'withdraw', { id: applied.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('resident-zhang', 'decoration', 'list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('tech-zhao', 'decoration', 'approve', { id: applied.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('resident-zhang', 'decoration', 'verify', { code: `wuye-permit:${applied.id}` })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call('tech-zhao', 'decoration', 'verify', { code: 'https://example.com/x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '不是本小区有效的装修许可证' },
    })

    const rejected = await h.ok('agent-chen', 'decoration', 'reject', { id: applied.id, reason: '拆改方案涉及承重墙，请重新出图' })
    expect(rejected).toMatchObject({ status: 'rejected', statusText: '未批准', decided: { reason: '拆改方案涉及承重墙，请重新出图' } })
    expect(await h.call('manager-zhou', 'decoration', 'approve', { id: applied.id })).toMatchObject({ ok: false, error: { message: '该申请已处理' } })
    // Refused, he may apply again; and withdraw what is not yet decided.
    const again = await h.ok('resident-zhang', 'decoration', 'apply', form('zx-form-0003', { works: ['painting'] }))
    expect(again.required).toEqual(['final'])
    expect(await h.ok('resident-zhang', 'decoration', 'withdraw', { id: again.id })).toMatchObject({ status: 'withdrawn', statusText: '已撤回' })

    // 5栋 is not in 周明's zone: the community's 客服 sees it, he does not.
    const doc = (await h.store.c.decorations.get(applied.id))!
    await h.store.c.decorations.set({ ...doc, _id: 'zx_far', building: '5', houseId: 'sunshine-5-1-1201', label: '5栋1单元1201' })
    const labels = async (who: string) => (await h.ok(who, 'decoration', 'list', { state: 'done' })).items.map((r: { label: string }) => r.label)
    expect(await labels('agent-chen')).toContain('5栋1单元1201')
    expect(await labels('manager-zhou')).toEqual(['1栋1单元301', '1栋1单元301'])
    expect(await h.call('manager-zhou', 'decoration', 'detail', { id: 'zx_far' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    expect(
      await h.call('manager-zhou', 'decoration', 'setRules', { periods: [{ from: '08:00', to: '12:00' }], weekend: 'closed', deposit: 100_000 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await h.call('supervisor-liu', 'decoration', 'setRules', {
        periods: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '18:00' },
        ],
        weekend: 'closed',
        deposit: 100_000,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '施工时段不能重叠' } })
    const set = await h.ok('supervisor-liu', 'decoration', 'setRules', {
      periods: [
        { from: '14:00', to: '17:30' },
        { from: '08:30', to: '12:00' },
      ],
      weekend: 'closed',
      deposit: 100_000,
    })
    expect(set).toMatchObject({ isDefault: false, text: '工作日 8:30–12:00、14:00–17:30；周末及节假日不得施工', deposit: 100_000 })
    const third = await h.ok('resident-zhang', 'decoration', 'apply', form('zx-form-0004'))
    expect(third).toMatchObject({ deposit: { amount: 100_000 }, hours: '工作日 8:30–12:00、14:00–17:30；周末及节假日不得施工' })
  })
})
