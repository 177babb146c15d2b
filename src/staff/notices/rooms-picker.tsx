import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import type { accountContract } from '../../core/account/contracts'
import type { PickedRoom } from './draft'

type Community = Output<typeof accountContract.communities>[number]
type Room = Output<typeof accountContract.rooms>[number]

/** The server takes at most 500 targets per notice. */
const MAX = 500

/**
 * 楼栋 → 单元 → 房号, like the HousePicker, but many rooms: taps toggle, and rooms picked in one
 * unit stay picked while the agent moves on to the next.
 */
export function RoomsPicker({ value, onChange }: { value: PickedRoom[]; onChange(v: PickedRoom[]): void }) {
  const [community, setCommunity] = useState<Community | null>(null)
  const [building, setBuilding] = useState('')
  const [unit, setUnit] = useState('')
  const [rooms, setRooms] = useState<Room[] | null>(null)

  useEffect(() => {
    Promise.all([api.account.whoami(), api.account.communities()])
      .then(([me, cs]) => setCommunity(cs.find((c) => c.id === me.staff?.communityId) ?? null))
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [])
  useEffect(() => {
    setRooms(null)
    if (!community || !building || !unit) return
    api.account
      .rooms({ communityId: community.id, building, unit })
      .then(setRooms)
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [community, building, unit])

  const units = useMemo(() => community?.buildings.find((b) => b.no === building)?.units ?? [], [community, building])
  const picked = new Set(value.map((r) => r.houseId))
  const label = (r: Room) => `${building}栋${unit}单元${r.room}`
  const toggle = (r: Room) => {
    if (picked.has(r.houseId)) return onChange(value.filter((v) => v.houseId !== r.houseId))
    if (value.length >= MAX) return Taro.showToast({ title: `最多选择 ${MAX} 户`, icon: 'none' })
    onChange([...value, { houseId: r.houseId, label: label(r) }])
  }
  const all = rooms !== null && rooms.length > 0 && rooms.every((r) => picked.has(r.houseId))
  const toggleUnit = () => {
    if (!rooms) return
    const ids = new Set(rooms.map((r) => r.houseId))
    if (all) return onChange(value.filter((v) => !ids.has(v.houseId)))
    const added = rooms.filter((r) => !picked.has(r.houseId)).map((r) => ({ houseId: r.houseId, label: label(r) }))
    onChange([...value, ...added].slice(0, MAX))
  }
  const byFloor = new Map<number, Room[]>()
  for (const r of rooms ?? []) byFloor.set(r.floor, [...(byFloor.get(r.floor) ?? []), r])

  if (!community) return <Text className='muted'>加载楼栋…</Text>
  return (
    <View className='sn-rooms' data-testid='rooms-picker'>
      <View className='chips'>
        {community.buildings.map((b) => (
          <View
            key={b.no}
            className={`chip ${building === b.no ? 'chip-active' : ''}`}
            onClick={() => {
              setBuilding(b.no)
              setUnit('')
            }}
            data-testid={`rooms-building-${b.no}`}
          >
            {b.no}栋
          </View>
        ))}
      </View>
      {building && (
        <View className='chips'>
          {units.map((u) => (
            <View key={u} className={`chip ${unit === u ? 'chip-active' : ''}`} onClick={() => setUnit(u)} data-testid={`rooms-unit-${u}`}>
              {u}单元
            </View>
          ))}
        </View>
      )}
      {unit &&
        (!rooms ? (
          <Text className='muted'>加载房号…</Text>
        ) : (
          <View className='sn-rooms-list'>
            <Text className='sn-link' onClick={toggleUnit} data-testid='rooms-unit-all'>
              {all ? '取消本单元' : '本单元全选'}
            </Text>
            {[...byFloor.entries()].reverse().map(([floor, rs]) => (
              <View key={floor} className='sn-floor'>
                <Text className='sn-floor-no'>{floor}F</Text>
                {rs.map((r) => (
                  <View key={r.houseId} className={`chip sn-room ${picked.has(r.houseId) ? 'chip-active' : ''}`} onClick={() => toggle(r)} data-testid={`rooms-room-${r.room}`}>
                    {r.room}
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}
      <View className='sn-rooms-picked' data-testid='rooms-picked'>
        {value.length === 0 ? (
          <Text className='muted'>还没有选择房号</Text>
        ) : (
          <>
            <Text className='muted'>
              已选 {value.length} 户：{value.slice(0, 6).map((r) => r.label).join('、')}
              {value.length > 6 ? ' 等' : ''}
            </Text>
            <Text className='sn-link' onClick={() => onChange([])}>
              清空
            </Text>
          </>
        )}
      </View>
    </View>
  )
}
