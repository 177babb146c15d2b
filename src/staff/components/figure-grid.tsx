import { View, Text } from '@tarojs/components'
import type { Output } from '../../services/api'
import type { supervisorContract } from '../../core/supervisor/contracts'
import { changeOf, FIGURES, figureText, yuanText } from '../../core/supervisor/figure-change'
import { percentText } from '../../core/shared/ratio'
import { monthName } from '../../core/shared/time'

export type Line = Output<typeof supervisorContract.monthlyReport>['total']

/**
 * The headline figures of one line (a month, a building …), each with a testid the e2e reads,
 * what it measures, and — given the month before — how it moved (testid `<testid>-change-<key>`).
 * Beside 收缴率, the money behind it: 应收 and 实收 (¥0.00 while no bill of the month is due).
 */
export function FigureGrid({
  line,
  testid,
  previous,
  partial = false,
}: {
  line: Line
  testid: string
  previous?: { month: string; line: Line }
  partial?: boolean
}) {
  return (
    <View>
      {previous && (
        <Text className='fig-vs'>
          {partial ? `本月进行中：工单、收缴、回访仍在累计，旁列${monthName(previous.month)}全月数` : `小字为较${monthName(previous.month)}的变化`}
        </Text>
      )}
      <View className='fig-grid' data-testid={testid}>
        {FIGURES.map((f) => {
          const c = previous && changeOf(f, line, previous.line, partial)
          return (
            <View key={f.key} className='fig-cell'>
              <Text className='fig-num' data-testid={`${testid}-${f.key}`}>
                {figureText(f, line)}
              </Text>
              <Text className='fig-label'>{f.label}</Text>
              <Text className='fig-hint'>{f.hint}</Text>
              {c && (
                <Text className={`fig-change fig-change-${c.tone}`} data-testid={`${testid}-change-${f.key}`}>
                  {c.text}
                </Text>
              )}
            </View>
          )
        })}
        <View className='fig-cell fig-money'>
          <Text className='fig-amount' data-testid={`${testid}-billed`}>
            {yuanText(line.billed)}
          </Text>
          <Text className='fig-label'>应收</Text>
          <Text className='fig-amount' data-testid={`${testid}-collected`}>
            {yuanText(line.collected)}
          </Text>
          <Text className='fig-label'>实收</Text>
        </View>
      </View>
    </View>
  )
}

/** The column heads over GroupRows: the same fixed widths, so every row's numbers line up under them. */
export function GroupHead({ name, money }: { name: string; money: boolean }) {
  return (
    <View className='fig-row fig-row-head'>
      <Text className='fig-row-name'>{name}</Text>
      <Text className='fig-row-cell'>工单</Text>
      <Text className='fig-row-cell'>解决及时</Text>
      <Text className='fig-row-cell'>满意率</Text>
      {money && <Text className='fig-row-cell'>收缴率</Text>}
    </View>
  )
}

/** A group's row: name, volume, and the three numbers a 客服主任 scans first, in fixed right-aligned columns. */
export function GroupRow({ line, testid, money }: { line: Line; testid: string; money: boolean }) {
  return (
    <View className='fig-row' data-testid={testid}>
      <Text className='fig-row-name'>{line.label}</Text>
      <Text className='fig-row-cell'>{line.tickets}</Text>
      <Text className='fig-row-cell'>{percentText(line.resolveOnTime)}</Text>
      <Text className='fig-row-cell'>{percentText(line.satisfiedShare)}</Text>
      {money && <Text className='fig-row-cell'>{percentText(line.collectionRate)}</Text>}
    </View>
  )
}

/** Bills belong to buildings: a table of departments or handlers has no 收缴率 column. */
export const hasMoney = (lines: Line[]) => lines.some((l) => l.collectionRate !== null)
