import { ticketsContract } from '../../src/core/tickets/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { create } from './actions/create'
import { record, reporters } from './actions/record'
import { mine, detail, callReporter } from './actions/read'
import { message, urge } from './actions/talk'
import { inbox, handlers } from './actions/inbox'
import { dispatch, reassign } from './actions/dispatch'
import { accept, reschedule, decline, arrive, pause, resume, complete, resolve, confirm, reopen, cancel } from './actions/lifecycle'
import { link, merge, savedReplies } from './actions/relate'

/** tickets: 报修、投诉、建议、咨询 — 接、记、分、跟 (访 is the surveys function). */
export const tickets = defineFunction('tickets', ticketsContract, {
  create,
  record,
  reporters,
  mine,
  detail,
  callReporter,
  urge,
  cancel,
  confirm,
  reopen,
  message,
  inbox,
  handlers,
  dispatch,
  reassign,
  accept,
  reschedule,
  decline,
  arrive,
  pause,
  resume,
  complete,
  resolve,
  link,
  merge,
  savedReplies,
})

export const main = wechatMain(tickets)
