import { issuesToFields } from '../shared/errors'
import { CreateTicket } from './inputs'
import { RecordTicket } from './record-input'

const base = { type: 'repair', houseId: 'sunshine-1-1-301', category: 'water_electric', description: '厨房水管漏水了' }
const fields = (input: unknown, schema = CreateTicket) => issuesToFields(schema.safeParse(input).error?.issues ?? [])

describe('CreateTicket: the rules the 报事 form and the server share', () => {
  it('names every problem at once, the cross-field ones included', () => {
    expect(fields({ ...base, scope: 'public', description: '漏水' })).toEqual({ description: '请至少用 5 个字描述问题', location: '请填写具体位置' })
  })

  it('a home repair has no location, and only a repair is an emergency', () => {
    expect(fields({ ...base, location: '厨房' })).toEqual({ location: '户内报修不需要填写位置' })
    expect(fields({ ...base, type: 'complaint', emergency: 'fire' })).toEqual({ emergency: '只有报修可以标记为紧急' })
  })

  it('代客报事 keeps the same rules and adds the reporter', () => {
    expect(fields({ ...base, scope: 'public', source: 'phone', reporterName: '张建国', reporterPhone: '138' }, RecordTicket)).toEqual({
      location: '请填写具体位置',
      reporterPhone: '请填写 11 位手机号',
    })
    expect(CreateTicket.safeParse({ ...base, scope: 'public', location: '3 栋大堂' }).success).toBe(true)
  })
})
