import { vendorsContract } from '../../src/core/vendors/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { list, vendor, check, recheck } from './actions/vendors'
import { save } from './actions/save'

/** vendors: 外包单位 — the firms' 品质检查, the 整改单 they raise and their re-checks, each firm's monthly score, and the firms' contracts. */
export const vendors = defineFunction('vendors', vendorsContract, { list, vendor, check, recheck, save })

export const main = wechatMain(vendors)
