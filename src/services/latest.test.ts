import { latestCalls } from './latest'

const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms))

describe('latestCalls', () => {
  it('keeps the answer to the last question when an earlier one arrives after it', async () => {
    const begin = latestCalls()
    const shown: string[] = []
    const load = async (tab: string, ms: number) => {
      const isLatest = begin()
      const items = await later(ms, tab)
      if (isLatest()) shown.push(items)
    }
    // The handler's inbox: the 新工单 tab before their roles are known, then 我的 — answered first.
    await Promise.all([load('new', 30), load('mine', 5)])
    expect(shown).toEqual(['mine'])
  })
})
