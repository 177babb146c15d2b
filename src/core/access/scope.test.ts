import { covers, coversAll, narrow, scopeOf } from './scope'

const zhou = { communityId: 'sunshine', roles: ['manager'] as const, zone: ['1', '2', '3'] }
const chen = { communityId: 'sunshine', roles: ['agent'] as const }

describe('the staff scope', () => {
  it('a zone-only 管理员 works their buildings; one who is also 客服 the whole community; a handler no place', () => {
    expect(scopeOf(zhou)).toEqual({ communityId: 'sunshine', buildings: ['1', '2', '3'] })
    expect(scopeOf({ ...zhou, roles: ['manager', 'agent'] })).toEqual({ communityId: 'sunshine', buildings: null })
    expect(scopeOf({ communityId: 'sunshine', roles: ['handler'] })).toBeNull()
    expect(scopeOf(undefined)).toBeNull()
  })

  it('covers a place in the community and, for a zone, only its buildings', () => {
    expect(covers(scopeOf(zhou), { communityId: 'sunshine', building: '2' })).toBe(true)
    expect(covers(scopeOf(zhou), { communityId: 'sunshine', building: '5' })).toBe(false)
    expect(covers(scopeOf(zhou), { communityId: 'sunshine' })).toBe(false)
    expect(covers(scopeOf(chen), { communityId: 'sunshine', building: '5' })).toBe(true)
    expect(covers(scopeOf(chen), { communityId: 'riverside', building: '1' })).toBe(false)
  })

  it('a record reaching several buildings is covered only when all of them are', () => {
    expect(coversAll(scopeOf(zhou), 'sunshine', ['1', '3'])).toBe(true)
    expect(coversAll(scopeOf(zhou), 'sunshine', ['1', '5'])).toBe(false)
    expect(coversAll(scopeOf(zhou), 'sunshine', [])).toBe(false)
    expect(coversAll(scopeOf(chen), 'sunshine', [])).toBe(true)
  })

  it('a filter narrows, never widens', () => {
    expect(narrow(scopeOf(zhou)!, '2')).toEqual(['2'])
    expect(narrow(scopeOf(zhou)!, '5')).toEqual([])
    expect(narrow(scopeOf(zhou)!)).toEqual(['1', '2', '3'])
    expect(narrow(scopeOf(chen)!)).toBeNull()
    expect(narrow(scopeOf(chen)!, '5')).toEqual(['5'])
  })
})
