import { supervisorContract } from '../../src/core/supervisor/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { settings, saveSettings } from './actions/settings'
import { audit } from './actions/audit'
import { dashboard } from './actions/dashboard'
import { team, addMember, updateMember, removeMember } from './actions/team'
import { replies, saveReply, deleteReply, orderReplies } from './actions/replies'
import { policies, setCallbackPolicy, saveReminderPolicy, saveOfflinePolicy } from './actions/policies'
import { trend, monthlyReport, exportMonthlyReport } from './actions/monthly-report'
import { zoneReports, submitZoneReport } from './actions/zone-report'

/** supervisor: the 客服主任's view — today's dashboard, the SLA and calendar settings, the audit trail. */
export const supervisor = defineFunction('supervisor', supervisorContract, {
  settings,
  saveSettings,
  audit,
  dashboard,
  team,
  addMember,
  updateMember,
  removeMember,
  replies,
  saveReply,
  deleteReply,
  orderReplies,
  policies,
  setCallbackPolicy,
  saveReminderPolicy,
  saveOfflinePolicy,
  trend,
  monthlyReport,
  exportMonthlyReport,
  zoneReports,
  submitZoneReport,
})

export const main = wechatMain(supervisor)
