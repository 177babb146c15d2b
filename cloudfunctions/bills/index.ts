import { billsContract } from '../../src/core/bills/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { myBills, history, receipt } from './actions/resident'
import { createOrder, orderStatus } from './actions/pay'
import { feeItems, saveFeeItem } from './actions/fee-items'
import { previewBills, runBills } from './actions/run-bills'
import { importReadings } from './actions/import-readings'
import { arrears, exportArrears, houseBills } from './actions/arrears'
import { recordOffline, adjust } from './actions/offline'
import { startCampaign, campaign } from './actions/campaign'
import { heldPayments, refund } from './actions/refunds'
import { pendingOffline, confirmOffline, rejectOffline } from './actions/offline-review'

/** bills: fee items, bill runs, the resident's bills and payments, arrears and 催缴. */
export const bills = defineFunction('bills', billsContract, {
  myBills,
  history,
  receipt,
  createOrder,
  orderStatus,
  feeItems,
  saveFeeItem,
  runBills,
  previewBills,
  importReadings,
  arrears,
  houseBills,
  recordOffline,
  adjust,
  startCampaign,
  campaign,
  exportArrears,
  heldPayments,
  refund,
  pendingOffline,
  confirmOffline,
  rejectOffline,
})

export const main = wechatMain(bills)
