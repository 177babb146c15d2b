import { useRef } from 'react'

/** Time, then randomness: unique enough per person, and within the server's 8–64 characters. */
export const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

/**
 * One request id per draft. A tap after a lost answer ("网络连接失败") sends the same id, so the
 * server returns what the first tap already made; once it succeeds, the next draft gets a new id.
 */
export function useRequestId() {
  const ref = useRef('')
  if (!ref.current) ref.current = newRequestId()
  return {
    current: () => ref.current,
    renew: () => {
      ref.current = newRequestId()
    },
  }
}
