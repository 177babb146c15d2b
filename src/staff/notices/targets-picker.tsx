import { View, Text } from '@tarojs/components'
import { covers } from '../../core/access/scope'
import { useStaffCommunity } from './use-community'

/**
 * 按楼栋 / 按单元 as chips, like 代客报事's house picker: only the buildings the staff member may
 * publish to (a 管理员 sees their zone), so a typo or a building outside the zone cannot be picked.
 */
export function TargetsPicker({ units, value, onChange }: { units: boolean; value: string[]; onChange(v: string[]): void }) {
  const found = useStaffCommunity()
  if (!found) return <Text className='muted'>正在读取楼栋…</Text>
  const { community, scope } = found
  const buildings = community.buildings.filter((b) => covers(scope, { communityId: community.id, building: b.no }))
  const on = new Set(value)
  const toggle = (key: string) => onChange(on.has(key) ? value.filter((v) => v !== key) : [...value, key])
  const chip = (key: string, label: string) => (
    <Text key={key} className={`sn-chip ${on.has(key) ? 'sn-chip-on' : ''}`} onClick={() => toggle(key)} data-testid={`target-${key}`}>
      {label}
    </Text>
  )

  if (!units) return <View className='sn-chips'>{buildings.map((b) => chip(b.no, `${b.no}栋`))}</View>
  return (
    <View className='sn-targets'>
      {buildings.map((b) => (
        <View key={b.no} className='sn-target-row'>
          <Text className='sn-target-building'>{b.no}栋</Text>
          <View className='sn-chips'>{b.units.map((u) => chip(`${b.no}-${u}`, `${u}单元`))}</View>
        </View>
      ))}
    </View>
  )
}
