import { Text } from '@tarojs/components'
import { ROUND_STATE_LABELS, type RoundState } from '../core/inspections/schedule'

const TAG: Record<RoundState, string> = { todo: 'tag tag-gray', running: 'tag', done: 'tag', late: 'tag tag-warn', overdue: 'tag tag-danger' }

/** A round's state as a tag: red while overdue, amber once finished late. */
export const RoundStateTag = ({ state }: { state: RoundState }) => (
  <Text className={TAG[state]} data-testid='round-state'>
    {ROUND_STATE_LABELS[state]}
  </Text>
)
