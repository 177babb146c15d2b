import { applyPlan, planQuery, translateFilter, type Command, type CollectionRef } from './query'

/** A stand-in for db.command that records what it was asked, the way wx-server-sdk builds its operators. */
const _: Command = {
  eq: (v) => ({ $eq: v }),
  neq: (v) => ({ $neq: v }),
  gt: (v) => ({ $gt: v }),
  gte: (v) => ({ $gte: v }),
  lt: (v) => ({ $lt: v }),
  lte: (v) => ({ $lte: v }),
  in: (v) => ({ $in: v }),
  nin: (v) => ({ $nin: v }),
  exists: (v) => ({ $exists: v }),
  and: (...c) => ({ $and: c }),
}

describe('CloudBase query translation', () => {
  it('keeps equality as a plain value and dotted paths as they are', () => {
    expect(translateFilter({ status: 'pending', 'staff.communityId': 'sunshine', flag: true }, _)).toEqual({
      status: 'pending',
      'staff.communityId': 'sunshine',
      flag: true,
    })
  })

  it('maps each operator to its db.command, ANDing several on one field', () => {
    expect(translateFilter({ n: { $gte: 1, $lt: 5 }, s: { $in: ['a'] }, t: { $ne: 'x' }, u: { $exists: false } }, _)).toEqual({
      n: { $and: [{ $gte: 1 }, { $lt: 5 }] },
      s: { $in: ['a'] },
      t: { $neq: 'x' },
      u: { $exists: false },
    })
  })

  it('plans sort, skip and a limit capped at 1000', () => {
    expect(planQuery({ where: { a: 1 }, orderBy: [['createdAt', 'desc']], offset: 40, limit: 5000 }, _)).toEqual({
      where: { a: 1 },
      orderBy: [['createdAt', 'desc']],
      skip: 40,
      limit: 1000,
    })
    expect(planQuery({}, _)).toMatchObject({ skip: 0, limit: 100, orderBy: [] })
  })

  it('applies a plan as the wx-server-sdk call chain', () => {
    const calls: string[] = []
    const ref: CollectionRef = {
      where: (w) => (calls.push(`where ${JSON.stringify(w)}`), ref),
      orderBy: (f, d) => (calls.push(`orderBy ${f} ${d}`), ref),
      skip: (n) => (calls.push(`skip ${n}`), ref),
      limit: (n) => (calls.push(`limit ${n}`), ref),
      get: async () => ({ data: [] }),
      count: async () => ({ total: 0 }),
    }
    applyPlan(
      ref,
      planQuery(
        {
          where: { status: 'open' },
          orderBy: [
            ['a', 'asc'],
            ['b', 'desc'],
          ],
          offset: 20,
          limit: 10,
        },
        _,
      ),
    )
    expect(calls).toEqual(['where {"status":"open"}', 'orderBy a asc', 'orderBy b desc', 'skip 20', 'limit 10'])
    calls.length = 0
    applyPlan(ref, planQuery({ limit: 3 }, _))
    expect(calls).toEqual(['limit 3'])
  })
})
