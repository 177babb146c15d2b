import { noticesContract } from '../../src/core/notices/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { publish, update, restore, linkTicket } from './actions/compose'
import { list, home, activeOutages, detail, follow } from './actions/resident'
import { signUp, cancelSignUp } from './actions/signup'
import { manage, stats, forTicket, reach } from './actions/staff'

/** notices: 公告、停水停电（as incidents）、社区活动. Sending to large audiences continues in the scheduler. */
export const notices = defineFunction('notices', noticesContract, {
  publish,
  reach,
  update,
  restore,
  manage,
  stats,
  linkTicket,
  forTicket,
  list,
  home,
  activeOutages,
  detail,
  follow,
  signUp,
  cancelSignUp,
})

export const main = wechatMain(notices)
