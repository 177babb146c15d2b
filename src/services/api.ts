import type { Contracts } from '../core/contracts'
import type { Input, Output } from '../core/shared/contract'
import { call } from './backend'

/** Functions the app calls; the scheduler is called by its timer only. */
type AppFunction = Exclude<keyof Contracts, 'scheduler'>

type Client = {
  [F in AppFunction]: {
    [A in keyof Contracts[F]]: (input?: Input<Contracts[F][A]>) => Promise<Output<Contracts[F][A]>>
  }
}

/**
 * `api.account.bindHouse(input)`: typed by the same zod contracts the server parses with.
 * Built from names only, so the schemas stay out of pages that don't validate a form.
 */
function client<F extends AppFunction>(fn: F, actions: (keyof Contracts[F])[]): Client[F] {
  const out = {} as Record<string, (input?: unknown) => Promise<unknown>>
  for (const a of actions) out[a as string] = (input) => call(fn, a as string, input ?? {})
  return out as Client[F]
}

export const api: Client = {
  bills: client('bills', [
    'myBills', 'history', 'receipt', 'createOrder', 'orderStatus', 'feeItems', 'saveFeeItem', 'runBills', 'importReadings',
    'arrears', 'houseBills', 'recordOffline', 'adjust', 'startCampaign', 'campaign', 'exportArrears',
  ]),
  tickets: client('tickets', [
    'create', 'record', 'mine', 'detail', 'urge', 'cancel', 'confirm', 'reopen', 'message', 'inbox', 'handlers',
    'dispatch', 'reassign', 'accept', 'decline', 'arrive', 'pause', 'resume', 'complete', 'resolve', 'link', 'merge', 'savedReplies',
  ]),
  surveys: client('surveys', ['forTicket', 'submit', 'reply', 'callbacks', 'startCall', 'recordCall', 'figures', 'setPolicy']),
  notices: client('notices', ['publish', 'update', 'restore', 'manage', 'stats', 'linkTicket', 'forTicket', 'list', 'home', 'activeOutages', 'detail', 'follow', 'signUp', 'cancelSignUp']),
  supervisor: client('supervisor', ['settings', 'saveSettings', 'audit', 'dashboard', 'trend', 'report', 'exportReport', 'team', 'addMember', 'updateMember', 'removeMember', 'replies', 'saveReply', 'deleteReply', 'orderReplies', 'policies', 'setCallbackPolicy', 'saveReminderPolicy']),
  account: client('account', ['whoami', 'updateProfile', 'subscribeTemplates', 'recordSubscriptions', 'messages', 'unreadCount', 'markRead', 'communities', 'rooms', 'bindHouse', 'myHouses', 'pendingBindings', 'approveBinding', 'rejectBinding']),
}

export type { Input, Output }
