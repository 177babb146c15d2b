import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HousePicker, type PickedRoom } from '../../components/house-picker'
import { useStaffCommunity } from './use-community'

/** The server takes at most 500 targets per notice. */
const MAX = 500

/**
 * 按房号: the HousePicker in its many-rooms mode, in the staff member's own community, with the
 * 500-room cap, 本单元全选 and a summary of what is picked across units.
 */
export function RoomsPicker({ value, onChange }: { value: PickedRoom[]; onChange(v: PickedRoom[]): void }) {
  const community = useStaffCommunity()?.community ?? null

  const picked = new Set(value.map((r) => r.houseId))
  const toggle = (r: PickedRoom) => {
    if (picked.has(r.houseId)) return onChange(value.filter((v) => v.houseId !== r.houseId))
    if (value.length >= MAX) return Taro.showToast({ title: `最多选择 ${MAX} 户`, icon: 'none' })
    onChange([...value, r])
  }
  const unitTools = (rooms: PickedRoom[]) => {
    const all = rooms.length > 0 && rooms.every((r) => picked.has(r.houseId))
    const ids = new Set(rooms.map((r) => r.houseId))
    const toggleUnit = () => onChange(all ? value.filter((v) => !ids.has(v.houseId)) : [...value, ...rooms.filter((r) => !picked.has(r.houseId))].slice(0, MAX))
    return (
      <Text className='sn-link sn-unit-all' onClick={toggleUnit} data-testid='rooms-unit-all'>
        {all ? '取消本单元' : '本单元全选'}
      </Text>
    )
  }

  if (!community) return <Text className='muted'>加载楼栋…</Text>
  return (
    <View className='sn-rooms' data-testid='rooms-picker'>
      <HousePicker community={community} picked={picked} onToggle={toggle} unitTools={unitTools} testPrefix='rooms-' />
      <View className='sn-rooms-picked' data-testid='rooms-picked'>
        {value.length === 0 ? (
          <Text className='muted'>还没有选择房号</Text>
        ) : (
          <>
            <Text className='muted'>
              已选 {value.length} 户：
              {value
                .slice(0, 6)
                .map((r) => r.label)
                .join('、')}
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
