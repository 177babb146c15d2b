import type { Store } from './store'

interface Item {
  _id: string
  status: string
  n: number
  tags?: string[]
  meta?: { zone: string; deep?: { x: number } }
  flag?: boolean
}

/**
 * What every Store adapter must do, as CloudBase does it. Each adapter that can run here calls
 * this from its own test file.
 */
export function storeContract(name: string, open: () => Store, cleanup: () => void) {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = open()
      const items = store.collection<Item>('items')
      for (let i = 0; i < 30; i++) {
        await items.set({
          _id: `i${String(i).padStart(2, '0')}`,
          status: i % 3 === 0 ? 'open' : 'done',
          n: i,
          meta: { zone: i < 10 ? 'A' : 'B' },
          flag: i % 2 === 0,
        })
      }
    })
    afterEach(() => {
      store.close?.()
      cleanup()
    })

    it('reads by id, and null for a missing id', async () => {
      const items = store.collection<Item>('items')
      expect(await items.get('i05')).toMatchObject({ _id: 'i05', n: 5, meta: { zone: 'A' } })
      expect(await items.get('nope')).toBeNull()
    })

    it('filters with equality, ranges, $in, $ne, nested paths and booleans', async () => {
      const items = store.collection<Item>('items')
      expect((await items.find({ where: { status: 'open' }, limit: 100 })).length).toBe(10)
      expect((await items.find({ where: { n: { $gte: 10, $lt: 13 } } })).map((d) => d.n)).toEqual([10, 11, 12])
      expect((await items.find({ where: { n: { $in: [1, 2, 99] } } })).map((d) => d.n).sort()).toEqual([1, 2])
      expect(await items.count({ 'meta.zone': 'A' })).toBe(10)
      expect(await items.count({ status: { $ne: 'open' } })).toBe(20)
      expect(await items.count({ flag: true })).toBe(15)
      expect(await items.count({ tags: { $exists: true } })).toBe(0)
      expect(await items.count({ n: { $in: [] } })).toBe(0)
    })

    it('sorts and pages', async () => {
      const items = store.collection<Item>('items')
      const page = await items.find({ where: { status: 'done' }, orderBy: [['n', 'desc']], offset: 2, limit: 3 })
      expect(page.map((d) => d.n)).toEqual([26, 25, 23])
      const multi = await items.find({
        orderBy: [
          ['status', 'asc'],
          ['n', 'desc'],
        ],
        limit: 2,
      })
      expect(multi.map((d) => d.n)).toEqual([29, 28])
    })

    it('never returns more than 1000 documents per call', async () => {
      const items = store.collection<Item>('items')
      expect((await items.find({ limit: 5000 })).length).toBe(30)
    })

    it('add refuses an existing id; update merges top-level fields and refuses a missing id', async () => {
      const items = store.collection<Item>('items')
      await expect(items.add({ _id: 'i01', status: 'x', n: 0 })).rejects.toMatchObject({ code: 'CONFLICT' })
      await items.update('i01', { status: 'open', meta: { zone: 'C' } })
      expect(await items.get('i01')).toMatchObject({ status: 'open', n: 1, meta: { zone: 'C' } })
      await expect(items.update('missing', { n: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await items.remove('i01')
      expect(await items.get('i01')).toBeNull()
    })

    it('commits a transaction as a whole, and rolls it back as a whole', async () => {
      const items = store.collection<Item>('items')
      await store.transaction(async (tx) => {
        const a = await tx.collection<Item>('items').get('i00')
        await tx.collection<Item>('items').update('i00', { n: a!.n + 100 })
        await tx.collection<Item>('items').set({ _id: 'new', status: 'open', n: -1 })
        // Reads inside the transaction see its own writes.
        expect((await tx.collection<Item>('items').get('i00'))!.n).toBe(100)
      })
      expect((await items.get('i00'))!.n).toBe(100)
      expect(await items.get('new')).not.toBeNull()

      await expect(
        store.transaction(async (tx) => {
          await tx.collection<Item>('items').update('i02', { n: 999 })
          await tx.collection<Item>('items').remove('i03')
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect((await items.get('i02'))!.n).toBe(2)
      expect(await items.get('i03')).not.toBeNull()
    })

    it('offers only by-id operations inside a transaction', async () => {
      await store.transaction(async (tx) => {
        const c = tx.collection('items') as unknown as Record<string, unknown>
        expect(typeof c.get).toBe('function')
        expect(c.find).toBeUndefined()
        expect(c.count).toBeUndefined()
      })
    })

    it('lets exactly one of two racing read-modify-write transactions win on the same document', async () => {
      const claim = (who: string) =>
        store.transaction(async (tx) => {
          const doc = await tx.collection<Item>('items').get('i04')
          await new Promise((r) => setTimeout(r, 5))
          if (doc!.status !== 'done') throw Object.assign(new Error('taken'), { code: 'INVALID_STATE' })
          await tx.collection<Item>('items').update('i04', { status: `claimed-by-${who}` })
          return who
        })
      const results = await Promise.allSettled([claim('a'), claim('b')])
      const won = results.filter((r) => r.status === 'fulfilled')
      expect(won).toHaveLength(1)
      const final = await store.collection<Item>('items').get('i04')
      expect(final!.status).toBe(`claimed-by-${(won[0] as PromiseFulfilledResult<string>).value}`)
    })

    it('counts reads and writes', async () => {
      const before = { ...store.stats }
      await store.collection<Item>('items').get('i01')
      await store.collection<Item>('items').find({ limit: 5 })
      await store.collection<Item>('items').update('i01', { n: 7 })
      expect(store.stats.reads - before.reads).toBe(2)
      expect(store.stats.writes - before.writes).toBe(1)
    })
  })
}
