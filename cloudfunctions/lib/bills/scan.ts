import type { Filter, Store } from '../ports/store'
import type { BillDoc } from '../../../src/core/bills/types'
import { scan } from '../runtime/scan'

/** A function call reads at most this many bills (20 pages): CloudBase's 60 s and a day's read quota. */
export const MAX_SCAN = 20_000

/** Page through bills matching `where` (see `scan`); stops at MAX_SCAN and says so. */
export const scanBills = (store: Store, where: Filter, onPage: (bills: BillDoc[]) => Promise<void> | void) =>
  scan(store.c.bills, where, onPage, { max: MAX_SCAN })
