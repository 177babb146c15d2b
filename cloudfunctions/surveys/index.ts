import { surveysContract } from '../../src/core/surveys/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { forTicket } from './actions/read'
import { submit, reply } from './actions/submit'
import { callbacks, startCall, recordCall } from './actions/callbacks'
import { figures } from './actions/figures'

/** surveys: 访 — the resident's rating of finished work, the agents' callbacks, and the figures. */
export const surveys = defineFunction('surveys', surveysContract, {
  forTicket,
  submit,
  reply,
  callbacks,
  startCall,
  recordCall,
  figures,
})

export const main = wechatMain(surveys)
