import { heldMessage, heldReason, refundNo, refundRefusal, REFUND_CLAIM_MS, REFUND_DESC } from './refunds'
import { needsReview, DEFAULT_REVIEW_ABOVE } from './offline-review'

describe('held payments and refunds', () => {
  it('says why a payment is held: the amount first, then what became of the bills', () => {
    expect(heldReason(false, [{ status: 'paid' }])).toBe('amount')
    expect(heldReason(true, [{ status: 'unpaid' }, { status: 'paid' }])).toBe('duplicate')
    expect(heldReason(true, [{ status: 'waived' }, null])).toBe('changed')
  })

  it('one refund number per order, within WeChat Pay’s 64 characters of [A-Za-z0-9_-]', () => {
    const no = refundNo('WY0mwu62274000ja1b5d8ef')
    expect(no).toBe(refundNo('WY0mwu62274000ja1b5d8ef'))
    expect(no).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    for (const d of Object.values(REFUND_DESC)) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(80)
  })

  it('refunds a held or failed payment; a live claim, a refund and a credited order are refused', () => {
    const now = 1_000_000
    expect(refundRefusal({ status: 'conflict' }, now)).toBeNull()
    expect(refundRefusal({ status: 'mismatch' }, now)).toBeNull()
    expect(refundRefusal({ status: 'refund_failed' }, now)).toBeNull()
    const claim = { outRefundNo: 'RFx', fee: 1, reason: 'x', by: 'a', byName: 'a', at: now, attempts: 1 }
    expect(refundRefusal({ status: 'refunding', refund: claim }, now + 1000)).toMatch(/正在处理/)
    expect(refundRefusal({ status: 'refunding', refund: claim }, now + REFUND_CLAIM_MS + 1)).toBeNull()
    expect(refundRefusal({ status: 'refunded', refund: claim }, now)).toBe('这笔付款已退款，不能重复退款')
    expect(refundRefusal({ status: 'paid' }, now)).toMatch(/无需退款/)
    expect(refundRefusal({ status: 'created' }, now)).toMatch(/无需退款/)
  })

  it('tells the payer in plain words, with the amount in yuan', () => {
    expect(heldMessage('duplicate', 22913, '1栋1单元301')).toEqual({
      title: '重复缴费，将原路退回',
      body: expect.stringContaining('1栋1单元301 支付的 ¥229.13'),
    })
    expect(heldMessage('changed', 100, 'x').title).toBe('付款未入账，将原路退回')
  })
})

describe('desk payments needing a second person', () => {
  it('only above the threshold, and never for WeChat Pay', () => {
    expect(needsReview('cash', DEFAULT_REVIEW_ABOVE, DEFAULT_REVIEW_ABOVE)).toBe(false)
    expect(needsReview('cash', DEFAULT_REVIEW_ABOVE + 1, DEFAULT_REVIEW_ABOVE)).toBe(true)
    expect(needsReview('transfer', 1, 0)).toBe(true)
    expect(needsReview('wechat', 10_000_000, 0)).toBe(false)
  })
})
