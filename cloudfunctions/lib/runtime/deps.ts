import type { Clock } from '../ports/clock'
import type { Files } from '../ports/files'
import type { Notifier } from '../ports/notifier'
import type { Payments } from '../ports/payments'
import type { PhoneNumbers } from '../ports/phones'
import type { Store } from '../ports/store'

/** Everything a use case may touch outside itself: one value per backend, chosen by the entry. */
export interface Deps {
  store: Store
  clock: Clock
  notifier: Notifier
  files: Files
  payments: Payments
  phones: PhoneNumbers
}

/**
 * Who is calling, as the platform says: a person (WeChat's OPENID, the local host's dev session),
 * the timer trigger, or WeChat Pay's callback. The last two carry no person.
 */
export interface Identity {
  openid: string | null
  source: 'wechat' | 'dev' | 'timer' | 'payment' | 'test'
}
