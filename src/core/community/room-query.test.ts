import { houseIdFromQuery, namesHouse, phoneQuery } from './room-query'

describe('a house or a phone as the desk types it', () => {
  it('reads 1-1-301 and 1栋1单元301 as the same house, and nothing else as one', () => {
    expect(houseIdFromQuery('sunshine', '1-1-301')).toBe('sunshine-1-1-301')
    expect(houseIdFromQuery('sunshine', ' 1栋1单元301 ')).toBe('sunshine-1-1-301')
    expect(houseIdFromQuery('sunshine', '12幢2单元1502室')).toBe('sunshine-12-2-1502')
    expect(houseIdFromQuery('sunshine', '301')).toBeNull()
    expect(houseIdFromQuery('sunshine', '1-1')).toBeNull()
    expect(houseIdFromQuery('sunshine', '张建国')).toBeNull()
  })
  it('takes a phone as its last four digits or all eleven', () => {
    expect(phoneQuery('0301')).toBe('0301')
    expect(phoneQuery(' 13800000301 ')).toBe('13800000301')
    expect(phoneQuery('301')).toBeNull()
    expect(phoneQuery('23800000301')).toBeNull()
  })
  it('knows which searches name a house (the inbox then shows its 一户一档 first)', () => {
    expect(['1-1-301', '1栋1单元301', '0301', '13800000301'].map(namesHouse)).toEqual([true, true, true, true])
    expect(['301', '1栋', 'BX-20261124-0001', '张建国'].map(namesHouse)).toEqual([false, false, false, false])
  })
})
