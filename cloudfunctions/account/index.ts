import { accountContract } from '../../src/core/account/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { whoami } from './actions/whoami'
import { updateProfile } from './actions/update-profile'
import { communities } from './actions/communities'
import { messages, unreadCount, markRead } from './actions/messages'
import { subscribeTemplates, recordSubscriptions } from './actions/subscriptions'
import { rooms } from './actions/rooms'
import { bindHouse } from './actions/bind-house'
import { myHouses } from './actions/my-houses'
import { pendingBindings, approveBinding, rejectBinding } from './actions/review'
import { houseMembers, removeBinding } from './actions/house-members'
import { verifyPhone } from './actions/verify-phone'
import { registerUpload } from './actions/register-upload'
import { houseFile, addHouseNote, callHouseMember } from './actions/house-file'

/** account: who am I, houses and their bindings. */
export const account = defineFunction('account', accountContract, {
  whoami,
  updateProfile,
  subscribeTemplates,
  recordSubscriptions,
  messages,
  unreadCount,
  markRead,
  communities,
  rooms,
  verifyPhone,
  registerUpload,
  bindHouse,
  myHouses,
  houseMembers,
  removeBinding,
  pendingBindings,
  approveBinding,
  rejectBinding,
  houseFile,
  addHouseNote,
  callHouseMember,
})

export const main = wechatMain(account)
