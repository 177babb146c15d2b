import { View, Text } from '@tarojs/components'
import './index.scss'
import { go } from '../../services/nav'

export interface OutageItem {
  id: string
  title: string
  line: string
}

/**
 * Active outages, in the main package (首页, 报事): no contract imports here, so no zod schema
 * comes with it. A tap opens the notice (a subpackage), where the resident can follow it.
 */
export function OutageBanner({ items }: { items: OutageItem[] }) {
  return (
    <View data-testid='outage-banner'>
      {items.map((o) => (
        <View key={o.id} className='ob-item' onClick={() => go('notice', { id: o.id })} data-testid='outage-open'>
          <Text className='card-title'>{o.title}</Text>
          <Text className='ob-line' data-testid='outage-line'>
            {o.line}
          </Text>
          <Text className='muted'>关注恢复进度 ›</Text>
        </View>
      ))}
    </View>
  )
}
