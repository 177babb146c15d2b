import { csvCell, splitCsvLine, toCsv } from './csv'

describe('CSV writer', () => {
  it('neutralises everything a spreadsheet would evaluate', () => {
    for (const s of ['=1+2', '+SUM(A1)', '-1+2', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://x","点我")']) expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/)
  })

  it('keeps plain numbers numbers, signed or as a percentage', () => {
    expect([csvCell('-3'), csvCell('+12.5'), csvCell('-4.2%'), csvCell(-7), csvCell('33.3%')]).toEqual(['-3', '+12.5', '-4.2%', '-7', '33.3%'])
  })

  it('quotes commas, quotes and line breaks, and round-trips through the splitter', () => {
    expect(
      toCsv([
        ['a,b', '=1+1', 3],
        ['说"明"', '一\n二'],
      ]),
    ).toBe('\uFEFF"a,b",\'=1+1,3\r\n"说""明""","一\n二"\r\n')
    expect(splitCsvLine('"a ""q""",b')).toEqual(['a "q"', 'b'])
  })
})
