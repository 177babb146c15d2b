import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Envelope, ErrorCode } from '../../src/core/shared/errors'

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

/**
 * Every answer is an envelope; a refused one also carries the HTTP status of its code, so a
 * proxy's log or a curl reads right. The app reads the envelope, as it reads callFunction's result.
 */
export function sendJson(res: ServerResponse, body: Envelope<unknown>, status = body.ok ? 200 : (STATUS[body.error.code] ?? 500)) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  res.end(JSON.stringify(body))
}

export const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } })

export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super('too large')
  }
}

/**
 * The body, up to `limit` bytes. A larger one is read to its end and dropped (the request timeout
 * bounds how long), so the client gets a clear 413 instead of a reset connection mid-upload.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= limit) chunks.push(chunk as Buffer)
  }
  if (size > limit) throw new TooLarge(limit)
  return Buffer.concat(chunks)
}

/** Loopback names only: a page on another site that rebinds its DNS to 127.0.0.1 still sends its own Host. */
export const isLoopbackHost = (host: string | undefined) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i.test(host ?? '')

export const bearer = (req: IncomingMessage) => /^Bearer ([a-f0-9]{32,64})$/.exec(req.headers.authorization ?? '')?.[1] ?? null
