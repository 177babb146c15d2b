import { sendNotices } from '../../cloudfunctions/lib/notices/send'
import type { Deps } from '../../cloudfunctions/lib/runtime/deps'
import type { BenchDataset } from './dataset'
import type { BenchCase, CallFn } from './run'

const spread = <T>(list: T[], i: number) => list[(i * 7919) % list.length]

/** Wall time of a whole send (publish, then the scheduler's chunks until the audience is done). */
export const noticesTotals: { name: string; ms: number; note: string; households: number; notices: number }[] = []

/**
 * Notices under load: community-wide 停水 notices to ~5,000 bound households in all: the publish call sends the first chunk, the rest goes through the scheduler's job; then
 * the resident's notice list and 首页 board.
 */
export function noticeCases(data: BenchDataset, call: CallFn, deps: Deps): BenchCase[] {
  // Enough communities for ~5,000 bound households.
  const communities: BenchDataset['communities'] = []
  for (let c = 0, bound = 0; c < data.communities.length && bound < 5000; c++) {
    communities.push(data.communities[c])
    bound += data.owners.filter((o) => o.communityId === data.communities[c].id).length
  }
  const agent = (id: string) => data.agents.get(id)!
  let sendMs = 0
  let told = 0
  return [
    {
      name: 'notices.publish + scheduler send (one community)',
      n: communities.length,
      call: async (i) => {
        const now = deps.clock.now()
        const t = performance.now()
        const r = await call(agent(communities[i].id), 'notices', 'publish', {
          category: 'water',
          title: '小区计划停水',
          body: '因市政管网检修，小区全部楼栋临时停水，请提前储水。',
          audience: { scope: 'community' },
          outage: { area: '全部楼栋', startAt: now, etaAt: now + 6 * 3600_000, cause: '市政管网检修' },
        })
        // The scheduler finishes the audience: this row's time, reads and writes are the whole send.
        for (;;) {
          const s = await sendNotices(deps)
          if (s.told === 0) break
        }
        if (r.ok) told += (await deps.store.c.notices.get((r.data as { id: string }).id))?.recipients ?? 0
        sendMs += performance.now() - t
        if (i === communities.length - 1)
          noticesTotals.push({
            name: `停水 to ${told} households`,
            ms: sendMs,
            note: `${communities.length} notices, publish + scheduler chunks of 200`,
            households: told,
            notices: communities.length,
          })
        return r
      },
    },
    { name: 'notices.list', n: 500, call: (i) => call(spread(data.owners, i).openid, 'notices', 'list', {}) },
    {
      name: 'notices.home',
      n: 500,
      call: (i) => {
        const o = spread(data.owners, i)
        return call(o.openid, 'notices', 'home', { houseId: o.houseId })
      },
    },
  ]
}
