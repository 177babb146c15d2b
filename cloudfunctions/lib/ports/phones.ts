/**
 * The phone number WeChat has verified for the person at the other end: the bind page's
 * 手机号快速验证 button (`open-type="getPhoneNumber"`) yields a one-time code, and only the server
 * may exchange it. A number a person types is a claim; this is a fact.
 */
export interface PhoneNumbers {
  /** The number behind a code, or throws AppError('INVALID_INPUT') when the code is spent, stale or forged. */
  numberOf(code: string): Promise<{ phone: string; countryCode: string }>
}
