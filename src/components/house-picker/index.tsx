import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import './index.scss'

type Room = { houseId: string; room: string; floor: number }

interface Props {
  community: { id: string; buildings: { no: string; units: string[] }[] }
  value: string
  onChange(houseId: string): void
  /** Prefix of the data-testids (building-1, unit-1, room-301), for pages that need two pickers' names apart. */
  testPrefix?: string
}

/**
 * 楼栋 → 单元 → 房号, rooms shown by floor from the top, as a building reads. Used by residents
 * binding a house and by staff recording on someone's behalf. Changing building or unit clears
 * the chosen house.
 */
export function HousePicker({ community, value, onChange, testPrefix = '' }: Props) {
  const [building, setBuilding] = useState('')
  const [unit, setUnit] = useState('')
  const [rooms, setRooms] = useState<Room[] | null>(null)
  const units = useMemo(() => community.buildings.find((b) => b.no === building)?.units ?? [], [community, building])

  useEffect(() => {
    setRooms(null)
    if (!building || !unit) return
    api.account
      .rooms({ communityId: community.id, building, unit })
      .then(setRooms)
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [community.id, building, unit])

  const byFloor = new Map<number, Room[]>()
  for (const r of rooms ?? []) byFloor.set(r.floor, [...(byFloor.get(r.floor) ?? []), r])

  return (
    <View>
      <View className='chips'>
        {community.buildings.map((b) => (
          <View
            key={b.no}
            className={`chip ${building === b.no ? 'chip-active' : ''}`}
            onClick={() => {
              setBuilding(b.no)
              setUnit('')
              onChange('')
            }}
            data-testid={`${testPrefix}building-${b.no}`}
          >
            {b.no}栋
          </View>
        ))}
      </View>
      {building && (
        <View className='chips hp-units'>
          {units.map((u) => (
            <View
              key={u}
              className={`chip ${unit === u ? 'chip-active' : ''}`}
              onClick={() => {
                setUnit(u)
                onChange('')
              }}
              data-testid={`${testPrefix}unit-${u}`}
            >
              {u}单元
            </View>
          ))}
        </View>
      )}
      {unit &&
        (!rooms ? (
          <Text className='muted'>加载房号…</Text>
        ) : (
          <View className='hp-rooms'>
            {[...byFloor.entries()].reverse().map(([floor, rs]) => (
              <View key={floor} className='hp-floor'>
                <Text className='hp-floor-no'>{floor}F</Text>
                {rs.map((r) => (
                  <View key={r.houseId} className={`chip hp-room ${value === r.houseId ? 'chip-active' : ''}`} onClick={() => onChange(r.houseId)} data-testid={`${testPrefix}room-${r.room}`}>
                    {r.room}
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}
    </View>
  )
}
