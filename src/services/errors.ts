import type { ErrorCode, FieldErrors } from '../core/shared/errors'

/** A refused call as the page sees it: a code to branch on and a message a person can read. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : e instanceof Error && e.message ? e.message : '网络不太好，请稍后再试')
