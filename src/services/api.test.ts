import { contracts } from '../core/contracts'

jest.mock('@tarojs/taro', () => ({ getStorageSync: () => '', setStorageSync: () => undefined }), { virtual: true })

describe('api client', () => {
  it('offers exactly the actions of each contract the app calls', async () => {
    const { api } = await import('./api')
    for (const [fn, actions] of Object.entries(api)) {
      expect(Object.keys(actions).sort()).toEqual(Object.keys(contracts[fn as keyof typeof contracts]).sort())
    }
    expect(Object.keys(api).sort()).toEqual(Object.keys(contracts).filter((f) => f !== 'scheduler').sort())
  })
})
