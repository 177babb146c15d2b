import { patrolContract } from '../../src/core/patrol/contracts'
import { defineFunction } from '../lib/runtime/handler'
import { wechatMain } from '../lib/adapters/cloudbase/main'
import { rounds, sheet } from './actions/rounds'
import { start, round, scan, check, finish } from './actions/walk'
import { setup, savePoint, saveRoute } from './actions/setup'

/** patrol: 巡查 — routes of checkpoints walked on a schedule; a finding becomes a ticket at once; the office sets up its points and routes. */
export const patrol = defineFunction('patrol', patrolContract, { rounds, start, round, scan, check, finish, sheet, setup, savePoint, saveRoute })

export const main = wechatMain(patrol)
