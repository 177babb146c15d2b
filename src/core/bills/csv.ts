import { PERIOD_RE } from './fees'
import { splitCsvLine } from '../shared/csv'
import { parseHundredths } from '../shared/money'

/**
 * Meter readings CSV (水/电), as staff export it from a spreadsheet:
 *   房号,上期读数,本期读数
 *   1-1-301,1203.5,1215.2
 * 房号 is 楼栋-单元-房号. Every row is checked; one bad row rejects the whole file.
 */
export interface ReadingRow {
  row: number
  building: string
  unit: string
  room: string
  previous: number
  current: number
}

export interface CsvError {
  row: number
  message: string
}

const NUM_RE = /^\d{1,9}(\.\d{1,2})?$/
/** Readings in hundredths of a unit (NUM_RE checked first), so usage × price stays in integers. */
const hundredths = (s: string) => parseHundredths(s)!

export const MAX_ROWS = 5000

/** Parse and check every row; `row` numbers are the file's own line numbers (header = 1). */
export function parseReadings(csv: string): { rows: ReadingRow[]; errors: CsvError[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/)
  const rows: ReadingRow[] = []
  const errors: CsvError[] = []
  const seen = new Map<string, number>()
  lines.forEach((raw, i) => {
    const row = i + 1
    if (!raw.trim()) return
    const cells = splitCsvLine(raw)
    if (row === 1 && !/\d/.test(cells[1] ?? '')) return // header
    if (cells.length !== 3) return void errors.push({ row, message: '应有 3 列：房号,上期读数,本期读数' })
    const [house, prev, cur] = cells
    const m = /^(\d{1,3})-(\d{1,2})-(\d{3,4})$/.exec(house)
    if (!m) return void errors.push({ row, message: `房号「${house}」格式应为 楼栋-单元-房号，如 1-1-301` })
    if (!NUM_RE.test(prev) || !NUM_RE.test(cur)) return void errors.push({ row, message: '读数应为数字，最多两位小数' })
    const previous = hundredths(prev)
    const current = hundredths(cur)
    if (current < previous) return void errors.push({ row, message: `本期读数 ${cur} 小于上期读数 ${prev}` })
    const key = `${m[1]}-${m[2]}-${m[3]}`
    if (seen.has(key)) return void errors.push({ row, message: `房号 ${key} 与第 ${seen.get(key)} 行重复` })
    seen.set(key, row)
    rows.push({ row, building: m[1], unit: m[2], room: m[3], previous, current })
  })
  if (!rows.length && !errors.length) errors.push({ row: 1, message: '文件中没有读数' })
  if (rows.length > MAX_ROWS) errors.push({ row: MAX_ROWS + 2, message: `一次最多导入 ${MAX_ROWS} 行` })
  return { rows, errors }
}

export const isPeriod = (s: string) => PERIOD_RE.test(s)
