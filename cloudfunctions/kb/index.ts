import { kbContract } from '../../src/core/kb/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { article, articles, search, solved, vote } from './actions/resident'
import { manage, save } from './actions/staff'

/** kb: 小百科 — the answers the front desk gives every day, searched by residents before they ask. */
export const kb = defineFunction('kb', kbContract, { articles, search, article, vote, solved, manage, save })

export const main = wechatMain(kb)
