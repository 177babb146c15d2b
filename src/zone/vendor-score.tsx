import { Text } from '@tarojs/components'

/**
 * A month's score out of 100: red below 60, amber below 80; a dash for a month with nothing to
 * score; 「工单 N」 when no 品质检查 was made and the tickets alone make it.
 */
export const ScoreText = ({ s, ticketsOnly = false }: { s: number | null; ticketsOnly?: boolean }) =>
  s === null ? (
    <Text className='muted'>暂无</Text>
  ) : (
    <Text className={s < 60 ? 'zv-score zv-bad' : s < 80 ? 'zv-score zv-warn' : 'zv-score'} data-testid='vendor-score'>
      {ticketsOnly ? `工单 ${s}` : `${s} 分`}
    </Text>
  )
