import type { Store } from '../../cloudfunctions/lib/ports/store'
import type { ArchiveDoc } from '../../src/core/account/types'
import { houseId, type Community, type House } from '../../src/core/community/types'

export interface CommunitySpec {
  id: string
  name: string
  address: string
  buildings: number
  units: number
  floors: number
  roomsPerFloor: number
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文'
const GIVEN = [
  '建国',
  '秀英',
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '文',
  '华',
  '红',
  '玉兰',
  '志强',
  '海燕',
  '晓东',
]

/** A small deterministic PRNG: the same seed gives the same community on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 0x100000000
  }
}

export const roomNo = (floor: number, door: number) => `${floor}${String(door).padStart(2, '0')}`

/**
 * Street-front shops: the ground floor of the last building (6栋 in the demo: 6-1-101, 6-1-102,
 * 6-2-101, 6-2-102) is 商铺, billed 物业费 at the commercial price. No demo account lives there.
 */
export const isShop = (spec: Pick<CommunitySpec, 'buildings'>, building: number, floor: number) => building === spec.buildings && floor === 1

/** Every house of a community, with areas that vary the way floor plans do (door 01 small, 02 large). */
export function buildHouses(spec: CommunitySpec): House[] {
  const out: House[] = []
  for (let b = 1; b <= spec.buildings; b++)
    for (let u = 1; u <= spec.units; u++)
      for (let f = 1; f <= spec.floors; f++)
        for (let d = 1; d <= spec.roomsPerFloor; d++) {
          const room = roomNo(f, d)
          const base = d % 2 === 1 ? 89.5 : 118.3
          out.push({
            _id: houseId(spec.id, String(b), String(u), room),
            communityId: spec.id,
            building: String(b),
            unit: String(u),
            room,
            floor: f,
            area: Math.round((base + (b % 3) * 2.15) * 100) / 100,
            type: isShop(spec, b, f) ? 'commercial' : 'residential',
          })
        }
  return out
}

/** The owner archive: one owner per house with a made-up name and a phone that encodes the house. */
export function buildArchive(spec: CommunitySpec, houses: House[], seed = 7): ArchiveDoc[] {
  const rand = rng(seed)
  return houses.map((h, i) => ({
    _id: h._id,
    communityId: spec.id,
    members: [
      {
        name: SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)],
        phone: `139${String(i).padStart(8, '0')}`,
        role: 'owner' as const,
      },
    ],
  }))
}

export function communityDoc(spec: CommunitySpec, extra: Partial<Community> = {}) {
  return {
    _id: spec.id,
    name: spec.name,
    address: spec.address,
    servicePhone: '0571-88886666',
    emergencyPhone: '0571-88889999',
    buildings: Array.from({ length: spec.buildings }, (_, b) => ({
      no: String(b + 1),
      units: Array.from({ length: spec.units }, (_, u) => String(u + 1)),
    })),
    ...extra,
  }
}

/** Write a community, its houses and archive. Uses batches of plain sets: seeding is not a use case. */
export async function seedCommunity(store: Store, spec: CommunitySpec, seed = 7) {
  const houses = buildHouses(spec)
  const archive = buildArchive(spec, houses, seed)
  await store.c.communities.set(communityDoc(spec))
  for (const h of houses) await store.c.houses.set(h)
  for (const a of archive) await store.c.archive.set(a)
  return { houses, archive }
}
