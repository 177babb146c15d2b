import { wechatEntry } from '../lib/adapters/cloudbase/main'
import { handlePayNotice } from './notice'

/** payCallback: WeChat Pay's success notices (cloudPay.unifiedOrder names this function). */
export const main = wechatEntry(handlePayNotice)
