import * as z from '../../../src/core/shared/zod'
import type { ZodType } from '../../../src/core/shared/zod'
import { $ZodError } from 'zod/v4/core'
import { AppError, isAppError, issuesToFields, type Envelope } from '../../../src/core/shared/errors'
import type { FunctionContract } from '../../../src/core/shared/contract'
import { loadContext, type Ctx } from './context'
import type { Deps, Identity } from './deps'

export type Handler<A extends { input: ZodType; output: ZodType }> = (ctx: Ctx, input: z.output<A['input']>) => Promise<z.input<A['output']>>

export type Handlers<C extends FunctionContract> = { [K in keyof C]: Handler<C[K]> }

export interface CloudFunction {
  name: string
  contract: FunctionContract
  call(event: unknown, identity: Identity, deps: Deps): Promise<Envelope<unknown>>
}

const EventSchema = z.object({ action: z.string().check(z.minLength(1), z.maxLength(64)), data: z.optional(z.unknown()) })

export function toEnvelopeError(e: unknown): Envelope<never> {
  if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }
  if (e instanceof $ZodError) {
    const fields = issuesToFields(e.issues)
    return { ok: false, error: { code: 'INVALID_INPUT', message: Object.values(fields)[0] ?? '输入有误', fields } }
  }
  // Never echo internals (or a resident's data) to the client; the log keeps only the stack.
  console.error('[internal]', e instanceof Error ? e.stack : String(e))
  return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } }
}

/**
 * The one wrapper every cloud function goes through: identity → roles → zod → use case →
 * envelope. Input is parsed before anything is written, so a refused call writes nothing.
 */
export function defineFunction<C extends FunctionContract>(name: string, contract: C, handlers: Handlers<C>): CloudFunction {
  return {
    name,
    contract,
    async call(event, identity, deps) {
      try {
        const { action, data } = EventSchema.parse(event)
        if (!Object.hasOwn(contract, action)) throw new AppError('NOT_FOUND', `未知操作：${name}.${action}`)
        const spec = contract[action]
        const ctx = await loadContext(deps, identity)
        if (!spec.callers.some((c) => ctx.callers.includes(c))) throw new AppError('FORBIDDEN', '您没有权限执行此操作')
        const input = z.parse(spec.input, data ?? {})
        const result = await (handlers[action] as Handler<typeof spec>)(ctx, input as never)
        return { ok: true, data: z.parse(spec.output, result) }
      } catch (e) {
        return toEnvelopeError(e)
      }
    },
  }
}
