import type { BenchDataset } from './dataset'
import type { BenchCase, CallFn } from './run'

/** Distinct picks spread across communities: a prime stride visits every index before repeating. */
const spread = <T>(list: T[], i: number) => list[(i * 7919) % list.length]

/**
 * The account function under load. Order matters: write cases take targets nobody else used
 * (fresh openids, untouched houses, still-pending claims), so every call is expected to succeed.
 */
export function accountCases(data: BenchDataset, call: CallFn, n = { read: 500, write: 300 }): BenchCase[] {
  const { owners, communities, agents, free, pending } = data
  const agentOf = (communityId: string) => agents.get(communityId)!
  return [
    { name: 'account.whoami', n: n.read, call: (i) => call(spread(owners, i).openid, 'account', 'whoami') },
    { name: 'account.communities', n: n.read, call: (i) => call(spread(owners, i).openid, 'account', 'communities') },
    {
      name: 'account.rooms',
      n: n.read,
      call: (i) => {
        const c = communities[i % communities.length]
        const data = { communityId: c.id, building: String(1 + ((i * 7) % c.buildings)), unit: String(1 + (i % c.units)) }
        return call(spread(owners, i).openid, 'account', 'rooms', data)
      },
    },
    { name: 'account.myHouses', n: n.read, call: (i) => call(spread(owners, i).openid, 'account', 'myHouses') },
    {
      name: 'account.bindHouse',
      n: Math.min(n.write, free.length),
      call: (i) => {
        const h = spread(free, i)
        // Half match the owner archive (approved at once), half are tenants who wait for review.
        const claim =
          i % 2 === 0
            ? { role: 'owner', name: h.owner.name, phone: h.owner.phone }
            : { role: 'tenant', name: '新租户', phone: `136${String(i).padStart(8, '0')}` }
        return call(`wx-bench-new-${i}`, 'account', 'bindHouse', { houseId: h.houseId, ...claim })
      },
    },
    {
      name: 'account.pendingBindings',
      n: n.read,
      call: (i) => {
        const c = communities[i % communities.length]
        return call(agentOf(c.id), 'account', 'pendingBindings', { offset: (i % 10) * 20 })
      },
    },
    {
      // 一户一档 of a house with six months of tickets and bills, as the desk opens it on a call.
      name: 'account.houseFile',
      n: n.read,
      call: (i) => {
        const o = spread(owners, i)
        return call(agentOf(o.communityId), 'account', 'houseFile', { houseId: o.houseId })
      },
    },
    {
      name: 'account.approveBinding',
      n: Math.min(n.write, pending.length),
      call: (i) => {
        const b = spread(pending, i)
        return call(agentOf(b.communityId), 'account', 'approveBinding', { bindingId: b.bindingId })
      },
    },
  ]
}
