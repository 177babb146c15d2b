import { decorationContract } from '../../src/core/decoration/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { mine, apply, withdraw, book } from './actions/resident'
import { list, detail, approve, reject, verify } from './actions/office'
import { inspect, violation, resume } from './actions/site'
import { release } from './actions/deposit'
import { rules, setRules } from './actions/rules'

/** decoration: 装修 — the owner's application, approval with the deposit bill and the neighbours' notice, the gate's permit check, inspections, violations and the deposit's return. */
export const decoration = defineFunction('decoration', decorationContract, {
  mine,
  apply,
  withdraw,
  book,
  list,
  detail,
  approve,
  reject,
  verify,
  inspect,
  violation,
  resume,
  release,
  rules,
  setRules,
})

export const main = wechatMain(decoration)
