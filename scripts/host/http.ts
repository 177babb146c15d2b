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

export function sendJson(res: ServerResponse, body: Envelope<unknown>) {
  // Function envelopes always travel with 200, as callFunction's do; only the host's own errors use HTTP codes.
  const status = body.ok ? 200 : (STATUS[body.error.code] ?? 500)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } })

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw Object.assign(new Error('too large'), { tooLarge: true })
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

export const bearer = (req: IncomingMessage) => /^Bearer ([a-f0-9]{32,64})$/.exec(req.headers.authorization ?? '')?.[1] ?? null
