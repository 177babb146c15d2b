import { randomBytes } from 'node:crypto'
import { AppError } from '../../../../src/core/shared/errors'
import type { PhoneNumbers } from '../../ports/phones'
import type { Store } from '../../ports/store'

/** devPhoneCodes/<code>: a simulated 手机号快速验证 code. */
export interface DevPhoneCodeDoc {
  _id: string
  phone: string
  expiresAt: number
}

/** WeChat's codes live five minutes and serve once; the simulation keeps both rules. */
const CODE_MS = 5 * 60_000

/**
 * Simulated 手机号快速验证: the local host's dev route issues a one-time code for the number the
 * signed-in demo account has "in WeChat", and the account function exchanges it here exactly as
 * it would exchange WeChat's code.
 */
export function localPhones(store: Store, now: () => number) {
  const codes = () => store.c.devPhoneCodes
  const phones: PhoneNumbers & { issue(phone: string): Promise<string> } = {
    async issue(phone) {
      const code = randomBytes(16).toString('hex')
      await codes().set({ _id: code, phone, expiresAt: now() + CODE_MS })
      return code
    },
    async numberOf(code) {
      const found = await store.transaction(async (tx) => {
        const c = await tx.c.devPhoneCodes.get(code)
        if (c) await tx.c.devPhoneCodes.remove(code)
        return c
      })
      if (!found || found.expiresAt < now()) throw new AppError('INVALID_INPUT', '手机号验证已失效，请重新点击验证')
      return { phone: found.phone, countryCode: '86' }
    },
  }
  return phones
}
