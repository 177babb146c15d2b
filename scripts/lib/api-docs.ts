import type { FunctionContract } from '../../src/core/shared/contract'
import * as z from '../../src/core/shared/zod'
import type { ZodType } from '../../src/core/shared/zod'
import { contracts } from '../../src/core/contracts'
import { ERROR_CODES, type ErrorCode } from '../../src/core/shared/errors'
import { ROLE_LABELS } from '../../src/core/shared/roles'

/**
 * docs/api.md, rendered from the contracts so it cannot drift from what the server accepts:
 * test/docs.test.ts fails when the committed file differs from this output.
 */

/** Typed by ErrorCode so a new code cannot be added without saying here what it means. */
const ERROR_MEANINGS: Record<ErrorCode, string> = {
  INVALID_INPUT: 'The request failed validation; `fields` maps each bad field to a message to show beside it.',
  UNAUTHENTICATED: 'No caller identity (not signed in).',
  FORBIDDEN: 'The caller lacks the role, or the record is outside their community or zone.',
  NOT_FOUND: 'Unknown action, or the record does not exist.',
  CONFLICT: 'A duplicate (e.g. a live claim on the same house) or a write race that gave up.',
  INVALID_STATE: 'The record is no longer in a state that allows this (e.g. already decided).',
  RATE_LIMITED: 'Too many requests; try again later.',
  INTERNAL: 'Unexpected server error; details are only in the server log.',
}

/** JSON Schema of one side of a contract; `$schema` is the same on every block, so it is dropped. */
function schemaOf(schema: ZodType, io: 'input' | 'output'): object {
  let out: Record<string, unknown>
  try {
    out = z.toJSONSchema(schema, { io }) as Record<string, unknown>
  } catch {
    // A type JSON Schema cannot express (a transform, a custom check) shows as {} rather than failing the docs.
    out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  }
  const { $schema: _drop, ...rest } = out
  return rest
}

const json = (v: unknown) => ['```json', JSON.stringify(v, null, 2), '```'].join('\n')

const intro = () => `# API

Generated from \`src/core/contracts.ts\` by \`npm run docs:api\`. Do not edit by hand: \`test/docs.test.ts\` fails when this file is out of date.

## Calling a function

Every cloud function takes one event, \`{ action, data }\`, and answers with an envelope.

- In WeChat: \`wx.cloud.callFunction({ name: '<function>', data: { action: '<action>', data: { ... } } })\`. The caller is the platform's OPENID; nothing in the event can claim another identity.
- On the local host (\`npm start\`): \`POST /api/fn/<function>\` with the JSON body \`{ "action": "<action>", "data": { ... } }\` and \`Authorization: Bearer <token>\` from \`POST /api/dev/login\`.

\`data\` may be omitted for actions without parameters. Requests are validated against the request schema below before anything is read or written.

## Envelope

\`\`\`ts
{ ok: true, data: T }
{ ok: false, error: { code: ErrorCode, message: string, fields?: Record<string, string> } }
\`\`\`

\`message\` is in Simplified Chinese and fit to show the user. \`fields\` comes with \`INVALID_INPUT\` (and some \`NOT_FOUND\`s) and is keyed by field path, e.g. \`{ "phone": "请填写 11 位手机号" }\`.

## Error codes

| code | meaning |
| --- | --- |
${ERROR_CODES.map((c) => `| \`${c}\` | ${ERROR_MEANINGS[c]} |`).join('\n')}

## Callers

Each action lists who may call it. \`signedIn\` is any signed-in WeChat user, resident or staff; what they may see still follows from their approved houses. Staff roles come from the user document on the server.

Schemas are JSON Schema (draft 2020-12). Request schemas describe what you may send (defaults filled in by the server); response schemas describe what you get back.
`

export function renderApiDocs(): string {
  const parts = [intro()]
  for (const [fn, contract] of Object.entries(contracts)) {
    parts.push(`## ${fn}\n`)
    for (const [action, spec] of Object.entries(contract as FunctionContract)) {
      parts.push(
        [
          `### ${fn}.${action}`,
          '',
          spec.summary,
          '',
          `Callers: ${spec.callers.map((c) => `${c} (${c === 'signedIn' ? '任何已登录用户' : ROLE_LABELS[c]})`).join(', ')}`,
          '',
          'Request:',
          '',
          json(schemaOf(spec.input, 'input')),
          '',
          'Response:',
          '',
          json(schemaOf(spec.output, 'output')),
          '',
        ].join('\n'),
      )
    }
  }
  return parts.join('\n')
}
