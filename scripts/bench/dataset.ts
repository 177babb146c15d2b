import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '../../cloudfunctions/lib/ports/store'
import { COLLECTIONS } from '../../cloudfunctions/lib/collections'
import type { ArchiveDoc, BindingDoc, UserDoc } from '../../src/core/account/types'
import type { House } from '../../src/core/community/types'
import { seedCommunity, type CommunitySpec } from '../seed/community'
import { seedDemo } from '../seed/demo'
import { writeBatched } from '../seed/batch'

// The bench cases import it from here.
export { writeBatched }

/**
 * A property company's worth of data: the demo community plus 20 communities of 1,000 houses,
 * with most owners already bound, a review queue per community and one agent each. Ids are
 * readable and deterministic so the cases can pick callers and targets without querying.
 */

export const BENCH_COMMUNITIES = 20
/** Per community, by house index modulo 5: 0–2 owner bound (60%), 3 pending claim, 4 untouched. */
const PENDING_PER_COMMUNITY = 200
const DAY = 24 * 3600 * 1000

export const benchSpec = (k: number): CommunitySpec => ({
  id: `bench-${String(k).padStart(2, '0')}`,
  name: `压测小区${String(k).padStart(2, '0')}`,
  address: `杭州市滨江区压测路 ${k} 号`,
  buildings: 10,
  units: 2,
  floors: 25,
  roomsPerFloor: 2,
})

export interface Person {
  openid: string
  communityId: string
  houseId: string
}

export interface FreeHouse {
  houseId: string
  communityId: string
  owner: ArchiveDoc['members'][number]
}

export interface BenchDataset {
  communities: CommunitySpec[]
  /** Residents with an approved owner binding. */
  owners: Person[]
  /** Claims waiting for review, oldest first within each community. */
  pending: (Person & { bindingId: string })[]
  /** communityId → the agent's openid. */
  agents: Map<string, string>
  /** Houses nobody has claimed, with the archive's owner, for fresh bindHouse calls. */
  free: FreeHouse[]
}

export async function seedBench(store: Store, now: number): Promise<BenchDataset> {
  await seedDemo(store, now)
  const data: BenchDataset = { communities: [], owners: [], pending: [], agents: new Map(), free: [] }

  for (let k = 1; k <= BENCH_COMMUNITIES; k++) {
    const spec = benchSpec(k)
    data.communities.push(spec)
    const { houses, archive } = await seedCommunity(store, spec, 1000 + k)
    const docs: { collection: string; doc: { _id: string } }[] = []

    const agent = `wx-${spec.id}-agent`
    data.agents.set(spec.id, agent)
    const agentUser: UserDoc = {
      _id: agent,
      nickname: `客服${k}`,
      createdAt: now - 365 * DAY,
      updatedAt: now - 365 * DAY,
      staff: { name: `客服${k}`, communityId: spec.id, roles: ['agent'] },
    }
    docs.push({ collection: 'users', doc: agentUser })

    let pendingLeft = PENDING_PER_COMMUNITY
    houses.forEach((h: House, i) => {
      const owner = archive[i].members[0]
      const slot = i % 5
      if (slot === 4 || (slot === 3 && pendingLeft === 0)) {
        data.free.push({ houseId: h._id, communityId: spec.id, owner })
        return
      }
      const pending = slot === 3
      if (pending) pendingLeft--
      const openid = `wx-${spec.id}-${pending ? 't' : 'o'}${i}`
      // Spread over the past 60 days so the review queue has a real createdAt order.
      const createdAt = now - 60 * DAY + Math.floor((i / houses.length) * 59 * DAY)
      const bindingId = `${spec.id}-b${i}`
      const binding: BindingDoc = {
        _id: bindingId,
        openid,
        communityId: spec.id,
        houseId: h._id,
        building: h.building,
        role: pending ? 'tenant' : 'owner',
        name: pending ? `租户${i}` : owner.name,
        phone: pending ? `137${String(i).padStart(8, '0')}` : owner.phone,
        status: pending ? 'pending' : 'approved',
        autoApproved: !pending,
        ...(pending ? {} : { decidedBy: 'archive', decidedAt: createdAt }),
        createdAt,
        updatedAt: createdAt,
      }
      const user: UserDoc = { _id: openid, nickname: binding.name, privacyAcceptedAt: createdAt, createdAt, updatedAt: createdAt }
      docs.push({ collection: 'bindings', doc: binding }, { collection: 'users', doc: user })
      if (pending) data.pending.push({ openid, communityId: spec.id, houseId: h._id, bindingId })
      else data.owners.push({ openid, communityId: spec.id, houseId: h._id })
    })
    await writeBatched(store, docs)
  }
  return data
}

export async function countDocs(store: Store): Promise<number> {
  let n = 0
  for (const name of Object.keys(COLLECTIONS)) n += await store.collection(name).count()
  return n
}

/** The local database's size in MB, write-ahead log included (what the disk holds). */
export const dbSizeMb = (dir: string) =>
  ['wuye.sqlite', 'wuye.sqlite-wal'].reduce((n, f) => n + (statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0), 0) / 2 ** 20
