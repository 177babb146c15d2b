import { accountContract } from './account/contracts'
import { schedulerContract } from './scheduler/contracts'
import { billsContract } from './bills/contracts'
import { ticketsContract } from './tickets/contracts'
import { noticesContract } from './notices/contracts'
import { surveysContract } from './surveys/contracts'
import { supervisorContract } from './supervisor/contracts'
import { patrolContract } from './patrol/contracts'
import { vacancyContract } from './vacancy/contracts'
import { vendorsContract } from './vendors/contracts'
import { decorationContract } from './decoration/contracts'
import { kbContract } from './kb/contracts'

/** Every cloud function and its actions. The client, the server and docs/api.md read this one map. */
export const contracts = {
  account: accountContract,
  scheduler: schedulerContract,
  bills: billsContract,
  tickets: ticketsContract,
  notices: noticesContract,
  surveys: surveysContract,
  supervisor: supervisorContract,
  patrol: patrolContract,
  vacancy: vacancyContract,
  vendors: vendorsContract,
  decoration: decorationContract,
  kb: kbContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
