/**
 * The one error type of the product. Use cases throw it; only the handler wrapper at the
 * edge turns it into the `{ok: false, error}` envelope.
 */
export const ERROR_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'RATE_LIMITED', 'INTERNAL'] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export type FieldErrors = Record<string, string>

export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string }
/** zod issues → {"phone": "请填写 11 位手机号", "holidays.2": …}: the first message per field, keyed by its path. */
export function issuesToFields(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {}
  for (const i of issues) out[i.path.map(String).join('.') || '_'] ??= i.message
  return out
}

/** The message for a field or for any part of it (a photo's own error shows under 照片). */
export const errorFor = (errors: FieldErrors, key: string) => errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1]

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: FieldErrors

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }
}

export const isAppError = (e: unknown): e is AppError =>
  e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError')

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors } }
