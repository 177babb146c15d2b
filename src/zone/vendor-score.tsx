import { Text } from '@tarojs/components'

/** A month's score out of 100: red below 60, amber below 80; a dash for a month with nothing to score. */
export const ScoreText = ({ s }: { s: number | null }) =>
  s === null ? (
    <Text className='muted'>暂无</Text>
  ) : (
    <Text className={s < 60 ? 'zv-score zv-bad' : s < 80 ? 'zv-score zv-warn' : 'zv-score'} data-testid='vendor-score'>
      {s} 分
    </Text>
  )
