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

/** Keys a caller must never mistake for an action: `await x` looks for `then`. */
const NOT_ACTIONS = new Set(['then', 'toJSON', 'constructor'])

const byFunction = new Map<string, object>()

/**
 * `api.account.bindHouse(input)`: typed by the same zod contracts the server parses with, and
 * built at call time, so neither the schemas nor a list of ~100 action names ships in the main
 * package (its budget is 360 KB). Only contract names type-check; the server refuses the rest.
 */
export const api = new Proxy({} as Client, {
  get(_target, fn) {
    if (typeof fn !== 'string' || NOT_ACTIONS.has(fn)) return undefined
    let actions = byFunction.get(fn)
    if (!actions) {
      actions = new Proxy(
        {},
        {
          get: (_t, action) => (typeof action !== 'string' || NOT_ACTIONS.has(action) ? undefined : (input?: unknown) => call(fn, action, input ?? {})),
        },
      )
      byFunction.set(fn, actions)
    }
    return actions
  },
})

export type { Input, Output }
