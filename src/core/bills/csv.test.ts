import { parseReadings } from './csv'
import { splitCsvLine, toCsv } from '../shared/csv'

describe('meter CSV', () => {
  it('parses good rows into hundredths and names every bad row', () => {
    const { rows, errors } = parseReadings(
      '\uFEFF房号,上期读数,本期读数\r\n1-1-301,120.5,132.75\r\n\r\n1-1-401,abc,3\n1-1-301,1,2\n2-1-502,5,4\nx,1,2\n1-1-101,1\n',
    )
    expect(rows).toEqual([{ row: 2, building: '1', unit: '1', room: '301', previous: 12050, current: 13275 }])
    expect(errors.map((e) => e.row)).toEqual([4, 5, 6, 7, 8])
    expect(errors[1].message).toBe('房号 1-1-301 与第 2 行重复')
  })

  it('an empty file is an error, not a silent success', () => {
    expect(parseReadings('房号,上期读数,本期读数\n').errors).toEqual([{ row: 1, message: '文件中没有读数' }])
  })

  it('exports quoted, formula-safe CSV with a BOM for Excel', () => {
    expect(toCsv([['a,b', '=1+1', 3]])).toBe('\uFEFF"a,b",\'=1+1,3\r\n')
    expect(splitCsvLine('"a ""q""",b')).toEqual(['a "q"', 'b'])
  })
})
