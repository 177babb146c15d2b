import { supervisorContract } from '../../src/core/supervisor/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { settings, saveSettings } from './actions/settings'
import { audit } from './actions/audit'
import { dashboard } from './actions/dashboard'

/** supervisor: the 客服主任's view — today's dashboard, the SLA and calendar settings, the audit trail. */
export const supervisor = defineFunction('supervisor', supervisorContract, {
  settings,
  saveSettings,
  audit,
  dashboard,
})

export const main = wechatMain(supervisor)
