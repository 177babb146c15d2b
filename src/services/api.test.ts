const calls: unknown[][] = []
jest.mock('./backend', () => ({ call: (...args: unknown[]) => (calls.push(args), Promise.resolve('ok')) }))

describe('api client', () => {
  it('sends {action, data} to the named function, an empty object when there is no input', async () => {
    const { api } = await import('./api')
    await expect(api.tickets.inbox({ tab: 'new' })).resolves.toBe('ok')
    await api.supervisor.trend()
    expect(calls).toEqual([
      ['tickets', 'inbox', { tab: 'new' }],
      ['supervisor', 'trend', {}],
    ])
    // The same object each time, so a page may keep a reference.
    expect(api.bills).toBe(api.bills)
  })

  it('is not a thenable: awaiting it (or a function of it) does not call the back end', async () => {
    const { api } = await import('./api')
    calls.length = 0
    expect(await (api as unknown as Promise<unknown>)).toBe(api)
    expect(await (api.account as unknown as Promise<unknown>)).toBe(api.account)
    expect(calls).toEqual([])
  })
})
