import { AppError } from '../../../../src/core/shared/errors'
import type { PhoneNumbers } from '../../ports/phones'

interface OpenApi {
  phonenumber: {
    getPhoneNumber(arg: {
      code: string
    }): Promise<{ errCode?: number; errMsg?: string; phoneInfo?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string | number } }>
  }
}

/**
 * phonenumber.getPhoneNumber through cloud.openapi (the function's config.json must grant it).
 * WeChat answers a spent or forged code with 40029 and a rate limit with 45011; either way the
 * resident is asked to tap again, and nothing is stored.
 */
export function cloudbasePhones(openapi: OpenApi): PhoneNumbers {
  return {
    async numberOf(code) {
      let res: Awaited<ReturnType<OpenApi['phonenumber']['getPhoneNumber']>>
      try {
        res = await openapi.phonenumber.getPhoneNumber({ code })
      } catch (e) {
        const errCode = (e as { errCode?: number }).errCode
        throw new AppError(
          errCode === 45011 ? 'RATE_LIMITED' : 'INVALID_INPUT',
          errCode === 45011 ? '验证太频繁，请稍后再试' : '手机号验证已失效，请重新点击验证',
        )
      }
      const info = res.phoneInfo
      if (!info?.purePhoneNumber) throw new AppError('INVALID_INPUT', '手机号验证已失效，请重新点击验证')
      return { phone: info.purePhoneNumber, countryCode: String(info.countryCode ?? '86') }
    },
  }
}
