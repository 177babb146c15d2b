import type { Filter, Store } from '../ports/store'
import type { BillDoc } from '../../../src/core/bills/types'

export const PAGE = 1000
/** A function call reads at most this many bills (20 pages): CloudBase's 60 s and a day's read quota. */
export const MAX_SCAN = 20_000

/**
 * Page through bills matching `where` in _id order (a cursor, not an offset: stable while the
 * scan writes). Stops at MAX_SCAN and says so.
 */
export async function scanBills(store: Store, where: Filter, onPage: (bills: BillDoc[]) => Promise<void> | void) {
  let after = ''
  let seen = 0
  for (;;) {
    const page = await store.c.bills.find({ where: { ...where, ...(after ? { _id: { $gt: after } } : {}) }, orderBy: [['_id', 'asc']], limit: PAGE })
    if (!page.length) return { seen, truncated: false }
    await onPage(page)
    seen += page.length
    after = page[page.length - 1]._id
    if (page.length < PAGE) return { seen, truncated: false }
    if (seen >= MAX_SCAN) return { seen, truncated: true }
  }
}
