import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { api } from '../../services/api'
import { messageOf } from '../../services/errors'
import './index.scss'

type Room = { houseId: string; room: string; floor: number }
/** A room as a person reads it: 1栋1单元301. */
export type PickedRoom = { houseId: string; label: string }

interface Common {
  community: { id: string; buildings: { no: string; units: string[] }[] }
  /** Prefix of the data-testids (building-1, unit-1, room-301), for pages that need two pickers' names apart. */
  testPrefix?: string
}
/** One house: changing building or unit clears it. */
interface One extends Common {
  value: string
  onChange(houseId: string): void
}
/** Many houses (a notice's audience): taps toggle, and picks stay while the next unit is opened. */
interface Many extends Common {
  picked: ReadonlySet<string>
  onToggle(room: PickedRoom): void
  /** Controls above the open unit's rooms, e.g. 本单元全选. */
  unitTools?(rooms: PickedRoom[]): ReactNode
}

/**
 * 楼栋 → 单元 → 房号, rooms shown by floor from the top, as a building reads. Used by residents
 * binding a house, by staff recording on someone's behalf, and by a notice addressed to rooms.
 */
export function HousePicker(props: One | Many) {
  const { community, testPrefix = '' } = props
  const many = 'picked' in props
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

  const moved = () => {
    if (!many) props.onChange('')
  }
  const picked = (r: Room) => (many ? props.picked.has(r.houseId) : props.value === r.houseId)
  const asPicked = (r: Room): PickedRoom => ({ houseId: r.houseId, label: `${building}栋${unit}单元${r.room}` })
  const tap = (r: Room) => (many ? props.onToggle(asPicked(r)) : props.onChange(r.houseId))
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
              moved()
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
                moved()
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
            {many && props.unitTools?.(rooms.map(asPicked))}
            {[...byFloor.entries()].reverse().map(([floor, rs]) => (
              <View key={floor} className='hp-floor'>
                <Text className='hp-floor-no'>{floor}层</Text>
                {rs.map((r) => (
                  <View
                    key={r.houseId}
                    className={`chip hp-room ${picked(r) ? 'chip-active' : ''}`}
                    onClick={() => tap(r)}
                    data-testid={`${testPrefix}room-${r.room}`}
                  >
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
