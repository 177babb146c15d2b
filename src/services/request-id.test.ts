import * as z from '../core/shared/zod'
import { RequestId } from '../core/shared/contract'
import { newRequestId } from './request-id'

describe('request ids the app sends with a create', () => {
  it('are what the server accepts, and differ per draft', () => {
    const ids = Array.from({ length: 200 }, newRequestId)
    for (const id of ids) expect(z.safeParse(RequestId, id).success).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
