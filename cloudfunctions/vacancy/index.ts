import { vacancyContract } from '../../src/core/vacancy/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { list, house, mark, end, check } from './actions/staff'
import { mine, setMine } from './actions/resident'

/** vacancy: 空置房 — vacant houses, their monthly check (a finding becomes a repair) and the owner's report. */
export const vacancy = defineFunction('vacancy', vacancyContract, { list, house, mark, end, check, mine, setMine })

export const main = wechatMain(vacancy)
