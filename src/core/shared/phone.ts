/** Mainland mobile numbers: 11 digits starting with 1. */
export const PHONE_RE = /^1[3-9]\d{9}$/

/** 13812341234 → 138****1234. Anything that is not a full number is masked entirely. */
export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return ''
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}
